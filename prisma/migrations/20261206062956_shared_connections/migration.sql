-- AlterEnum
ALTER TYPE "AccessRuleKind" ADD VALUE 'IP_HASH';

-- AlterEnum
ALTER TYPE "SignatureState" ADD VALUE 'HELD';

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "rate_ceiling_limit" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "rate_ceiling_window_seconds" INTEGER NOT NULL DEFAULT 3600,
ALTER COLUMN "rate_burst_limit" SET DEFAULT 5,
ALTER COLUMN "rate_sustained_limit" SET DEFAULT 10;

-- AlterTable
ALTER TABLE "trending_flags" ADD COLUMN     "alerted_at" TIMESTAMP(3),
ADD COLUMN     "held" INTEGER NOT NULL DEFAULT 0;

-- Organisations still on the old defaults (1 per 60 s, 5 per 300 s), which silently discarded
-- people sharing a connection, move to the new ones; limits an owner chose are kept.
UPDATE "organisations" SET "rate_burst_limit" = 5, "rate_sustained_limit" = 10
WHERE "rate_burst_limit" = 1 AND "rate_burst_window_seconds" = 60 AND "rate_sustained_limit" = 5 AND "rate_sustained_window_seconds" = 300;

-- Flags raised before now were mailed when they were raised.
UPDATE "trending_flags" SET "alerted_at" = "created_at";
