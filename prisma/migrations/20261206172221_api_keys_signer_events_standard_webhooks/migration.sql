-- CreateEnum
CREATE TYPE "WebhookSignatureScheme" AS ENUM ('NIDA', 'STANDARD');

-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('READ', 'WRITE');

-- CreateEnum
CREATE TYPE "SignerEventKind" AS ENUM ('SIGNED', 'UNSUBSCRIBED', 'ERASED');

-- AlterTable
ALTER TABLE "webhook_endpoints" ADD COLUMN     "signature_scheme" "WebhookSignatureScheme" NOT NULL DEFAULT 'STANDARD';

-- Endpoints that exist already keep the Nida-Signature header their receivers check, until their owners switch.
UPDATE "webhook_endpoints" SET "signature_scheme" = 'NIDA';

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scope" "ApiKeyScope" NOT NULL,
    "rate_per_minute" INTEGER NOT NULL DEFAULT 120,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key_windows" (
    "key_id" TEXT NOT NULL,
    "recent" TIMESTAMP(3)[],
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_key_windows_pkey" PRIMARY KEY ("key_id")
);

-- CreateTable
CREATE TABLE "signer_events" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "signer" TEXT NOT NULL,
    "kind" "SignerEventKind" NOT NULL,
    "signature_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signer_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_organisation_id_idx" ON "api_keys"("organisation_id");

-- CreateIndex
CREATE INDEX "signer_events_organisation_id_created_at_id_idx" ON "signer_events"("organisation_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "signer_events_signature_id_idx" ON "signer_events"("signature_id");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key_windows" ADD CONSTRAINT "api_key_windows_key_id_fkey" FOREIGN KEY ("key_id") REFERENCES "api_keys"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signer_events" ADD CONSTRAINT "signer_events_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signer_events" ADD CONSTRAINT "signer_events_signature_id_fkey" FOREIGN KEY ("signature_id") REFERENCES "signatures"("id") ON DELETE SET NULL ON UPDATE CASCADE;
