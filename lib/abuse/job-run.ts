import { db } from "../db";

// A periodic job's run for one period, claimed once across every app server: the first to insert
// the (job, period) row does the work; any other finds it there and does nothing.
export async function claimJobRun(job: string, periodKey: string): Promise<boolean> {
  const claimed = await db.$executeRaw`
    INSERT INTO job_runs (job, period_key, started_at) VALUES (${job}, ${periodKey}, now())
    ON CONFLICT (job, period_key) DO NOTHING`;
  return claimed === 1;
}

export async function finishJobRun(job: string, periodKey: string, details: object): Promise<void> {
  await db.jobRun.update({ where: { job_periodKey: { job, periodKey } }, data: { finishedAt: new Date(), details } });
}
