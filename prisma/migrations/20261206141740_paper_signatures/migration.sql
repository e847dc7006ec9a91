-- CreateTable
CREATE TABLE "paper_imports" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "entered_by_id" TEXT,
    "signature_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "paper_imports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paper_signatures" (
    "id" TEXT NOT NULL,
    "campaign_id" TEXT NOT NULL,
    "import_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "postcode" TEXT,
    "canonical_email" TEXT,
    "identity_hash" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "paper_signatures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "paper_imports_campaign_id_created_at_idx" ON "paper_imports"("campaign_id", "created_at");

-- CreateIndex
CREATE INDEX "paper_imports_entered_by_id_idx" ON "paper_imports"("entered_by_id");

-- CreateIndex
CREATE INDEX "paper_signatures_import_id_idx" ON "paper_signatures"("import_id");

-- CreateIndex
CREATE UNIQUE INDEX "paper_signatures_campaign_id_canonical_email_key" ON "paper_signatures"("campaign_id", "canonical_email");

-- CreateIndex
CREATE UNIQUE INDEX "paper_signatures_campaign_id_identity_hash_key" ON "paper_signatures"("campaign_id", "identity_hash");

-- AddForeignKey
ALTER TABLE "paper_imports" ADD CONSTRAINT "paper_imports_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_imports" ADD CONSTRAINT "paper_imports_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_signatures" ADD CONSTRAINT "paper_signatures_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_signatures" ADD CONSTRAINT "paper_signatures_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "paper_imports"("id") ON DELETE CASCADE ON UPDATE CASCADE;
