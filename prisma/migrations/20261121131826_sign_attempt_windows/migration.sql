-- DropForeignKey
ALTER TABLE "sign_attempts" DROP CONSTRAINT "sign_attempts_campaign_id_fkey";

-- DropTable
DROP TABLE "sign_attempts";

-- CreateTable
CREATE TABLE "sign_attempt_windows" (
    "campaign_id" TEXT NOT NULL,
    "ip_hash" TEXT NOT NULL,
    "recent" TIMESTAMP(3)[],
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sign_attempt_windows_pkey" PRIMARY KEY ("campaign_id","ip_hash")
);

-- CreateIndex
CREATE INDEX "sign_attempt_windows_ip_hash_idx" ON "sign_attempt_windows"("ip_hash");

-- CreateIndex
CREATE INDEX "sign_attempt_windows_updated_at_idx" ON "sign_attempt_windows"("updated_at");

-- AddForeignKey
ALTER TABLE "sign_attempt_windows" ADD CONSTRAINT "sign_attempt_windows_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;
