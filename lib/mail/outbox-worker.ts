import { db } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import type { Locale } from "../i18n/locales";
import { rateLimiter, type RateLimiter } from "./rate-limiter";
import { onOutboxWake } from "./send-email";
import { isTemplateName, renderTemplate, type TemplateProps } from "./templates";
import type { MailTransport } from "./transport";

type ClaimedMessage = {
  id: string;
  idempotency_key: string;
  template: string;
  to_address: string;
  reply_to: string | null;
  cc: string | null;
  locale: Locale;
  payload: unknown;
  attempts: number;
};

export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

const leaseSeconds = 120;

// One pace for every delivery round of this process.
const providerPace = rateLimiter(env.MAIL_RATE_PER_SECOND);

export function retryDelayMs(attempts: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
  return base + Math.floor(Math.random() * 1_000);
}

// Claims due messages (or ones whose sender died mid-delivery) so that two workers, in one
// process or on two servers, never hold the same message at once. Digests go last: under the
// provider's rate limit, a person waiting for a confirmation link must not queue behind them.
async function claimDueMessages(limit: number, onlyKeys?: readonly string[]): Promise<ClaimedMessage[]> {
  if (onlyKeys) {
    return db.$queryRaw<ClaimedMessage[]>`
    UPDATE outbox_messages
       SET status = 'SENDING', attempts = attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseSeconds})
     WHERE id IN (
       SELECT id FROM outbox_messages
        WHERE idempotency_key = ANY(${[...onlyKeys]}::text[])
          AND ((status = 'PENDING' AND next_attempt_at <= now())
           OR (status = 'SENDING' AND locked_until < now()))
        ORDER BY (template = 'digest'), next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, idempotency_key, template, to_address, reply_to, cc, locale::text AS locale, payload, attempts`;
  }
  return db.$queryRaw<ClaimedMessage[]>`
    UPDATE outbox_messages
       SET status = 'SENDING', attempts = attempts + 1,
           locked_until = now() + make_interval(secs => ${leaseSeconds})
     WHERE id IN (
       SELECT id FROM outbox_messages
        WHERE (status = 'PENDING' AND next_attempt_at <= now())
           OR (status = 'SENDING' AND locked_until < now())
        ORDER BY (template = 'digest'), next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, idempotency_key, template, to_address, reply_to, cc, locale::text AS locale, payload, attempts`;
}

async function deliverOne(message: ClaimedMessage, transport: MailTransport, pace: RateLimiter): Promise<"sent" | "retrying" | "failed"> {
  let outcome: { ok: true; providerId: string } | { ok: false; permanent: boolean; error: string };
  if (!isTemplateName(message.template) || message.payload === null) {
    outcome = { ok: false, permanent: true, error: `cannot render template "${message.template}"` };
  } else {
    try {
      const rendered = await renderTemplate(message.template, message.payload as TemplateProps[typeof message.template]);
      await pace.acquire();
      outcome = await transport.deliver({
        ...rendered,
        to: message.to_address,
        replyTo: message.reply_to ?? undefined,
        cc: message.cc ?? undefined,
        from: env.MAIL_FROM,
        idempotencyKey: message.idempotency_key,
      });
    } catch (error) {
      outcome = { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  // Only the claim that still holds the message records the outcome: a worker whose lease ran
  // out must not overwrite what the worker that took over has recorded.
  const stillOurs = { id: message.id, status: "SENDING" as const, attempts: message.attempts };
  if (outcome.ok) {
    await db.outboxMessage.updateMany({
      where: stillOurs,
      // The payload may hold a confirmation link: it has no business outliving delivery.
      data: { status: "SENT", sentAt: new Date(), providerId: outcome.providerId, payload: Prisma.DbNull, lockedUntil: null, lastError: null },
    });
    await recordDigestHandedOver(message.idempotency_key, outcome.providerId);
    return "sent";
  }
  const giveUp = outcome.permanent || message.attempts >= env.OUTBOX_MAX_ATTEMPTS;
  await db.outboxMessage.updateMany({
    where: stillOurs,
    data: giveUp
      ? { status: "FAILED", lastError: outcome.error, lockedUntil: null }
      : { status: "PENDING", lastError: outcome.error, lockedUntil: null, nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts)) },
  });
  if (giveUp) await recordDigestFailed(message.idempotency_key);
  return giveUp ? "failed" : "retrying";
}

// A digest's delivery log starts here: the provider accepted it (its id links later delivery
// events), or it could not be sent at all. A later provider event may already have moved it on.
async function recordDigestHandedOver(outboxKey: string, providerId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE digests
       SET provider_id = ${providerId},
           status = CASE WHEN status = 'QUEUED' THEN 'SENT'::"DeliveryStatus" ELSE status END,
           sent_at = coalesce(sent_at, now())
     WHERE outbox_key = ${outboxKey}`;
}

async function recordDigestFailed(outboxKey: string): Promise<void> {
  await db.digest.updateMany({ where: { outboxKey, status: "QUEUED" }, data: { status: "FAILED", failedAt: new Date() } });
}

// onlyKeys: deliver just these messages (if due), e.g. the digests an organiser sent just now.
export async function deliverDueMessages(options: {
  transport: MailTransport;
  limit?: number;
  concurrency?: number;
  pace?: RateLimiter;
  onlyKeys?: readonly string[];
}): Promise<DeliveryReport> {
  const pace = options.transport.name === "resend" ? (options.pace ?? providerPace) : { acquire: async () => {} };
  const claimed = await claimDueMessages(options.limit ?? 50, options.onlyKeys);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  const queue = [...claimed];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      report[await deliverOne(message, options.transport, pace)] += 1;
    }
  });
  await Promise.all(workers);
  return report;
}

export type OutboxWorker = { stop(): Promise<void> };

// Runs inside the server process: polls, and wakes at once when a message is written here.
export function startOutboxWorker(options: { transport: MailTransport; pollMs?: number; limit?: number }): OutboxWorker {
  const pollMs = options.pollMs ?? env.OUTBOX_POLL_MS;
  const limit = options.limit ?? 50;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;

  const schedule = (delay: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(tick, delay);
    timer.unref?.();
  };

  function tick(): void {
    if (running) {
      wokenWhileRunning = true;
      return;
    }
    running = (async () => {
      try {
        let report: DeliveryReport;
        do {
          wokenWhileRunning = false;
          report = await deliverDueMessages({ transport: options.transport, limit });
        } while (!stopped && (report.claimed === limit || wokenWhileRunning));
      } catch (error) {
        console.error("[outbox] delivery round failed:", error instanceof Error ? error.message : error);
      } finally {
        running = undefined;
        schedule(pollMs);
      }
    })();
  }

  const unsubscribe = onOutboxWake(() => schedule(0));
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      await running;
    },
  };
}
