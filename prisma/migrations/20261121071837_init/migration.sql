-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('en', 'ar');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "DemandKind" AS ENUM ('CEASEFIRE', 'HUMANITARIAN_ACCESS', 'ICC_REFERRAL', 'PROTECTION_OF_CIVILIANS', 'ACCOUNTABILITY', 'POLITICAL_TRANSITION', 'SAFE_RETURN', 'OTHER');

-- CreateEnum
CREATE TYPE "SignatureState" AS ENUM ('PENDING', 'CONFIRMED', 'INVALIDATED', 'FRAUDULENT');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('OWNER', 'ORGANISER', 'VIEWER');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "DigestCadence" AS ENUM ('OFF', 'DAILY', 'WEEKLY');

-- CreateTable
CREATE TABLE "organisations" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_ar" TEXT,
    "website" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_statements" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "author_organisation_id" TEXT,
    "author_name" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_ar" TEXT,
    "published_on" DATE NOT NULL,
    "date_precision" TEXT NOT NULL DEFAULT 'day',
    "url" TEXT,
    "language" "Locale" NOT NULL,
    "summary_en" TEXT NOT NULL,
    "summary_ar" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "source_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaigns" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "source_statement_id" TEXT,
    "goals" INTEGER[],
    "opens_at" TIMESTAMP(3),
    "closes_at" TIMESTAMP(3),
    "title_en" TEXT NOT NULL,
    "title_ar" TEXT,
    "summary_en" TEXT NOT NULL,
    "summary_ar" TEXT,
    "body_en" TEXT NOT NULL DEFAULT '',
    "body_ar" TEXT,
    "digest_cadence" "DigestCadence" NOT NULL DEFAULT 'WEEKLY',
    "retention_months" INTEGER NOT NULL DEFAULT 6,
    "anonymised_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_owners" (
    "campaign_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_owners_pkey" PRIMARY KEY ("campaign_id","organisation_id")
);

-- CreateTable
CREATE TABLE "demands" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "DemandKind" NOT NULL,
    "text_en" TEXT NOT NULL,
    "text_ar" TEXT,
    "source_quote" TEXT,
    "source_statement_id" TEXT,

    CONSTRAINT "demands_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_counters" (
    "campaign_id" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "confirmed" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_counters_pkey" PRIMARY KEY ("campaign_id","shard")
);

-- CreateTable
CREATE TABLE "decision_makers" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "institution" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT,
    "email" TEXT NOT NULL,
    "contact_url" TEXT,
    "preferred_locale" "Locale" NOT NULL DEFAULT 'en',
    "last_verified_on" DATE,
    "retired_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "decision_makers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_targets" (
    "campaign_id" TEXT NOT NULL,
    "decision_maker_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_targets_pkey" PRIMARY KEY ("campaign_id","decision_maker_id")
);

-- CreateTable
CREATE TABLE "supporters" (
    "id" TEXT NOT NULL,
    "canonical_email" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'en',
    "unsubscribed_at" TIMESTAMP(3),
    "erased_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "supporters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signatures" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "supporter_id" TEXT NOT NULL,
    "state" "SignatureState" NOT NULL DEFAULT 'PENDING',
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "postcode" TEXT,
    "comment" TEXT,
    "comment_approved" BOOLEAN NOT NULL DEFAULT false,
    "show_publicly" BOOLEAN NOT NULL DEFAULT false,
    "locale" "Locale" NOT NULL,
    "ip_hash" TEXT,
    "source" TEXT,
    "confirmations_sent" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "confirmed_at" TIMESTAMP(3),
    "invalidated_at" TIMESTAMP(3),
    "invalidation_reason" TEXT,

    CONSTRAINT "signatures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "confirmation_tokens" (
    "token_hash" TEXT NOT NULL,
    "signature_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "confirmation_tokens_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "signature_consents" (
    "signature_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signature_consents_pkey" PRIMARY KEY ("signature_id","organisation_id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "payload" JSONB,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMP(3),
    "last_error" TEXT,
    "provider_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dev_mails" (
    "id" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "from_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "headers" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dev_mails_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT NOT NULL,
    "email_verified" TIMESTAMP(3),
    "image" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "session_token" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_tokens" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "memberships" (
    "user_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("user_id","organisation_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisations_slug_key" ON "organisations"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "source_statements_slug_key" ON "source_statements"("slug");

-- CreateIndex
CREATE INDEX "source_statements_author_organisation_id_idx" ON "source_statements"("author_organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "campaigns_slug_key" ON "campaigns"("slug");

-- CreateIndex
CREATE INDEX "campaigns_status_opens_at_idx" ON "campaigns"("status", "opens_at");

-- CreateIndex
CREATE INDEX "campaigns_source_statement_id_idx" ON "campaigns"("source_statement_id");

-- CreateIndex
CREATE INDEX "campaign_owners_organisation_id_idx" ON "campaign_owners"("organisation_id");

-- CreateIndex
CREATE INDEX "demands_source_statement_id_idx" ON "demands"("source_statement_id");

-- CreateIndex
CREATE INDEX "demands_kind_idx" ON "demands"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "demands_campaign_id_position_key" ON "demands"("campaign_id", "position");

-- CreateIndex
CREATE INDEX "decision_makers_country_region_idx" ON "decision_makers"("country", "region");

-- CreateIndex
CREATE UNIQUE INDEX "decision_makers_organisation_id_email_key" ON "decision_makers"("organisation_id", "email");

-- CreateIndex
CREATE INDEX "campaign_targets_decision_maker_id_idx" ON "campaign_targets"("decision_maker_id");

-- CreateIndex
CREATE UNIQUE INDEX "supporters_canonical_email_key" ON "supporters"("canonical_email");

-- CreateIndex
CREATE INDEX "signatures_campaign_id_state_confirmed_at_idx" ON "signatures"("campaign_id", "state", "confirmed_at");

-- CreateIndex
CREATE INDEX "signatures_campaign_id_country_idx" ON "signatures"("campaign_id", "country");

-- CreateIndex
CREATE INDEX "signatures_campaign_id_ip_hash_idx" ON "signatures"("campaign_id", "ip_hash");

-- CreateIndex
CREATE INDEX "signatures_supporter_id_idx" ON "signatures"("supporter_id");

-- CreateIndex
CREATE UNIQUE INDEX "signatures_campaign_id_supporter_id_key" ON "signatures"("campaign_id", "supporter_id");

-- CreateIndex
CREATE INDEX "confirmation_tokens_signature_id_idx" ON "confirmation_tokens"("signature_id");

-- CreateIndex
CREATE INDEX "signature_consents_organisation_id_idx" ON "signature_consents"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_idempotency_key_key" ON "outbox_messages"("idempotency_key");

-- CreateIndex
CREATE INDEX "outbox_messages_status_next_attempt_at_idx" ON "outbox_messages"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "outbox_messages_to_address_idx" ON "outbox_messages"("to_address");

-- CreateIndex
CREATE INDEX "dev_mails_to_address_created_at_idx" ON "dev_mails"("to_address", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "accounts_provider_provider_account_id_key" ON "accounts"("provider", "provider_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_session_token_key" ON "sessions"("session_token");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_token_key" ON "verification_tokens"("token");

-- CreateIndex
CREATE UNIQUE INDEX "verification_tokens_identifier_token_key" ON "verification_tokens"("identifier", "token");

-- CreateIndex
CREATE INDEX "memberships_organisation_id_idx" ON "memberships"("organisation_id");

-- AddForeignKey
ALTER TABLE "source_statements" ADD CONSTRAINT "source_statements_author_organisation_id_fkey" FOREIGN KEY ("author_organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_source_statement_id_fkey" FOREIGN KEY ("source_statement_id") REFERENCES "source_statements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_owners" ADD CONSTRAINT "campaign_owners_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_owners" ADD CONSTRAINT "campaign_owners_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demands" ADD CONSTRAINT "demands_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "demands" ADD CONSTRAINT "demands_source_statement_id_fkey" FOREIGN KEY ("source_statement_id") REFERENCES "source_statements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_counters" ADD CONSTRAINT "campaign_counters_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decision_makers" ADD CONSTRAINT "decision_makers_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_targets" ADD CONSTRAINT "campaign_targets_decision_maker_id_fkey" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signatures" ADD CONSTRAINT "signatures_supporter_id_fkey" FOREIGN KEY ("supporter_id") REFERENCES "supporters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "confirmation_tokens" ADD CONSTRAINT "confirmation_tokens_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signatures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signature_consents" ADD CONSTRAINT "signature_consents_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signatures"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signature_consents" ADD CONSTRAINT "signature_consents_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
