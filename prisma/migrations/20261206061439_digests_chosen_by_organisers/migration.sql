-- AlterEnum
ALTER TYPE "DeliveryStatus" ADD VALUE 'MAILBOX';

-- AlterTable
ALTER TABLE "campaigns" ALTER COLUMN "digest_cadence" DROP NOT NULL,
ALTER COLUMN "digest_cadence" DROP DEFAULT,
ALTER COLUMN "milestone_digests" SET DEFAULT false;
