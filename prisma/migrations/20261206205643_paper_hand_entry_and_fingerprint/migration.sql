-- AlterTable
ALTER TABLE "digests" ADD COLUMN     "paper_fingerprint" TEXT,
ADD COLUMN     "paper_signatures" INTEGER;

-- AlterTable
ALTER TABLE "paper_imports" ADD COLUMN     "hand_day" TEXT;

-- AlterTable
ALTER TABLE "paper_signatures" ADD COLUMN     "consented" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "paper_imports_campaign_id_entered_by_id_hand_day_key" ON "paper_imports"("campaign_id", "entered_by_id", "hand_day");
