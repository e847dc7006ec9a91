import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "../../../lib/db";
import { periodKeyOf, runPeriodicJob, startScheduler, type PeriodicJob, type SchedulerReport } from "../../../lib/jobs/scheduler";

const hourMs = 3_600_000;

// A job of its own per test (other files share the database), and an hour of its own far in the
// past, so that no real run and no other test's run shares its period.
function testJob(run: PeriodicJob["run"]): PeriodicJob {
  return { name: `test-job-${randomUUID()}`, periodMs: hourMs, run };
}

function someHour(): Date {
  return new Date(Date.UTC(1980 + Math.floor(Math.random() * 40), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28), Math.floor(Math.random() * 24), 17));
}

describe("the scheduler", () => {
  it("runs a job once per period however many servers run the scheduler", async () => {
    const now = someHour();
    let runs = 0;
    const reports: SchedulerReport[] = [];
    // Two servers: two schedulers, each with its own copy of the job, on one database.
    const job = testJob(async () => ({ run: ++runs }));
    const servers = [startScheduler([{ ...job }], { now: () => now, report: (r) => reports.push(r) }), startScheduler([{ ...job }], { now: () => now, report: (r) => reports.push(r) })];
    try {
      await vi.waitFor(() => expect(reports).toHaveLength(2), { timeout: 20_000 });
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
    expect(runs).toBe(1);
    expect(reports.map((r) => r.ran).sort()).toEqual([false, true]);
    const rows = await db.jobRun.findMany({ where: { job: job.name } });
    expect(rows).toMatchObject([{ periodKey: periodKeyOf(job, now), details: { run: 1 }, error: null }]);
    expect(rows[0]!.finishedAt).not.toBeNull();
  });

  it("runs the job again in the next period", async () => {
    const now = someHour();
    let runs = 0;
    const job = testJob(async () => ({ run: ++runs }));
    expect(await runPeriodicJob(job, now)).toBe(true);
    expect(await runPeriodicJob(job, new Date(now.getTime() + 10 * 60_000))).toBe(false);
    expect(await runPeriodicJob(job, new Date(now.getTime() + hourMs))).toBe(true);
    expect(runs).toBe(2);
  });

  it("records a failed run without its message and does not run it again in its period", async () => {
    const now = someHour();
    const job = testJob(async () => {
      throw new TypeError("signer@example.org is not a thing");
    });
    await expect(runPeriodicJob(job, now)).rejects.toThrow(TypeError);
    expect(await db.jobRun.findUniqueOrThrow({ where: { job_periodKey: { job: job.name, periodKey: periodKeyOf(job, now) } } })).toMatchObject({ error: "TypeError", details: null });
    expect(await runPeriodicJob(job, now)).toBe(false);
  });
});
