import type { Actor } from "../auth/authorize";
import { db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { mailQueue } from "../mail/outbox-worker";
import { webhookQueue } from "../webhooks/delivery-worker";
import { periodicJobs } from "./periodic-jobs";
import { queueCounts, type QueueCounts } from "./queue";
import { nextPeriodStart, periodKeyOf } from "./scheduler";

export type PeriodicJobStatus = {
  name: string;
  periodMs: number;
  lastRun: { periodKey: string; startedAt: Date; finishedAt: Date | null; error: string | null } | null;
  // Null when this period has not run yet: a server runs it at its scheduler's next look.
  nextRunAt: Date | null;
  // Of the runs kept (30 days).
  runs: number;
  failures: number;
};

export type JobStatus = { jobsEnabled: boolean; periodic: PeriodicJobStatus[]; queues: QueueCounts[] };

// How the background work stands, for owners: each periodic job's last and next run and its
// failures, and each queue's counts. Nothing of any organisation's data: names, times, counts and
// the names of errors. Anyone who owns no organisation is told it does not exist.
export async function listJobStatus(options: { actor: Actor; now?: Date }): Promise<JobStatus> {
  if (!options.actor.memberships.some((membership) => membership.role === "OWNER")) throw new AppError("NOT_FOUND");
  const now = options.now ?? new Date();
  const names = periodicJobs.map((job) => job.name);
  const [latest, tallies, queues] = await Promise.all([
    db.$queryRaw<{ job: string; period_key: string; started_at: Date; finished_at: Date | null; error: string | null }[]>`
      SELECT DISTINCT ON (job) job, period_key, started_at, finished_at, error FROM job_runs
       WHERE job = ANY(${names}::text[]) ORDER BY job, started_at DESC`,
    db.$queryRaw<{ job: string; runs: number; failures: number }[]>`
      SELECT job, count(*)::int AS runs, count(*) FILTER (WHERE error IS NOT NULL)::int AS failures FROM job_runs
       WHERE job = ANY(${names}::text[]) GROUP BY job`,
    Promise.all([queueCounts(mailQueue), queueCounts(webhookQueue)]),
  ]);
  const periodic = periodicJobs.map((job): PeriodicJobStatus => {
    const last = latest.find((row) => row.job === job.name);
    const tally = tallies.find((row) => row.job === job.name);
    return {
      name: job.name,
      periodMs: job.periodMs,
      lastRun: last ? { periodKey: last.period_key, startedAt: last.started_at, finishedAt: last.finished_at, error: last.error } : null,
      nextRunAt: last?.period_key === periodKeyOf(job, now) ? nextPeriodStart(job, now) : null,
      runs: tally?.runs ?? 0,
      failures: tally?.failures ?? 0,
    };
  });
  return { jobsEnabled: env.JOBS_ENABLED, periodic, queues };
}
