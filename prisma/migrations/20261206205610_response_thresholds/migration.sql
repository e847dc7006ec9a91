-- CreateTable
CREATE TABLE "response_thresholds" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "signatures" INTEGER NOT NULL,
    "days" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "response_thresholds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_asks" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "decision_maker_id" TEXT NOT NULL,
    "signatures" INTEGER NOT NULL,
    "days" INTEGER NOT NULL,
    "count_at_ask" INTEGER NOT NULL,
    "asked_at" TIMESTAMP(3) NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "overdue_mailed_at" TIMESTAMP(3),

    CONSTRAINT "response_asks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "response_thresholds_campaign_id_signatures_key" ON "response_thresholds"("campaign_id", "signatures");

-- CreateIndex
CREATE INDEX "response_asks_decision_maker_id_idx" ON "response_asks"("decision_maker_id");

-- CreateIndex
CREATE INDEX "response_asks_due_at_idx" ON "response_asks"("due_at");

-- CreateIndex
CREATE UNIQUE INDEX "response_asks_campaign_id_decision_maker_id_signatures_key" ON "response_asks"("campaign_id", "decision_maker_id", "signatures");

-- AddForeignKey
ALTER TABLE "response_thresholds" ADD CONSTRAINT "response_thresholds_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_asks" ADD CONSTRAINT "response_asks_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_asks" ADD CONSTRAINT "response_asks_decision_maker_id_fkey" FOREIGN KEY ("decision_maker_id") REFERENCES "decision_makers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
