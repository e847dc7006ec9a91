import { env } from "../env";
import { startOutboxWorker } from "../mail/outbox-worker";
import { configuredTransport } from "../mail/transport";
import { startUpdateWorker } from "../updates/update-queue";
import { startWebhookWorker } from "../webhooks/delivery-worker";
import { periodicJobs } from "./periodic-jobs";
import { startScheduler } from "./scheduler";

type RunningJob = { stop(): unknown };

const state = globalThis as unknown as { nidaJobs?: RunningJob[] };

// The server process runs the background work itself: no second process opens the database.
// All of it is safe on several servers at once (queued rows are claimed by one worker, periods
// by one server), so every app server starts all of it.
export function startJobs(): void {
  if (!env.JOBS_ENABLED || state.nidaJobs) return;
  const transport = configuredTransport();
  state.nidaJobs = [startOutboxWorker({ transport }), startUpdateWorker(), startWebhookWorker(), startScheduler(periodicJobs)];
  console.info(`[jobs] started: mail (via ${transport.name}), updates to supporters, webhook deliveries, and ${periodicJobs.map((job) => job.name).join(", ")}`);
}
