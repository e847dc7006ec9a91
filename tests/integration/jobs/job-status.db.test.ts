import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { listJobStatus } from "../../../lib/jobs/job-status";
import { periodicJobs } from "../../../lib/jobs/periodic-jobs";
import { nextPeriodStart, periodKeyOf } from "../../../lib/jobs/scheduler";
import { expectAppError } from "../../fixtures/app-errors";
import { createOrganisationWithMembers } from "../../fixtures/organisers";

// The clean-up of rate-limit counters: no test runs it (jobs are off in the tests), so its rows
// here are this file's own.
const job = periodicJobs.find((candidate) => candidate.name === "sign-attempts-prune")!;

describe("the owners' page of background jobs", () => {
  it("is not there for anyone who owns no organisation", async () => {
    const { members } = await createOrganisationWithMembers({ viewer: "VIEWER", organiser: "ORGANISER" });
    await expectAppError(listJobStatus({ actor: members.viewer }), "NOT_FOUND");
    await expectAppError(listJobStatus({ actor: members.organiser }), "NOT_FOUND");
  });

  it("shows a job's failed run, when it runs next, and how many of its runs failed, as job_runs has them", async () => {
    const { members } = await createOrganisationWithMembers({ owner: "OWNER" });
    const now = new Date();
    const periodKey = periodKeyOf(job, now);
    await db.jobRun.upsert({
      where: { job_periodKey: { job: job.name, periodKey } },
      create: { job: job.name, periodKey, startedAt: now, finishedAt: now, error: "TypeError" },
      update: { startedAt: now, finishedAt: now, error: "TypeError" },
    });
    const after = (await listJobStatus({ actor: members.owner, now })).periodic.find((status) => status.name === job.name)!;
    expect(after.lastRun).toMatchObject({ periodKey, error: "TypeError" });
    expect(after.nextRunAt).toEqual(nextPeriodStart(job, now));
    const failures = await db.jobRun.count({ where: { job: job.name, error: { not: null } } });
    expect(after).toMatchObject({ failures, runs: await db.jobRun.count({ where: { job: job.name } }) });
    expect(failures).toBeGreaterThan(0);
  });

});
