import { db, type Tx } from "../db";
import { env } from "../env";
import { startPollingWorker, type PollingWorker } from "../jobs/polling-worker";
import { onQueueWake, wakeQueue } from "../jobs/wake";
import { onDelivery, type DeliveryOutcome } from "../mail/delivery-hooks";
import { outboxRow, wakeOutbox } from "../mail/send-email";
import { newSupporterLinks } from "../privacy/supporter-links";
import type { Locale } from "../i18n/locales";
import { beginSending } from "./begin-sending";

// Recipients turned into outbox messages per transaction: small enough to commit quickly, large
// enough that a million recipients take a few thousand rounds.
const chunkSize = 500;

type ClaimedRecipient = { id: string; update_id: string; kind: "UPDATE" | "NOTICE"; supporter_id: string | null; locale: Locale; email: string | null; signature_id: string | null };

/** @internal exported for its tests */
export type UpdateRound = { started: number; queued: number; skipped: number; finished: number };

// The outbox key of a recipient's message: the outbox never holds two messages under one key, so
// even two servers queueing the same recipient write one message.
function updateMessageKey(updateId: string, supporterId: string): string {
  return `update:${updateId}:${supporterId}`;
}

// Scheduled updates whose time has come begin sending; each is claimed by one server
// (SKIP LOCKED) and its recipients fixed in the same transaction.
async function startDueUpdates(now: Date): Promise<number> {
  let started = 0;
  for (;;) {
    const begun = await db.$transaction(
      async (tx) => {
        const [due] = await tx.$queryRaw<{ id: string; sent_by_id: string | null }[]>`
          SELECT id, sent_by_id FROM supporter_updates
           WHERE status = 'SCHEDULED' AND scheduled_for <= ${now}
           ORDER BY scheduled_for LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!due) return false;
        await beginSending(tx, { updateId: due.id, userId: due.sent_by_id });
        return true;
      },
      { timeout: 120_000 },
    );
    if (!begun) return started;
    started += 1;
  }
}

// One chunk of recipients not yet queued, claimed with FOR UPDATE SKIP LOCKED (two workers take
// different rows) and marked queued in the transaction that writes their messages: a crash rolls
// both back, so nobody is queued twice or skipped. Someone erased or unsubscribed since sending
// began is skipped.
async function queueChunk(size: number): Promise<{ queued: number; skipped: number }> {
  const result = await db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<ClaimedRecipient[]>`
        SELECT r.id, r.update_id, u.kind::text AS kind, r.supporter_id, r.locale::text AS locale,
               CASE WHEN sup.unsubscribed_at IS NULL AND sup.erased_at IS NULL THEN sup.email END AS email,
               (SELECT s.id FROM signatures s WHERE s.supporter_id = r.supporter_id ORDER BY s.created_at, s.id LIMIT 1) AS signature_id
          FROM update_recipients r
          JOIN supporter_updates u ON u.id = r.update_id AND u.status = 'SENDING'
          LEFT JOIN supporters sup ON sup.id = r.supporter_id
         WHERE r.queued_at IS NULL AND r.skipped_at IS NULL
         ORDER BY r.update_id, r.id
         LIMIT ${size}
           FOR UPDATE OF r SKIP LOCKED`;
      const sendable = claimed.filter((row): row is ClaimedRecipient & { supporter_id: string; email: string } => Boolean(row.supporter_id && row.email));
      const skipped = claimed.filter((row) => !row.supporter_id || !row.email);
      const tokens: { tokenHash: string; supporterId: string; purpose: "UNSUBSCRIBE" | "ERASE" }[] = [];
      const messages = sendable.map((row) => {
        const { links, unsubscribeHash, eraseHash } = newSupporterLinks(row.locale);
        tokens.push({ tokenHash: unsubscribeHash, supporterId: row.supporter_id, purpose: "UNSUBSCRIBE" }, { tokenHash: eraseHash, supporterId: row.supporter_id, purpose: "ERASE" });
        const common = { to: row.email, locale: row.locale, idempotencyKey: updateMessageKey(row.update_id, row.supporter_id), signatureId: row.signature_id ?? undefined };
        return row.kind === "NOTICE"
          ? outboxRow({ ...common, template: "campaign-notice", props: { noticeId: row.update_id, locale: row.locale, supporterLinks: links } })
          : outboxRow({ ...common, template: "supporter-update", props: { updateId: row.update_id, locale: row.locale, supporterLinks: links } });
      });
      if (tokens.length > 0) await tx.supporterToken.createMany({ data: tokens });
      if (messages.length > 0) await tx.outboxMessage.createMany({ data: messages, skipDuplicates: true });
      const now = new Date();
      if (sendable.length > 0) await tx.updateRecipient.updateMany({ where: { id: { in: sendable.map((row) => row.id) } }, data: { queuedAt: now } });
      if (skipped.length > 0) await tx.updateRecipient.updateMany({ where: { id: { in: skipped.map((row) => row.id) } }, data: { skippedAt: now } });
      return { queued: sendable.length, skipped: skipped.length };
    },
    { timeout: 120_000 },
  );
  if (result.queued > 0) wakeOutbox();
  return result;
}

// An update is sent once none of its recipients waits to be queued.
async function finishSentUpdates(): Promise<number> {
  return db.$executeRaw`
    UPDATE supporter_updates u SET status = 'SENT', sent_at = now() AT TIME ZONE 'UTC', updated_at = now() AT TIME ZONE 'UTC'
     WHERE u.status = 'SENDING'
       AND NOT EXISTS (SELECT 1 FROM update_recipients r WHERE r.update_id = u.id AND r.queued_at IS NULL AND r.skipped_at IS NULL)`;
}

// One round of the update queue: start what is due, queue one chunk, close what is done. Safe to
// run on several servers at once, and again after any crash.
/** @internal exported for its tests */
export async function runUpdateRound(options: { now?: Date; chunkSize?: number } = {}): Promise<UpdateRound> {
  const now = options.now ?? new Date();
  // One cheap look first: an idle round opens no transaction (on PGlite every transaction waits its turn).
  const [work] = await db.$queryRaw<{ due: boolean; sending: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM supporter_updates WHERE status = 'SCHEDULED' AND scheduled_for <= ${now}) AS due,
           EXISTS (SELECT 1 FROM supporter_updates WHERE status = 'SENDING') AS sending`;
  if (!work?.due && !work?.sending) return { started: 0, queued: 0, skipped: 0, finished: 0 };
  const started = work.due ? await startDueUpdates(now) : 0;
  const { queued, skipped } = await queueChunk(options.chunkSize ?? chunkSize);
  const finished = await finishSentUpdates();
  return { started, queued, skipped, finished };
}

export function wakeUpdates(): void {
  wakeQueue("updates");
}

// Runs inside the server process beside the outbox worker: polls (scheduled updates fall due
// without anyone waking it), and at once when an update begins sending here.
export function startUpdateWorker(): PollingWorker {
  return startPollingWorker({
    name: "updates",
    pollMs: Math.max(env.OUTBOX_POLL_MS, 5_000),
    round: async () => {
      const round = await runUpdateRound();
      return round.queued + round.skipped >= chunkSize;
    },
    onWake: (listener) => onQueueWake("updates", listener),
  });
}

// The provider took a recipient's message: its id links later delivery events to the recipient
// (a bounce or complaint about a notice stops later updates, as one about an update does).
async function recordRecipientSent(tx: Tx, { outboxKey, sent }: DeliveryOutcome): Promise<void> {
  const match = /^update:([^:]+):([^:]+)$/.exec(outboxKey);
  if (!match || !sent) return;
  await tx.updateRecipient.updateMany({ where: { updateId: match[1]!, supporterId: match[2]! }, data: { providerId: sent.providerId, sentAt: new Date() } });
}
onDelivery("supporter-update", recordRecipientSent);
onDelivery("campaign-notice", recordRecipientSent);
