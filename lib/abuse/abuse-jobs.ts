import { db } from "../db";
import { env } from "../env";
import type { PeriodicJob } from "../jobs/scheduler";
import { checkTrending } from "./check-trending";
import { pruneSignAttempts } from "./rate-limit";
import { recountCampaigns } from "./recount";

// The abuse checks' first look waits one interval after a server starts, as they always have.
const firstAfterMs = env.ABUSE_JOBS_POLL_MS;

// Flags bursts of the hour in progress and the one before (see checkTrending).
export const trendingJob: PeriodicJob = {
  name: "trending",
  periodMs: env.ABUSE_JOBS_POLL_MS,
  firstAfterMs,
  run: async (now) => ({ flagged: (await checkTrending({ now })).flagged.length }),
};

// Repairs counts that drifted from their confirmed signatures, once per RECOUNT_PERIOD_MINUTES.
export const recountJob: PeriodicJob = {
  name: "recount",
  periodMs: env.RECOUNT_PERIOD_MINUTES * 60_000,
  firstAfterMs,
  run: async () => ({ repairs: (await recountCampaigns()).length }),
};

// Drops the rate limits' windows older than a day.
export const signAttemptsPruneJob: PeriodicJob = {
  name: "sign-attempts-prune",
  periodMs: env.ABUSE_JOBS_POLL_MS,
  firstAfterMs,
  run: async () => ({ deleted: await pruneSignAttempts(db) }),
};
