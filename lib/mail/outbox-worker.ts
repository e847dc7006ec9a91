import { randomUUID } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { startPollingWorker, type PollingWorker } from "../jobs/polling-worker";
import { Prisma } from "../generated/prisma/client";
import type { Locale } from "../i18n/locales";
import { rateLimiter, type RateLimiter } from "./rate-limiter";
import { onOutboxWake } from "./send-email";
import { isTemplateName, renderTemplate, type TemplateProps } from "./templates";
import { maxBatchSize, type BatchResult, type DeliveryResult, type MailTransport, type OutgoingEmail } from "./transport";

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
  batch_key: string;
};

type Outcome = DeliveryResult;

/** @internal exported for its tests */
export type DeliveryReport = { claimed: number; sent: number; retrying: number; failed: number };

const leaseSeconds = 120;

// One pace for every delivery round of this process.
const providerPace = rateLimiter(env.MAIL_RATE_PER_SECOND);

function retryDelayMs(attempts: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
  return base + Math.floor(Math.random() * 1_000);
}

// Claims due messages (or ones whose sender died mid-delivery) so that two workers, in one
// process or on two servers, never hold the same message at once. Digests go last: under the
// provider's rate limit, a person waiting for a confirmation link must not queue behind them.
//
// Each claimed message carries the key of the provider request it travels in, written before
// anything is sent: fresh messages get a new key (one per maxBatchSize messages), and a message
// that already has one (its batch failed, or its sender died) is taken with the rest of its
// batch, so the batch is re-sent whole under the same key and the provider replays it instead of
// delivering it again. Claims take turns (an advisory lock) so two of them never split a batch.
async function claimDueMessages(limit: number, onlyKeys?: readonly string[]): Promise<ClaimedMessage[]> {
  const claimKey = `batch:${randomUUID()}`;
  const onlyThese = onlyKeys ? Prisma.sql`AND idempotency_key = ANY(${[...onlyKeys]}::text[])` : Prisma.empty;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${claimLockId})`;
    return tx.$queryRaw<ClaimedMessage[]>`
      WITH picked AS (
        SELECT id, batch_key, template, next_attempt_at FROM outbox_messages
         WHERE ((status = 'PENDING' AND next_attempt_at <= now())
            OR (status = 'SENDING' AND locked_until < now()))
           ${onlyThese}
         ORDER BY (template = 'digest'), next_attempt_at
         LIMIT ${limit}
         FOR UPDATE SKIP LOCKED),
      fresh AS (
        SELECT id, ${claimKey} || ':' || ((row_number() OVER (ORDER BY (template = 'digest'), next_attempt_at, id) - 1) / ${maxBatchSize})::text AS batch_key
          FROM picked WHERE batch_key IS NULL),
      resumed AS (
        SELECT id, batch_key FROM outbox_messages
         WHERE batch_key IN (SELECT batch_key FROM picked WHERE batch_key IS NOT NULL)
           AND ((status = 'PENDING' AND next_attempt_at <= now())
             OR (status = 'SENDING' AND locked_until < now()))),
      chosen AS (SELECT id, batch_key FROM fresh UNION SELECT id, batch_key FROM resumed)
      UPDATE outbox_messages AS m
         SET status = 'SENDING', attempts = m.attempts + 1, batch_key = chosen.batch_key,
             locked_until = now() + make_interval(secs => ${leaseSeconds})
        FROM chosen
       WHERE m.id = chosen.id
         AND ((m.status = 'PENDING' AND m.next_attempt_at <= now())
           OR (m.status = 'SENDING' AND m.locked_until < now()))
      RETURNING m.id, m.idempotency_key, m.template, m.to_address, m.reply_to, m.cc, m.locale::text AS locale,
                m.payload, m.attempts, m.batch_key`;
  });
}

// Any fixed number: the advisory lock that makes claims take turns.
const claimLockId = 7_211_042;

async function render(message: ClaimedMessage): Promise<OutgoingEmail | Outcome> {
  if (!isTemplateName(message.template) || message.payload === null) {
    return { ok: false, permanent: true, error: `cannot render template "${message.template}"` };
  }
  try {
    const rendered = await renderTemplate(message.template, message.payload as TemplateProps[typeof message.template]);
    return {
      ...rendered,
      to: message.to_address,
      replyTo: message.reply_to ?? undefined,
      cc: message.cc ?? undefined,
      from: env.MAIL_FROM,
      idempotencyKey: message.idempotency_key,
    };
  } catch (error) {
    return { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function sendOne(email: OutgoingEmail, transport: MailTransport, pace: RateLimiter): Promise<Outcome> {
  try {
    await pace.acquire();
    return await transport.deliver(email);
  } catch (error) {
    return { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
  }
}

type Tally = Pick<DeliveryReport, "sent" | "retrying" | "failed">;

// One batch: the messages that share a batch key. They are sent in one request and their
// outcomes recorded together, so a batch never goes out again with part of its messages.
async function deliverBatch(messages: ClaimedMessage[], transport: MailTransport, pace: RateLimiter, tally: Tally): Promise<void> {
  const ready: { message: ClaimedMessage; email: OutgoingEmail }[] = [];
  const unrenderable: { message: ClaimedMessage; outcome: Outcome }[] = [];
  for (const message of messages) {
    const email = await render(message);
    if ("ok" in email) unrenderable.push({ message, outcome: email });
    else ready.push({ message, email });
  }
  if (unrenderable.length > 0) await recordOutcomes(unrenderable, tally);
  if (ready.length === 0) return;

  if (ready.length === 1 || !transport.deliverBatch) {
    for (const { message, email } of ready) await recordOutcomes([{ message, outcome: await sendOne(email, transport, pace) }], tally);
    return;
  }

  let answer: BatchResult;
  try {
    await pace.acquire();
    answer = await transport.deliverBatch(
      ready.map((entry) => entry.email),
      ready[0]!.message.batch_key,
    );
  } catch (error) {
    answer = { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (answer.ok) {
    await recordOutcomes(ready.map(({ message }, index) => ({ message, outcome: answer.results[index]! })), tally);
    return;
  }
  if (!answer.permanent) {
    // The provider may have accepted it: the whole batch goes again later, under the same key.
    const retryAt = new Date(Date.now() + retryDelayMs(Math.max(...ready.map(({ message }) => message.attempts))));
    await recordOutcomes(ready.map(({ message }) => ({ message, outcome: answer })), tally, retryAt);
    return;
  }
  // The provider refused the request itself: send each message on its own, so that one it
  // cannot take does not hold back the others. Each first becomes a batch of its own (sent
  // under its own idempotency key), so neither a crash nor a retry from here on puts it in a
  // batch under another key.
  await db.$transaction(
    ready.map(({ message }) =>
      db.outboxMessage.updateMany({
        where: { id: message.id, status: "SENDING", attempts: message.attempts },
        data: { batchKey: `single:${message.id}` },
      }),
    ),
  );
  for (const { message, email } of ready) await recordOutcomes([{ message, outcome: await sendOne(email, transport, pace) }], tally);
}

// Only the claim that still holds a message records its outcome: a worker whose lease ran out
// must not overwrite what the worker that took over has recorded. retryAt: one time for the
// whole batch, so that it falls due again as one.
async function recordOutcomes(entries: { message: ClaimedMessage; outcome: Outcome }[], tally: Tally, retryAt?: Date): Promise<void> {
  const counts: Tally = { sent: 0, retrying: 0, failed: 0 };
  await db.$transaction(
    async (tx) => {
      for (const { message, outcome } of entries) {
        const stillOurs = { id: message.id, status: "SENDING" as const, attempts: message.attempts };
        if (outcome.ok) {
          await tx.outboxMessage.updateMany({
            where: stillOurs,
            // The payload may hold a confirmation link: it has no business outliving delivery.
            data: { status: "SENT", sentAt: new Date(), providerId: outcome.providerId, payload: Prisma.DbNull, lockedUntil: null, lastError: null },
          });
          await recordDigestHandedOver(tx, message.idempotency_key, outcome);
          counts.sent += 1;
          continue;
        }
        const giveUp = outcome.permanent || message.attempts >= env.OUTBOX_MAX_ATTEMPTS;
        await tx.outboxMessage.updateMany({
          where: stillOurs,
          data: giveUp
            ? { status: "FAILED", lastError: outcome.error, lockedUntil: null }
            : { status: "PENDING", lastError: outcome.error, lockedUntil: null, nextAttemptAt: retryAt ?? new Date(Date.now() + retryDelayMs(message.attempts)) },
        });
        if (giveUp) await recordDigestFailed(tx, message.idempotency_key);
        counts[giveUp ? "failed" : "retrying"] += 1;
      }
    },
    { timeout: 60_000 },
  );
  tally.sent += counts.sent;
  tally.retrying += counts.retrying;
  tally.failed += counts.failed;
}

// A digest's delivery log starts here, in the transaction that marks its message sent: the
// provider accepted it (its id links later delivery events), or it could not be sent at all. A
// later provider event may already have moved it on. Without a provider the message only went to
// the development mailbox: the digest says so, and is never counted as sent.
async function recordDigestHandedOver(tx: Prisma.TransactionClient, outboxKey: string, outcome: { providerId: string; kept?: true }): Promise<void> {
  if (outcome.kept) {
    await tx.digest.updateMany({ where: { outboxKey, status: "QUEUED" }, data: { status: "MAILBOX", providerId: outcome.providerId } });
    return;
  }
  await tx.$executeRaw`
    UPDATE digests
       SET provider_id = ${outcome.providerId},
           status = CASE WHEN status = 'QUEUED' THEN 'SENT'::"DeliveryStatus" ELSE status END,
           sent_at = coalesce(sent_at, now())
     WHERE outbox_key = ${outboxKey}`;
}

async function recordDigestFailed(tx: Prisma.TransactionClient, outboxKey: string): Promise<void> {
  await tx.digest.updateMany({ where: { outboxKey, status: "QUEUED" }, data: { status: "FAILED", failedAt: new Date() } });
}

// onlyKeys: deliver just these messages (if due), e.g. the digests an organiser sent just now.
// More than one due message goes to the provider in batches (one request each, paced by the
// rate limiter); a transport without batches takes them one at a time.
/** @internal exported for its tests */
export async function deliverDueMessages(options: {
  transport: MailTransport;
  limit?: number;
  concurrency?: number;
  pace?: RateLimiter;
  onlyKeys?: readonly string[];
}): Promise<DeliveryReport> {
  const pace = options.transport.name === "resend" ? (options.pace ?? providerPace) : { acquire: async () => {} };
  const claimed = await claimDueMessages(options.limit ?? maxBatchSize, options.onlyKeys);
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  const batches = new Map<string, ClaimedMessage[]>();
  // A batch is always sent in the same order (UPDATE ... RETURNING gives rows in no set order):
  // re-sent after a crash, it must be the very request the provider saw, or the provider refuses
  // the key as reused for another payload.
  claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const message of claimed) batches.set(message.batch_key, [...(batches.get(message.batch_key) ?? []), message]);
  if (options.transport.deliverBatch) {
    const queue = [...batches.values()];
    const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) await deliverBatch(batch, options.transport, pace, report);
    });
    await Promise.all(workers);
    return report;
  }
  // One message at a time: each is its own batch.
  const queue = [...claimed];
  const workers = Array.from({ length: Math.min(options.concurrency ?? 4, queue.length) }, async () => {
    for (let message = queue.shift(); message; message = queue.shift()) await deliverBatch([message], options.transport, pace, report);
  });
  await Promise.all(workers);
  return report;
}

export type OutboxWorker = PollingWorker;

// Runs inside the server process: polls, and wakes at once when a message is written here.
export function startOutboxWorker(options: { transport: MailTransport; pollMs?: number; limit?: number }): OutboxWorker {
  const limit = options.limit ?? maxBatchSize;
  return startPollingWorker({
    name: "outbox",
    pollMs: options.pollMs ?? env.OUTBOX_POLL_MS,
    round: async () => (await deliverDueMessages({ transport: options.transport, limit })).claimed >= limit,
    onWake: onOutboxWake,
  });
}
