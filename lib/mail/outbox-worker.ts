import { db } from "../db";
import { env } from "../env";
import type { PollingWorker } from "../jobs/polling-worker";
import { backoff, defineQueue } from "../jobs/queue";
import { Prisma } from "../generated/prisma/client";
import type { Locale } from "../i18n/locales";
import { isSealed } from "../sealing/seal";
import { openSupporterEmail } from "../sealing/signer-data";
import { fromWithName } from "../updates/sender-name";
import { runDeliveryHooks } from "./delivery-hooks";
import { openMailAddress, openMailPayload } from "./sealed-mail";
import { rateLimiter, type RateLimiter } from "./rate-limiter";
import { isTemplateName, renderTemplate, type TemplateProps } from "./templates";
import { maxBatchSize, type BatchResult, type DeliveryResult, type MailTransport, type OutgoingEmail } from "./transport";

type ClaimedMessage = {
  id: string;
  idempotency_key: string;
  template: string;
  to_address: string;
  // The key of the address of the supporter a mail goes to (updates, notices): null when it goes
  // to no supporter, or to one who is gone.
  supporter_email_hash: string | null;
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

// One pace for every delivery round of this process.
const providerPace = rateLimiter(env.MAIL_RATE_PER_SECOND);

// The mail queue: the outbox's rows. Digests go last: under the provider's rate limit, a person
// waiting for a confirmation link must not queue behind them. Messages travel in batches (one
// provider request each, the batch's key its idempotency key), so a batch cut short by a crash or
// a failed request is re-sent whole under the same key and the provider replays it.
export const mailQueue = defineQueue<Prisma.OutboxMessageUpdateManyMutationInput>({
  name: "mail",
  table: "outbox_messages",
  returning: Prisma.sql`q.id, q.idempotency_key, q.template, q.to_address,
    (SELECT s.email_hash FROM supporters s WHERE s.id = q.supporter_id) AS supporter_email_hash,
    q.reply_to, q.cc, q.locale::text AS locale, q.payload, q.attempts, q.batch_key`,
  order: Prisma.sql`(q.template = 'digest'), q.next_attempt_at`,
  lanes: [Prisma.sql`q.template <> 'digest'`, Prisma.sql`q.template = 'digest'`],
  leaseSeconds: env.OUTBOX_LEASE_SECONDS,
  maxAttempts: () => env.OUTBOX_MAX_ATTEMPTS,
  retryDelayMs: backoff(5_000, 15 * 60_000),
  batchSize: maxBatchSize,
  write: (tx, hold, data) => tx.outboxMessage.updateMany({ where: hold, data }),
});

// Where a message goes. Its address is sealed (sealed-mail.ts) and opened only here, to send. A
// mail to a supporter holds their address sealed as their row does; once the supporter is erased
// or a key destroyed, no address is left to send to, and trying again would not find one.
async function recipientAddress(message: ClaimedMessage): Promise<string | Outcome> {
  if (!isSealed(message.to_address)) return message.to_address;
  const address = message.supporter_email_hash
    ? await openSupporterEmail({ emailHash: message.supporter_email_hash, email: message.to_address })
    : await openMailAddress(message.to_address, "outbox_messages.to_address", message.idempotency_key);
  return address || { ok: false, permanent: true, error: "the recipient's address no longer exists" };
}

async function render(message: ClaimedMessage): Promise<OutgoingEmail | Outcome> {
  const unrenderable: Outcome = { ok: false, permanent: true, error: `cannot render template "${message.template}"` };
  if (!isTemplateName(message.template) || message.payload === null) return unrenderable;
  try {
    const to = await recipientAddress(message);
    if (typeof to !== "string") return to;
    const key = message.idempotency_key;
    const props = await openMailPayload(message.payload, key);
    if (props === null) return unrenderable;
    const { fromName, ...rendered } = await renderTemplate(message.template, props as TemplateProps[typeof message.template]);
    return {
      ...rendered,
      to,
      replyTo: (await openMailAddress(message.reply_to, "outbox_messages.reply_to", key)) ?? undefined,
      cc: (await openMailAddress(message.cc, "outbox_messages.cc", key)) ?? undefined,
      from: fromName ? fromWithName(env.MAIL_FROM, fromName) : env.MAIL_FROM,
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
    const retryAt = new Date(Date.now() + mailQueue.retryDelayMs(Math.max(...ready.map(({ message }) => message.attempts))));
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

// A provider's reason may quote the address it refused; the row keeps the reason, not the address
// (the address itself is sealed).
const addressPattern = /[^\s<>()\[\]"',;:]+@[^\s<>()\[\]"',;:]+/g;
const withoutAddresses = (outcome: Outcome): Outcome => (outcome.ok ? outcome : { ...outcome, error: outcome.error.replace(addressPattern, "[address]") });

// Only the claim that still holds a message records its outcome (the queue sees to it). What a
// message's outcome means to the rest of Nida (a digest's status) is a hook of that module.
// retryAt: one time for the whole batch, so that it falls due again as one.
async function recordOutcomes(entries: { message: ClaimedMessage; outcome: Outcome }[], tally: Tally, retryAt?: Date): Promise<void> {
  const counts: Tally = { sent: 0, retrying: 0, failed: 0 };
  await db.$transaction(
    async (tx) => {
      for (const { message, outcome } of entries) {
        const settled = await mailQueue.settle(tx, message, withoutAddresses(outcome), {
          retryAt,
          // The payload may hold a confirmation link: it has no business outliving delivery.
          update: outcome.ok ? { sentAt: new Date(), providerId: outcome.providerId, payload: Prisma.DbNull } : {},
        });
        if (settled === "done" && outcome.ok) await runDeliveryHooks(tx, { template: message.template, outboxKey: message.idempotency_key, sent: { providerId: outcome.providerId, kept: outcome.kept === true } });
        if (settled === "failed") await runDeliveryHooks(tx, { template: message.template, outboxKey: message.idempotency_key, sent: null });
        counts[settled === "done" ? "sent" : settled] += 1;
      }
    },
    { timeout: 60_000 },
  );
  tally.sent += counts.sent;
  tally.retrying += counts.retrying;
  tally.failed += counts.failed;
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
  const scope = options.onlyKeys ? Prisma.sql`q.idempotency_key = ANY(${[...options.onlyKeys]}::text[])` : undefined;
  const claimed = await mailQueue.claim<ClaimedMessage>({ limit: options.limit ?? maxBatchSize, scope });
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

// Runs inside the server process: polls, and wakes at once when a message is queued here.
export function startOutboxWorker(options: { transport: MailTransport; pollMs?: number; limit?: number }): OutboxWorker {
  const limit = options.limit ?? maxBatchSize;
  return mailQueue.start({ pollMs: options.pollMs ?? env.OUTBOX_POLL_MS, limit, round: () => deliverDueMessages({ transport: options.transport, limit }) });
}
