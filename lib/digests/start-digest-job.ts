import { env } from "../env";
import { runDigestJob } from "./run-digest-job";

export type DigestJob = { stop(): Promise<void> };

// Runs the digest job in the server process every DIGEST_JOB_INTERVAL_MS (and once at start).
// How often does not matter for correctness: each digest is sent once per period.
export function startDigestJob(options: { intervalMs?: number } = {}): DigestJob {
  const intervalMs = options.intervalMs ?? env.DIGEST_JOB_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  function tick(): void {
    running = (async () => {
      try {
        const report = await runDigestJob();
        if (report.queued > 0) console.info(`[digests] queued ${report.queued} digest(s)`);
      } catch (error) {
        console.error("[digests] run failed:", error instanceof Error ? error.message : error);
      } finally {
        running = undefined;
        if (!stopped) {
          timer = setTimeout(tick, intervalMs);
          timer.unref?.();
        }
      }
    })();
  }

  timer = setTimeout(tick, 0);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
