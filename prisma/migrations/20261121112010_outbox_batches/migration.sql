-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "batch_key" TEXT;

-- CreateIndex
CREATE INDEX "outbox_messages_batch_key_idx" ON "outbox_messages"("batch_key");
