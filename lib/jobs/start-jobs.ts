import { env } from "../env";
import { startOutboxWorker, type OutboxWorker } from "../mail/outbox-worker";
import { configuredTransport } from "../mail/transport";
import { startRetentionJob, type RetentionJob } from "../privacy/retention-job";

const state = globalThis as unknown as { nidaJobs?: { outbox: OutboxWorker; retention: RetentionJob } };

// The server process runs the background jobs itself: no second process opens the database.
export function startJobs(): void {
  if (!env.JOBS_ENABLED || state.nidaJobs) return;
  const transport = configuredTransport();
  state.nidaJobs = { outbox: startOutboxWorker({ transport }), retention: startRetentionJob() };
  console.info(`[jobs] outbox worker started (mail via ${transport.name})`);
}

export async function stopJobs(): Promise<void> {
  const jobs = state.nidaJobs;
  state.nidaJobs = undefined;
  jobs?.retention.stop();
  await jobs?.outbox.stop();
}
