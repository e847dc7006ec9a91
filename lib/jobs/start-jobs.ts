import { startAbuseJobs, type AbuseJobs } from "../abuse/abuse-jobs";
import { env } from "../env";
import { startOutboxWorker, type OutboxWorker } from "../mail/outbox-worker";
import { configuredTransport } from "../mail/transport";

const state = globalThis as unknown as { nidaJobs?: { outbox: OutboxWorker; abuse: AbuseJobs } };

// The server process runs the background jobs itself: no second process opens the database.
export function startJobs(): void {
  if (!env.JOBS_ENABLED || state.nidaJobs) return;
  const transport = configuredTransport();
  state.nidaJobs = { outbox: startOutboxWorker({ transport }), abuse: startAbuseJobs() };
  console.info(`[jobs] outbox worker started (mail via ${transport.name})`);
}

export async function stopJobs(): Promise<void> {
  const jobs = state.nidaJobs;
  state.nidaJobs = undefined;
  await jobs?.outbox.stop();
  await jobs?.abuse.stop();
}
