-- AlterTable
ALTER TABLE "job_runs" ADD COLUMN     "error" TEXT;

-- CreateIndex
CREATE INDEX "job_runs_job_started_at_idx" ON "job_runs"("job", "started_at");
