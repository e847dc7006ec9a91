import { startAbuseJobs } from "../abuse/abuse-jobs";
import { startDigestJob } from "../digests/start-digest-job";
import { env } from "../env";
import { startOutboxWorker } from "../mail/outbox-worker";
import { configuredTransport } from "../mail/transport";
import { startRetentionJob } from "../privacy/retention-job";
import { startWebhookWorker } from "../webhooks/delivery-worker";

type RunningJob = { stop(): unknown };

const state = globalThis as unknown as { nidaJobs?: RunningJob[] };

// The server process runs the background jobs itself: no second process opens the database.
// Each job is safe to run on several servers at once (rows claimed with SKIP LOCKED, periods
// claimed once), so every app server starts all of them.
export function startJobs(): void {
  if (!env.JOBS_ENABLED || state.nidaJobs) return;
  const transport = configuredTransport();
  state.nidaJobs = [startOutboxWorker({ transport }), startWebhookWorker(), startDigestJob(), startAbuseJobs(), startRetentionJob()];
  console.info(`[jobs] started: mail (via ${transport.name}), webhook deliveries, digests, trending check, recount and retention`);
}
