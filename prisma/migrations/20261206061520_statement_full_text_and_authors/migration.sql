-- AlterTable
ALTER TABLE "source_statements" ADD COLUMN     "full_text" TEXT,
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "statement_authors" (
    "statement_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_ar" TEXT,

    CONSTRAINT "statement_authors_pkey" PRIMARY KEY ("statement_id","position")
);

-- AddForeignKey
ALTER TABLE "statement_authors" ADD CONSTRAINT "statement_authors_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "source_statements"("id") ON DELETE CASCADE ON UPDATE CASCADE;
