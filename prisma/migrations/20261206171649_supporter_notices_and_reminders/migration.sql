-- CreateEnum
CREATE TYPE "UpdateKind" AS ENUM ('UPDATE', 'NOTICE');

-- CreateEnum
CREATE TYPE "NoticeEventKind" AS ENUM ('DELIVERED', 'ANSWERED');

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "supporter_notices" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "signatures" ADD COLUMN     "reminder_sent_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "supporter_updates" ADD COLUMN     "kind" "UpdateKind" NOT NULL DEFAULT 'UPDATE',
ADD COLUMN     "notice_day" DATE;

-- CreateTable
CREATE TABLE "campaign_notice_events" (
    "id" TEXT NOT NULL,
    "notice_id" TEXT NOT NULL,
    "kind" "NoticeEventKind" NOT NULL,
    "decision_maker_id" TEXT NOT NULL,
    "response_id" TEXT,
    "event_key" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_notice_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "campaign_notice_events_event_key_key" ON "campaign_notice_events"("event_key");

-- CreateIndex
CREATE INDEX "campaign_notice_events_notice_id_idx" ON "campaign_notice_events"("notice_id");

-- CreateIndex
CREATE INDEX "campaign_notice_events_decision_maker_id_idx" ON "campaign_notice_events"("decision_maker_id");

-- CreateIndex
CREATE INDEX "campaign_notice_events_response_id_idx" ON "campaign_notice_events"("response_id");

-- CreateIndex
CREATE INDEX "signatures_state_created_at_idx" ON "signatures"("state", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "supporter_updates_campaign_id_notice_day_key" ON "supporter_updates"("campaign_id", "notice_day");

-- AddForeignKey
ALTER TABLE "campaign_notice_events" ADD CONSTRAINT "campaign_notice_events_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "supporter_updates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_notice_events" ADD CONSTRAINT "campaign_notice_events_decision_maker_id_fkey" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_notice_events" ADD CONSTRAINT "campaign_notice_events_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "decision_maker_responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;
