import { startDigestJob, type DigestJob } from "../digests/start-digest-job";
import { env } from "../env";
import { startOutboxWorker, type OutboxWorker } from "../mail/outbox-worker";
import { configuredTransport } from "../mail/transport";
import { startWebhookWorker, type WebhookWorker } from "../webhooks/delivery-worker";

const state = globalThis as unknown as { nidaJobs?: { outbox: OutboxWorker; webhooks: WebhookWorker; digests: DigestJob } };

// The server process runs the background jobs itself: no second process opens the database.
export function startJobs(): void {
  if (!env.JOBS_ENABLED || state.nidaJobs) return;
  const transport = configuredTransport();
  state.nidaJobs = { outbox: startOutboxWorker({ transport }), webhooks: startWebhookWorker(), digests: startDigestJob() };
  console.info(`[jobs] outbox worker started (mail via ${transport.name})`);
  console.info("[jobs] webhook delivery worker started");
}

export async function stopJobs(): Promise<void> {
  const jobs = state.nidaJobs;
  state.nidaJobs = undefined;
  await jobs?.outbox.stop();
  await jobs?.webhooks.stop();
  await jobs?.digests.stop();
}
