import { db } from "../db";
import { env } from "../env";
import { checkTrending } from "./check-trending";
import { pruneSignAttempts } from "./rate-limit";
import { runScheduledRecount } from "./recount";

export type AbuseJobs = { stop(): Promise<void> };

// One pass: flag bursts, repair drifting counts (once per recount period), drop old sign attempts.
// Each part is idempotent, so several servers may run this at once.
async function runAbuseJobs(now = new Date()): Promise<void> {
  await checkTrending({ now });
  await runScheduledRecount(now);
  await pruneSignAttempts(db);
}

// Every ABUSE_JOBS_POLL_MS inside the server process; a pass never overlaps the one before.
export function startAbuseJobs(): AbuseJobs {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = runAbuseJobs()
      .catch((error) => console.error("[jobs] abuse checks failed:", error instanceof Error ? error.message : error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, env.ABUSE_JOBS_POLL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
