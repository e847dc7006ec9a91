-- AlterTable
ALTER TABLE "dev_mails" ADD COLUMN     "outbox_key" TEXT;

-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "signature_id" TEXT;

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "personal_data" JSONB,
ADD COLUMN     "signature_id" TEXT;

-- CreateIndex
CREATE INDEX "dev_mails_outbox_key_idx" ON "dev_mails"("outbox_key");

-- CreateIndex
CREATE INDEX "outbox_messages_signature_id_idx" ON "outbox_messages"("signature_id");

-- CreateIndex
CREATE INDEX "webhook_deliveries_signature_id_idx" ON "webhook_deliveries"("signature_id");

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signatures"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signatures"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rows written before these references existed get them from what they already say, so that
-- erasure finds them too: a confirmation mail's key names its signature, and so does the data of
-- a "signature.confirmed" event, whose signer's name and e-mail move to their own column.
UPDATE "outbox_messages" AS m SET "signature_id" = s."id"
  FROM "signatures" AS s
 WHERE split_part(m."idempotency_key", ':', 1) = 'confirm-signature'
   AND s."id" = split_part(m."idempotency_key", ':', 2);

UPDATE "webhook_deliveries" AS d SET "signature_id" = s."id"
  FROM "signatures" AS s
 WHERE d."event" = 'signature.confirmed'
   AND s."id" = d."payload"->'data'->>'signature';

UPDATE "webhook_deliveries"
   SET "personal_data" = jsonb_build_object('name', "payload"->'data'->'name', 'email', "payload"->'data'->'email'),
       "payload" = "payload" #- '{data,name}' #- '{data,email}'
 WHERE "event" = 'signature.confirmed'
   AND jsonb_typeof("payload"->'data') = 'object'
   AND ("payload"->'data'->'name' IS NOT NULL OR "payload"->'data'->'email' IS NOT NULL);
