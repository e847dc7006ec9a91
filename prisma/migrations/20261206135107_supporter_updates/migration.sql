-- CreateEnum
CREATE TYPE "UpdateStatus" AS ENUM ('DRAFT', 'AWAITING_APPROVAL', 'SCHEDULED', 'SENDING', 'SENT');

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "updates_need_approval" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "supporter_updates" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "campaign_id" TEXT,
    "subject_en" TEXT NOT NULL,
    "subject_ar" TEXT,
    "body_en" TEXT NOT NULL,
    "body_ar" TEXT,
    "status" "UpdateStatus" NOT NULL DEFAULT 'DRAFT',
    "mailed" BOOLEAN NOT NULL DEFAULT true,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "scheduled_for" TIMESTAMP(3),
    "created_by_id" TEXT,
    "approved_by_id" TEXT,
    "sent_by_id" TEXT,
    "approved_at" TIMESTAMP(3),
    "sending_at" TIMESTAMP(3),
    "sent_at" TIMESTAMP(3),
    "recipient_count" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "supporter_updates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "update_recipients" (
    "id" TEXT NOT NULL,
    "update_id" TEXT NOT NULL,
    "supporter_id" TEXT,
    "locale" "Locale" NOT NULL,
    "queued_at" TIMESTAMP(3),
    "skipped_at" TIMESTAMP(3),
    "provider_id" TEXT,
    "sent_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),
    "bounced_at" TIMESTAMP(3),
    "complained_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "update_recipients_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "supporter_updates_organisation_id_created_at_idx" ON "supporter_updates"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "supporter_updates_campaign_id_status_idx" ON "supporter_updates"("campaign_id", "status");

-- CreateIndex
CREATE INDEX "supporter_updates_status_scheduled_for_idx" ON "supporter_updates"("status", "scheduled_for");

-- CreateIndex
CREATE INDEX "update_recipients_update_id_queued_at_idx" ON "update_recipients"("update_id", "queued_at");

-- CreateIndex
CREATE INDEX "update_recipients_supporter_id_idx" ON "update_recipients"("supporter_id");

-- CreateIndex
CREATE INDEX "update_recipients_provider_id_idx" ON "update_recipients"("provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "update_recipients_update_id_supporter_id_key" ON "update_recipients"("update_id", "supporter_id");

-- AddForeignKey
ALTER TABLE "supporter_updates" ADD CONSTRAINT "supporter_updates_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supporter_updates" ADD CONSTRAINT "supporter_updates_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supporter_updates" ADD CONSTRAINT "supporter_updates_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supporter_updates" ADD CONSTRAINT "supporter_updates_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supporter_updates" ADD CONSTRAINT "supporter_updates_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "update_recipients" ADD CONSTRAINT "update_recipients_update_id_fkey" FOREIGN KEY ("update_id") REFERENCES "supporter_updates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "update_recipients" ADD CONSTRAINT "update_recipients_supporter_id_fkey" FOREIGN KEY ("supporter_id") REFERENCES "supporters"("id") ON DELETE SET NULL ON UPDATE CASCADE;
