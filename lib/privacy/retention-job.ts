import { db } from "../db";
import { isUniqueViolation } from "../errors";
import { anonymiseClosedCampaigns } from "./anonymise-closed-campaigns";

const job = "retention";
const everyMs = 60 * 60_000;

// One run per hour across every server: the first to insert the hour's JobRun row does the work.
/** @internal exported for its tests */
export async function runRetentionOnce(now = new Date()): Promise<boolean> {
  const periodKey = now.toISOString().slice(0, 13);
  try {
    await db.jobRun.create({ data: { job, periodKey } });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  const report = await anonymiseClosedCampaigns({ now });
  await db.jobRun.update({ where: { job_periodKey: { job, periodKey } }, data: { finishedAt: new Date(), details: report } });
  return true;
}

export type RetentionJob = { stop(): void };

export function startRetentionJob(): RetentionJob {
  const tick = () => {
    runRetentionOnce().catch((error: unknown) => console.error("[retention] run failed:", error instanceof Error ? error.name : "unknown error"));
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, everyMs);
  first.unref?.();
  timer.unref?.();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
