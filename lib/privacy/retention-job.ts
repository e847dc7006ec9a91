import { runPeriodicJob, type PeriodicJob } from "../jobs/scheduler";
import { anonymiseClosedCampaigns } from "./anonymise-closed-campaigns";

// Once an hour on one of the servers, first tried half a minute after a server starts.
export const retentionJob: PeriodicJob = {
  name: "retention",
  periodMs: 60 * 60_000,
  periodKey: (hour) => hour.toISOString().slice(0, 13),
  firstAfterMs: 30_000,
  run: (now) => anonymiseClosedCampaigns({ now }),
};

/** @internal exported for its tests */
export function runRetentionOnce(now = new Date()): Promise<boolean> {
  return runPeriodicJob(retentionJob, now);
}
