import { db } from "../db";
import { env } from "../env";
import type { PollingWorker } from "../jobs/polling-worker";
import { backoff, defineQueue } from "../jobs/queue";
import { wakeQueue } from "../jobs/wake";
import { Prisma } from "../generated/prisma/client";
import { postWebhook } from "./post-webhook";
import { openText } from "../sealing/seal";
import type { WebhookSignatureScheme } from "../generated/prisma/enums";
import { deliveryHeader, eventHeader, signatureHeader, signatureHeaderValue, standardSignatureHeaders } from "./sign";

type ClaimedDelivery = {
  id: string;
  idempotency_key: string;
  endpoint_id: string;
  event: string;
  payload: { event?: string; occurredAt?: string; data?: unknown };
  // Sealed ({ sealed }), or as written before sealing, or null (none asked for, or erased).
  personal_data: { sealed: string } | Record<string, unknown> | null;
  attempts: number;
};

type Endpoint = { url: string; secret: string; signatureScheme: WebhookSignatureScheme };

type WebhookDeliveryReport = { claimed: number; delivered: number; retrying: number; failed: number };

// Private addresses are fine on a developer's machine and in the tests, never in production.
export const allowPrivateWebhookUrls = () => env.NIDA_ENV !== "production";

// The request body: the same bytes on every attempt (unless the signer erased their data
// meanwhile), so a receiver can deduplicate by id. Personal data, where the endpoint asked for
// it, is added to the event's data.
function deliveryBody(delivery: { id: string; event: string; payload: ClaimedDelivery["payload"] }, personalData: Record<string, unknown> | null): string {
  const data = { ...(delivery.payload.data as object | undefined), ...personalData };
  return JSON.stringify({ id: delivery.id, event: delivery.event, occurredAt: delivery.payload.occurredAt ?? null, data });
}

// The signer's name and e-mail, opened only here, to send.
async function openPersonalData(delivery: ClaimedDelivery): Promise<Record<string, unknown> | null> {
  const stored = delivery.personal_data;
  if (stored === null || typeof stored.sealed !== "string") return stored;
  const opened = await openText(stored.sealed, "webhook_deliveries.personal_data", delivery.idempotency_key);
  return opened === null ? null : (JSON.parse(opened) as Record<string, unknown>);
}

const leaseSeconds = 120;
const claimedColumns = Prisma.sql`q.id, q.idempotency_key, q.endpoint_id, q.event, q.payload, q.personal_data, q.attempts`;

// The webhook queue: deliveries to active endpoints, oldest first. 10 s, 20 s, 40 s … up to an
// hour between attempts.
export const webhookQueue = defineQueue<Prisma.WebhookDeliveryUpdateManyMutationInput>({
  name: "webhooks",
  table: "webhook_deliveries",
  returning: claimedColumns,
  claimable: Prisma.sql`q.endpoint_id IN (SELECT id FROM webhook_endpoints WHERE active)`,
  order: Prisma.sql`q.next_attempt_at`,
  leaseSeconds,
  maxAttempts: () => env.WEBHOOK_MAX_ATTEMPTS,
  retryDelayMs: backoff(10_000, 60 * 60_000),
  write: (tx, hold, data) => tx.webhookDelivery.updateMany({ where: hold, data }),
});

async function deliverOne(delivery: ClaimedDelivery, endpoint: Endpoint): Promise<"delivered" | "retrying" | "failed"> {
  let personalData: Record<string, unknown> | null;
  try {
    personalData = await openPersonalData(delivery);
  } catch (error) {
    // Its key cannot be read (yet): tried again like a failed request, never sent without the data.
    const reason = error instanceof Error ? error.message : String(error);
    const settled = await webhookQueue.settle(db, delivery, { ok: false, error: `cannot open the personal data: ${reason}` });
    return settled === "done" ? "delivered" : settled;
  }
  const body = deliveryBody(delivery, personalData);
  const outcome = await postWebhook({
    url: endpoint.url,
    body,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    allowPrivate: allowPrivateWebhookUrls(),
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Nida-Webhooks/1.0",
      [eventHeader]: delivery.event,
      [deliveryHeader]: delivery.id,
      "Nida-Attempt": String(delivery.attempts),
      ...(endpoint.signatureScheme === "STANDARD"
        ? standardSignatureHeaders({ secret: endpoint.secret, id: delivery.id, body })
        : { [signatureHeader]: signatureHeaderValue(endpoint.secret, body) }),
    },
  });
  const settled = await webhookQueue.settle(db, delivery, outcome.ok ? { ok: true } : { ok: false, error: outcome.error }, {
    update: outcome.ok
      ? {
          deliveredAt: new Date(),
          lastStatusCode: outcome.status,
          // Delivered: the data (which may hold a signer's name and e-mail) has no business staying.
          payload: { event: delivery.event, occurredAt: delivery.payload.occurredAt ?? null },
          personalData: Prisma.DbNull,
        }
      : { lastStatusCode: outcome.status },
  });
  return settled === "done" ? "delivered" : settled;
}

/** @internal exported for its tests: one round, claim what is due and POST it. `endpointId` narrows the round to one endpoint. */
export async function deliverDueWebhooks(options: { limit?: number; concurrency?: number; endpointId?: string } = {}): Promise<WebhookDeliveryReport> {
  const scope = options.endpointId ? Prisma.sql`q.endpoint_id = ${options.endpointId}` : undefined;
  const claimed = await webhookQueue.claim<ClaimedDelivery>({ limit: options.limit ?? 50, scope });
  const report: WebhookDeliveryReport = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  if (claimed.length === 0) return report;
  const endpoints = new Map(
    (await db.webhookEndpoint.findMany({ where: { id: { in: [...new Set(claimed.map((d) => d.endpoint_id))] } }, select: { id: true, url: true, secret: true, signatureScheme: true } })).map((e) => [e.id, e]),
  );
  const queue = [...claimed];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      report[await deliverOne(delivery, endpoints.get(delivery.endpoint_id)!)] += 1;
    }
  });
  await Promise.all(workers);
  return report;
}

// What a delivery written to be sent at once by its writer (a test event) starts as: already
// claimed, under a lease, so that no worker takes it between its commit and its sending.
export const heldByWriter = () => ({ status: "SENDING" as const, attempts: 1, lockedUntil: new Date(Date.now() + leaseSeconds * 1000) });

// Sends a delivery written with `heldByWriter()`, and says how it went.
export async function deliverHeldWebhook(deliveryId: string): Promise<"delivered" | "retrying" | "failed"> {
  const [delivery] = await db.$queryRaw<ClaimedDelivery[]>`
    SELECT ${claimedColumns}
      FROM webhook_deliveries q WHERE q.id = ${deliveryId} AND q.status = 'SENDING'`;
  if (!delivery) throw new Error(`webhook delivery ${deliveryId} is not held`);
  const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: delivery.endpoint_id }, select: { url: true, secret: true, signatureScheme: true } });
  return deliverOne(delivery, endpoint);
}

// Tells this process's worker to look now rather than at its next poll.
export function wakeWebhooks(): void {
  wakeQueue("webhooks");
}

export type WebhookWorker = PollingWorker;

// Runs inside the server process beside the mail worker: polls, and wakes when an event is
// committed (confirmSignature, recordDeliveryEvent). `endpointId` narrows it as it does a round.
export function startWebhookWorker(options: { pollMs?: number; limit?: number; endpointId?: string } = {}): WebhookWorker {
  const limit = options.limit ?? 50;
  return webhookQueue.start({ pollMs: options.pollMs ?? env.WEBHOOK_POLL_MS, limit, round: () => deliverDueWebhooks({ limit, endpointId: options.endpointId }) });
}
