import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { startPollingWorker, type PollingWorker } from "./polling-worker";

// Work done once per period across every app server (digests, the trending check, the recount,
// retention). Each run is a row of job_runs keyed by (job, period): the first server to insert it
// does the work, any other finds it there and does nothing.
export type PeriodicJob = {
  name: string;
  periodMs: number;
  // The period's key in job_runs; the period's start as an ISO timestamp unless a job says otherwise.
  periodKey?: (periodStart: Date) => string;
  // How long after the server starts its first look waits (a job that ran at every start would
  // run at every deploy).
  firstAfterMs?: number;
  // What the run did, kept with its row.
  run: (now: Date) => Promise<object>;
};

// The longest the scheduler sleeps, so that a clock moved forward (a suspended machine) is noticed.
const longestSleepMs = 60_000;

// Runs of a job are kept this long, for the owners' page; older periods never come again.
const keepRunsDays = 30;

function periodStart(job: PeriodicJob, now: Date): Date {
  return new Date(Math.floor(now.getTime() / job.periodMs) * job.periodMs);
}

export function periodKeyOf(job: PeriodicJob, now: Date): string {
  const start = periodStart(job, now);
  return job.periodKey ? job.periodKey(start) : start.toISOString();
}

export function nextPeriodStart(job: PeriodicJob, now: Date): Date {
  return new Date(periodStart(job, now).getTime() + job.periodMs);
}

// Runs the job for `now`'s period unless a server has already claimed that period: true when this
// call ran it. A failed run is recorded (the error's name only: a message can quote personal
// data) and not tried again in its period.
export async function runPeriodicJob(job: PeriodicJob, now = new Date()): Promise<boolean> {
  const periodKey = periodKeyOf(job, now);
  const claimed = await db.$executeRaw`
    INSERT INTO job_runs (job, period_key, started_at) VALUES (${job.name}, ${periodKey}, now())
    ON CONFLICT (job, period_key) DO NOTHING`;
  if (claimed !== 1) return false;
  const where = { job_periodKey: { job: job.name, periodKey } };
  try {
    const details = await job.run(now);
    await db.jobRun.update({ where, data: { finishedAt: new Date(), details: details as Prisma.InputJsonObject } });
  } catch (error) {
    await db.jobRun.update({ where, data: { finishedAt: new Date(), error: error instanceof Error ? error.name : "unknown error" } });
    throw error;
  }
  await db.$executeRaw`DELETE FROM job_runs WHERE job = ${job.name} AND started_at < now() - make_interval(days => ${keepRunsDays})`;
  return true;
}

export type SchedulerReport = { job: string; periodKey: string; ran: boolean; error?: string };

function logReport(report: SchedulerReport): void {
  if (report.error) console.error(`[jobs] ${report.job} failed for ${report.periodKey}: ${report.error}`);
}

// The scheduler of this process: one loop that, for each job, tries each period once (at its
// start, or `firstAfterMs` after the server starts) and sleeps until the next period begins.
export function startScheduler(jobs: readonly PeriodicJob[], options: { now?: () => Date; report?: (report: SchedulerReport) => void } = {}): PollingWorker {
  const now = options.now ?? (() => new Date());
  const report = options.report ?? logReport;
  const startedAt = now().getTime();
  const tried = new Map<string, string>();
  const firstLook = (job: PeriodicJob) => startedAt + (job.firstAfterMs ?? 0);
  const nextLook = (job: PeriodicJob, at: Date) => (tried.get(job.name) === periodKeyOf(job, at) ? nextPeriodStart(job, at).getTime() : firstLook(job));

  return startPollingWorker({
    name: "scheduler",
    pollMs: () => {
      const at = now();
      return Math.max(0, Math.min(longestSleepMs, ...jobs.map((job) => nextLook(job, at) - at.getTime())));
    },
    round: async () => {
      for (const job of jobs) {
        const at = now();
        const periodKey = periodKeyOf(job, at);
        if (at.getTime() < firstLook(job) || tried.get(job.name) === periodKey) continue;
        tried.set(job.name, periodKey);
        try {
          report({ job: job.name, periodKey, ran: await runPeriodicJob(job, at) });
        } catch (error) {
          report({ job: job.name, periodKey, ran: true, error: error instanceof Error ? error.name : "unknown error" });
        }
      }
      return false;
    },
  });
}
