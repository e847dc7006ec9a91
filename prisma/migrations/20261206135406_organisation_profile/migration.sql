-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "contact_email" TEXT,
ADD COLUMN     "description" TEXT,
ADD COLUMN     "description_ar" TEXT,
ADD COLUMN     "sender_name" TEXT;

-- CreateTable
CREATE TABLE "organisation_logos" (
    "organisation_id" TEXT NOT NULL,
    "large_sha256" TEXT NOT NULL,
    "large" BYTEA NOT NULL,
    "small_sha256" TEXT NOT NULL,
    "small" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_logos_pkey" PRIMARY KEY ("organisation_id")
);

-- CreateIndex
CREATE INDEX "organisation_logos_large_sha256_idx" ON "organisation_logos"("large_sha256");

-- CreateIndex
CREATE INDEX "organisation_logos_small_sha256_idx" ON "organisation_logos"("small_sha256");

-- AddForeignKey
ALTER TABLE "organisation_logos" ADD CONSTRAINT "organisation_logos_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
