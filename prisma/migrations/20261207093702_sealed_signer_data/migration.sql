-- Signers' personal data is sealed by the application (lib/sealing), which holds the keys; SQL
-- cannot. The renamed columns keep each canonical address until the application's sealing step
-- (run after the migrations, by db:migrate and at start) replaces it with its keyed hash and seals
-- every plain value; an address is never mistaken for a hash, which has no "@".

-- Supporters: the canonical address becomes its keyed hash.
ALTER INDEX "supporters_canonical_email_key" RENAME TO "supporters_email_hash_key";
ALTER TABLE "supporters" RENAME COLUMN "canonical_email" TO "email_hash";

-- Paper signatures: likewise.
ALTER INDEX "paper_signatures_campaign_id_canonical_email_key" RENAME TO "paper_signatures_campaign_id_email_hash_key";
ALTER TABLE "paper_signatures" RENAME COLUMN "canonical_email" TO "email_hash";

-- Signatures: the name's words as keyed hashes, for moderation's search.
ALTER TABLE "signatures" ADD COLUMN "name_words" TEXT[] DEFAULT ARRAY[]::TEXT[];
CREATE INDEX "signatures_name_words_idx" ON "signatures" USING GIN ("name_words");

-- The data keys, wrapped.
CREATE TABLE "data_keys" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "wrapped" TEXT,
    "kek_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "destroyed_at" TIMESTAMP(3),

    CONSTRAINT "data_keys_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "data_keys_kek_id_idx" ON "data_keys"("kek_id");
CREATE UNIQUE INDEX "data_keys_scope_generation_key" ON "data_keys"("scope", "generation");

-- Mails to a supporter name them, so that their sealed address can be opened to send.
ALTER TABLE "outbox_messages" ADD COLUMN "supporter_id" TEXT;
CREATE INDEX "outbox_messages_supporter_id_idx" ON "outbox_messages"("supporter_id");
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_supporter_id_fkey" FOREIGN KEY ("supporter_id") REFERENCES "supporters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Addresses are sealed: an index on them finds nothing. The mailbox lists its mail newest first.
DROP INDEX "outbox_messages_to_address_idx";
DROP INDEX "dev_mails_to_address_created_at_idx";
CREATE INDEX "dev_mails_created_at_idx" ON "dev_mails"("created_at");
