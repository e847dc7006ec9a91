-- AlterTable
ALTER TABLE "decision_makers" ADD COLUMN     "risk_to_signers" BOOLEAN NOT NULL DEFAULT false;

-- The daily counts were kept per decision-maker only; they are counted again below, per campaign.
DELETE FROM "letter_daily_counts";

-- AlterTable
ALTER TABLE "letter_daily_counts" DROP CONSTRAINT "letter_daily_counts_pkey",
ADD COLUMN     "campaign_id" TEXT NOT NULL,
ADD CONSTRAINT "letter_daily_counts_pkey" PRIMARY KEY ("campaign_id", "decision_maker_id", "day");

-- created_at holds UTC time, so its date is the UTC day the counts are kept by.
INSERT INTO "letter_daily_counts" ("campaign_id", "decision_maker_id", "day", "sent")
SELECT "campaign_id", "decision_maker_id", "created_at"::date, count(*)::int
  FROM "letters"
 GROUP BY 1, 2, 3;

-- CreateIndex
CREATE INDEX "letter_daily_counts_decision_maker_id_idx" ON "letter_daily_counts"("decision_maker_id");

-- Letters sent before the one-letter rule keep their place in every count, but only the first
-- one from a signature to a recipient stays linked to that signature.
UPDATE "letters" SET "signature_id" = NULL
 WHERE "id" IN (
   SELECT "id" FROM (
     SELECT "id", row_number() OVER (PARTITION BY "signature_id", "decision_maker_id" ORDER BY "created_at", "id") AS "n"
       FROM "letters"
      WHERE "signature_id" IS NOT NULL
   ) AS "ranked"
    WHERE "n" > 1
 );

-- CreateIndex
CREATE UNIQUE INDEX "letters_signature_id_decision_maker_id_key" ON "letters"("signature_id", "decision_maker_id");

-- AddForeignKey
ALTER TABLE "letter_daily_counts" ADD CONSTRAINT "letter_daily_counts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
