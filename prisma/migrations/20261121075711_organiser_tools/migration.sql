-- AlterTable
ALTER TABLE "signatures" ADD COLUMN     "email_domain" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "user_id" TEXT,
    "action" TEXT NOT NULL,
    "campaign_id" TEXT,
    "affected" INTEGER NOT NULL DEFAULT 0,
    "details" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_entries_organisation_id_created_at_idx" ON "audit_entries"("organisation_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_entries_campaign_id_created_at_idx" ON "audit_entries"("campaign_id", "created_at");

-- CreateIndex
CREATE INDEX "signatures_campaign_id_email_domain_idx" ON "signatures"("campaign_id", "email_domain");

-- AddForeignKey
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
