import { EventEmitter } from "node:events";
import { db } from "../db";
import { env } from "../env";
import { startPollingWorker, type PollingWorker } from "../jobs/polling-worker";
import { Prisma } from "../generated/prisma/client";
import { postWebhook } from "./post-webhook";
import { deliveryHeader, eventHeader, signatureHeader, signatureHeaderValue } from "./sign";

type ClaimedDelivery = {
  id: string;
  endpoint_id: string;
  event: string;
  payload: { event?: string; occurredAt?: string; data?: unknown };
  personal_data: Record<string, unknown> | null;
  attempts: number;
  url: string;
  secret: string;
};

export type WebhookDeliveryReport = { claimed: number; delivered: number; retrying: number; failed: number };

const leaseSeconds = 120;

// Private addresses are fine on a developer's machine and in the tests, never in production.
export const allowPrivateWebhookUrls = () => env.NIDA_ENV !== "production";

// 10 s, 20 s, 40 s … up to an hour between attempts, with a little jitter so that many
// deliveries that failed together do not all come back at once.
function webhookRetryDelayMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000) + Math.floor(Math.random() * 1_000);
}

// The request body: the same bytes on every attempt (unless the signer erased their data
// meanwhile), so a receiver can deduplicate by id. Personal data, where the endpoint asked for
// it, is added to the event's data.
function deliveryBody(delivery: { id: string; event: string; payload: ClaimedDelivery["payload"]; personal_data?: ClaimedDelivery["personal_data"] }): string {
  const data = { ...(delivery.payload.data as object | undefined), ...delivery.personal_data };
  return JSON.stringify({ id: delivery.id, event: delivery.event, occurredAt: delivery.payload.occurredAt ?? null, data });
}

// Claims due deliveries of active endpoints (or ones whose worker died mid-delivery), so that two
// workers, in one process or on two servers, never hold the same delivery at once.
async function claimDueDeliveries(options: { limit: number; endpointId?: string; deliveryId?: string }): Promise<ClaimedDelivery[]> {
  const scope = Prisma.sql`${options.endpointId ? Prisma.sql`AND d.endpoint_id = ${options.endpointId}` : Prisma.empty}
    ${options.deliveryId ? Prisma.sql`AND d.id = ${options.deliveryId}` : Prisma.empty}`;
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE webhook_deliveries AS claimed
       SET status = 'SENDING', attempts = claimed.attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseSeconds})
      FROM webhook_endpoints AS e
     WHERE e.id = claimed.endpoint_id
       AND claimed.id IN (
         SELECT d.id FROM webhook_deliveries AS d
           JOIN webhook_endpoints AS active ON active.id = d.endpoint_id AND active.active
          WHERE ((d.status = 'PENDING' AND d.next_attempt_at <= now()) OR (d.status = 'SENDING' AND d.locked_until < now()))
                ${scope}
          ORDER BY d.next_attempt_at
          LIMIT ${options.limit}
          FOR UPDATE OF d SKIP LOCKED)
    RETURNING claimed.id, claimed.endpoint_id, claimed.event, claimed.payload, claimed.personal_data, claimed.attempts, e.url, e.secret`;
}

async function deliverOne(delivery: ClaimedDelivery): Promise<"delivered" | "retrying" | "failed"> {
  const body = deliveryBody(delivery);
  const outcome = await postWebhook({
    url: delivery.url,
    body,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    allowPrivate: allowPrivateWebhookUrls(),
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Nida-Webhooks/1.0",
      [eventHeader]: delivery.event,
      [deliveryHeader]: delivery.id,
      "Nida-Attempt": String(delivery.attempts),
      [signatureHeader]: signatureHeaderValue(delivery.secret, body),
    },
  });

  // Only the claim that still holds the delivery records the outcome (see the outbox worker).
  const stillOurs = { id: delivery.id, status: "SENDING" as const, attempts: delivery.attempts };
  if (outcome.ok) {
    await db.webhookDelivery.updateMany({
      where: stillOurs,
      // Delivered: the data (which may hold a signer's name and e-mail) has no business staying.
      data: {
        status: "SENT",
        deliveredAt: new Date(),
        lastStatusCode: outcome.status,
        lastError: null,
        lockedUntil: null,
        payload: { event: delivery.event, occurredAt: delivery.payload.occurredAt ?? null },
        personalData: Prisma.DbNull,
      },
    });
    return "delivered";
  }
  const giveUp = delivery.attempts >= env.WEBHOOK_MAX_ATTEMPTS;
  await db.webhookDelivery.updateMany({
    where: stillOurs,
    data: {
      status: giveUp ? "FAILED" : "PENDING",
      lastStatusCode: outcome.status,
      lastError: outcome.error,
      lockedUntil: null,
      ...(giveUp ? {} : { nextAttemptAt: new Date(Date.now() + webhookRetryDelayMs(delivery.attempts)) }),
    },
  });
  return giveUp ? "failed" : "retrying";
}

// One round: claim what is due and POST it. `endpointId` / `deliveryId` narrow the round to one
// endpoint or one delivery (a test send is attempted at once, while the organiser waits).
export async function deliverDueWebhooks(options: { limit?: number; concurrency?: number; endpointId?: string; deliveryId?: string } = {}): Promise<WebhookDeliveryReport> {
  const claimed = await claimDueDeliveries({ limit: options.limit ?? 50, endpointId: options.endpointId, deliveryId: options.deliveryId });
  const report: WebhookDeliveryReport = { claimed: claimed.length, delivered: 0, retrying: 0, failed: 0 };
  const queue = [...claimed];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
    for (let delivery = queue.shift(); delivery; delivery = queue.shift()) {
      report[await deliverOne(delivery)] += 1;
    }
  });
  await Promise.all(workers);
  return report;
}

const wake = new EventEmitter();

// Tells this process's worker to look now rather than at its next poll.
export function wakeWebhooks(): void {
  wake.emit("wake");
}

export type WebhookWorker = PollingWorker;

// Runs inside the server process beside the mail worker: polls, and wakes when an event is
// committed (confirmSignature, recordDeliveryEvent). `endpointId` narrows it as it does a round.
export function startWebhookWorker(options: { pollMs?: number; limit?: number; endpointId?: string } = {}): WebhookWorker {
  const limit = options.limit ?? 50;
  return startPollingWorker({
    name: "webhooks",
    pollMs: options.pollMs ?? env.WEBHOOK_POLL_MS,
    round: async () => (await deliverDueWebhooks({ limit, endpointId: options.endpointId })).claimed >= limit,
    onWake: (listener: () => void) => {
      wake.on("wake", listener);
      return () => wake.off("wake", listener);
    },
  });
}
