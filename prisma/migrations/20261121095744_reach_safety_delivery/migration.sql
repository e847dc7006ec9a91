-- CreateEnum
CREATE TYPE "DigestKind" AS ENUM ('SCHEDULED', 'MILESTONE');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'DELIVERED', 'BOUNCED', 'COMPLAINED', 'FAILED');

-- CreateEnum
CREATE TYPE "AccessRuleKind" AS ENUM ('IP_RANGE', 'EMAIL_DOMAIN', 'EMAIL_ADDRESS');

-- CreateEnum
CREATE TYPE "AccessRuleEffect" AS ENUM ('BLOCK', 'ALLOW');

-- CreateEnum
CREATE TYPE "TrendingKind" AS ENUM ('IP_HASH', 'EMAIL_DOMAIN');

-- CreateEnum
CREATE TYPE "SupporterTokenPurpose" AS ENUM ('UNSUBSCRIBE', 'ERASE', 'LETTER');

-- DropForeignKey
ALTER TABLE "signatures" DROP CONSTRAINT "signatures_supporter_id_fkey";

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "letter_body_ar" TEXT,
ADD COLUMN     "letter_body_en" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "letter_daily_cap" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "letter_subjects_ar" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "letter_subjects_en" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "milestone_digests" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "proof_of_work" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "decision_makers" ADD COLUMN     "institution_ar" TEXT,
ADD COLUMN     "title_ar" TEXT;

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "rate_burst_limit" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "rate_burst_window_seconds" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "rate_sustained_limit" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "rate_sustained_window_seconds" INTEGER NOT NULL DEFAULT 300,
ADD COLUMN     "trending_threshold" INTEGER NOT NULL DEFAULT 100;

-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "cc" TEXT,
ADD COLUMN     "reply_to" TEXT;

-- AlterTable
ALTER TABLE "signatures" ADD COLUMN     "anonymised_at" TIMESTAMP(3),
ALTER COLUMN "supporter_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "campaign_milestones" (
    "campaign_id" TEXT NOT NULL,
    "goal" INTEGER NOT NULL,
    "reached_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_milestones_pkey" PRIMARY KEY ("campaign_id","goal")
);

-- CreateTable
CREATE TABLE "supporter_tokens" (
    "token_hash" TEXT NOT NULL,
    "supporter_id" TEXT NOT NULL,
    "purpose" "SupporterTokenPurpose" NOT NULL,
    "expires_at" TIMESTAMP(3),
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supporter_tokens_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "sign_attempts" (
    "id" BIGSERIAL NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "ip_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "access_rules" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT,
    "kind" "AccessRuleKind" NOT NULL,
    "effect" "AccessRuleEffect" NOT NULL,
    "pattern" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "access_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trending_flags" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "kind" "TrendingKind" NOT NULL,
    "value" TEXT NOT NULL,
    "hour_start" TIMESTAMP(3) NOT NULL,
    "confirmed" INTEGER NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trending_flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "count_repairs" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "counted" INTEGER NOT NULL,
    "actual" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "count_repairs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_runs" (
    "job" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "details" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job","period_key")
);

-- CreateTable
CREATE TABLE "digests" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "decision_maker_id" TEXT NOT NULL,
    "kind" "DigestKind" NOT NULL,
    "period_key" TEXT NOT NULL,
    "new_signatures" INTEGER NOT NULL,
    "total_signatures" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "counted_at" TIMESTAMP(3) NOT NULL,
    "locale" "Locale" NOT NULL,
    "outbox_key" TEXT NOT NULL,
    "provider_id" TEXT,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "queued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),
    "delivered_at" TIMESTAMP(3),
    "bounced_at" TIMESTAMP(3),
    "complained_at" TIMESTAMP(3),
    "failed_at" TIMESTAMP(3),

    CONSTRAINT "digests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_events" (
    "id" TEXT NOT NULL,
    "digest_id" TEXT,
    "provider_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delivery_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decision_maker_responses" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "decision_maker_id" TEXT NOT NULL,
    "responded_on" DATE NOT NULL,
    "summary" TEXT NOT NULL,
    "summary_ar" TEXT,
    "url" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "decision_maker_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letters" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "decision_maker_id" TEXT NOT NULL,
    "signature_id" TEXT,
    "supporter_id" TEXT,
    "locale" "Locale" NOT NULL,
    "subject" TEXT NOT NULL,
    "outbox_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letter_daily_counts" (
    "decision_maker_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "sent" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "letter_daily_counts_pkey" PRIMARY KEY ("decision_maker_id","day")
);

-- CreateTable
CREATE TABLE "webhook_endpoints" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "events" TEXT[],
    "include_personal_data" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL,
    "endpoint_id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_status_code" INTEGER,
    "last_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMP(3),

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "supporter_tokens_supporter_id_idx" ON "supporter_tokens"("supporter_id");

-- CreateIndex
CREATE INDEX "sign_attempts_campaign_id_ip_hash_created_at_idx" ON "sign_attempts"("campaign_id", "ip_hash", "created_at");

-- CreateIndex
CREATE INDEX "sign_attempts_created_at_idx" ON "sign_attempts"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "access_rules_organisation_id_kind_effect_pattern_key" ON "access_rules"("organisation_id", "kind", "effect", "pattern");

-- CreateIndex
CREATE INDEX "trending_flags_resolved_at_idx" ON "trending_flags"("resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "trending_flags_campaign_id_kind_value_hour_start_key" ON "trending_flags"("campaign_id", "kind", "value", "hour_start");

-- CreateIndex
CREATE INDEX "count_repairs_campaign_id_created_at_idx" ON "count_repairs"("campaign_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "digests_outbox_key_key" ON "digests"("outbox_key");

-- CreateIndex
CREATE INDEX "digests_decision_maker_id_idx" ON "digests"("decision_maker_id");

-- CreateIndex
CREATE INDEX "digests_provider_id_idx" ON "digests"("provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "digests_campaign_id_decision_maker_id_period_key_key" ON "digests"("campaign_id", "decision_maker_id", "period_key");

-- CreateIndex
CREATE INDEX "delivery_events_digest_id_idx" ON "delivery_events"("digest_id");

-- CreateIndex
CREATE INDEX "delivery_events_provider_id_idx" ON "delivery_events"("provider_id");

-- CreateIndex
CREATE INDEX "decision_maker_responses_campaign_id_decision_maker_id_idx" ON "decision_maker_responses"("campaign_id", "decision_maker_id");

-- CreateIndex
CREATE UNIQUE INDEX "letters_outbox_key_key" ON "letters"("outbox_key");

-- CreateIndex
CREATE INDEX "letters_campaign_id_decision_maker_id_idx" ON "letters"("campaign_id", "decision_maker_id");

-- CreateIndex
CREATE INDEX "letters_decision_maker_id_created_at_idx" ON "letters"("decision_maker_id", "created_at");

-- CreateIndex
CREATE INDEX "letters_supporter_id_idx" ON "letters"("supporter_id");

-- CreateIndex
CREATE INDEX "webhook_endpoints_organisation_id_idx" ON "webhook_endpoints"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "webhook_deliveries_idempotency_key_key" ON "webhook_deliveries"("idempotency_key");

-- CreateIndex
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_idx" ON "webhook_deliveries"("endpoint_id", "created_at");

-- CreateIndex
CREATE INDEX "signatures_campaign_id_source_idx" ON "signatures"("campaign_id", "source");

-- AddForeignKey
ALTER TABLE "campaign_milestones" ADD CONSTRAINT "campaign_milestones_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_supporter_id_fkey" FOREIGN KEY ("supporter_id") REFERENCES "supporters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supporter_tokens" ADD CONSTRAINT "supporter_tokens_supporter_id_fkey" FOREIGN KEY ("supporter_id") REFERENCES "supporters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sign_attempts" ADD CONSTRAINT "sign_attempts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "access_rules" ADD CONSTRAINT "access_rules_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "trending_flags" ADD CONSTRAINT "trending_flags_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "count_repairs" ADD CONSTRAINT "count_repairs_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digests" ADD CONSTRAINT "digests_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digests" ADD CONSTRAINT "digests_decision_maker_id_fkey" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_events" ADD CONSTRAINT "delivery_events_digest_id_fkey" FOREIGN KEY ("digest_id") REFERENCES "digests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_maker_responses" ADD CONSTRAINT "decision_maker_responses_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_maker_responses" ADD CONSTRAINT "decision_maker_responses_decision_maker_id_fkey" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_decision_maker_id_fkey" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signatures"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_supporter_id_fkey" FOREIGN KEY ("supporter_id") REFERENCES "supporters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letter_daily_counts" ADD CONSTRAINT "letter_daily_counts_decision_maker_id_fkey" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_fkey" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;
