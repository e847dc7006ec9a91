import { db, type Tx } from "../db";
import { env } from "../env";
import { startPollingWorker, type PollingWorker } from "../jobs/polling-worker";
import { onQueueWake, wakeQueue } from "../jobs/wake";
import { onDelivery, type DeliveryOutcome } from "../mail/delivery-hooks";
import { Prisma } from "../generated/prisma/client";
import { wakeOutbox } from "../mail/send-email";
import { defaultLocale, locales, type Locale } from "../i18n/locales";
import { publicUrl } from "../public-urls";
import { beginSending, beginSendingTimeoutMs } from "./begin-sending";

// Recipients turned into outbox messages per statement: large enough that a million recipients
// take a few hundred statements, small enough that each commits in well under a second.
const chunkSize = 2_000;

// Update messages waiting in the outbox beyond which no more are written: the sender takes them
// at the provider's pace (at most a few thousand a second), so writing a million ahead of it would
// only fill the table. The recipients themselves are all fixed, durably, when sending begins.
const aheadLimit = 20_000;

/** @internal exported for its tests */
export type UpdateRound = { started: number; queued: number; skipped: number; finished: number };

// Where this process's last chunk of each update ended (its recipients are taken in supporter id
// order), so the next chunk starts there instead of reading past rows already queued. Only a
// hint: a pass that comes back short starts again from the beginning, and finds any row another
// server had claimed and then let go (it crashed before committing).
const cursors = new Map<string, string>();

// Scheduled updates whose time has come begin sending; each is claimed by one server
// (SKIP LOCKED) and its recipients fixed in the same transaction.
/** @internal exported for its tests */
export async function startDueUpdates(now: Date): Promise<number> {
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
      { timeout: beginSendingTimeoutMs },
    );
    if (!begun) return started;
    started += 1;
  }
}

type SendingUpdate = { id: string; kind: "UPDATE" | "NOTICE" };

// A token as newConfirmationToken makes one (43 characters of base64url), from two random UUIDs
// (the server's strong random source; 244 random bits), and the SHA-256 hash stored for it.
const randomTokenSql = Prisma.sql`translate(rtrim(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '='), '+/', '-_')`;
const tokenHashSql = (token: Prisma.Sql) => Prisma.sql`encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`;

// A public link with a token in it (lib/public-urls builds it), as SQL: the text before and after
// the token, around `token`.
const tokenSlot = "token-slot";
function linkSql(build: (token: string) => string, token: Prisma.Sql): Prisma.Sql {
  const url = build(tokenSlot);
  const at = url.lastIndexOf(tokenSlot);
  return Prisma.sql`(${url.slice(0, at)} || ${token} || ${url.slice(at + tokenSlot.length)})`;
}
// The page in the recipient's own language.
function localeLinkSql(build: (locale: Locale, token: string) => string, token: Prisma.Sql): Prisma.Sql {
  const cases = locales.filter((locale) => locale !== defaultLocale).map((locale) => Prisma.sql`WHEN l.locale = ${locale}::"Locale" THEN ${linkSql((t) => build(locale, t), token)}`);
  return Prisma.sql`CASE ${Prisma.join(cases, " ")} ELSE ${linkSql((t) => build(defaultLocale, t), token)} END`;
}

// One chunk of an update's recipients not yet queued, in one statement: claimed with FOR UPDATE
// SKIP LOCKED (two workers take different rows), their unsubscribe and erase tokens and outbox
// messages written, and the rows marked queued, all in one transaction: a crash rolls all of it
// back, so nobody is queued twice or skipped. The outbox key (update:<update>:<supporter>) is
// unique, so even two servers queueing one recipient write one message. Someone erased or
// unsubscribed since sending began is skipped. Nothing per recipient passes through this process:
// each message carries its supporter's address sealed, as their row holds it, and names the
// supporter, whose row the outbox worker opens it with.
async function queueChunk(update: SendingUpdate, after: string, size: number): Promise<{ queued: number; skipped: number; last: string | null }> {
  const updateId = update.id;
  // A notice to supporters is sent through the same queue, with its own e-mail.
  const [template, idKey] = update.kind === "NOTICE" ? ["campaign-notice", "noticeId"] : ["supporter-update", "updateId"];
  const unsubscribeLink = localeLinkSql(publicUrl.unsubscribe, Prisma.sql`l.unsubscribe_token`);
  const eraseLink = localeLinkSql(publicUrl.erase, Prisma.sql`l.erase_token`);
  const oneClickLink = linkSql(publicUrl.oneClickUnsubscribe, Prisma.sql`l.unsubscribe_token`);
  const [row] = await db.$queryRaw<{ queued: number; skipped: number; last: string | null }[]>`
    WITH claimed AS (
      SELECT r.id, r.supporter_id, r.locale
        FROM update_recipients r
       WHERE r.update_id = ${updateId} AND r.supporter_id > ${after} AND r.queued_at IS NULL AND r.skipped_at IS NULL
       ORDER BY r.supporter_id
       LIMIT ${size}
         FOR UPDATE OF r SKIP LOCKED),
    links AS MATERIALIZED (
      SELECT c.id, c.supporter_id, c.locale, sup.email,
             (SELECT s.id FROM signatures s WHERE s.supporter_id = c.supporter_id ORDER BY s.created_at, s.id LIMIT 1) AS signature_id,
             ${randomTokenSql} AS unsubscribe_token,
             ${randomTokenSql} AS erase_token
        FROM claimed c
        LEFT JOIN supporters sup ON sup.id = c.supporter_id AND sup.unsubscribed_at IS NULL AND sup.erased_at IS NULL),
    tokens AS (
      INSERT INTO supporter_tokens (token_hash, supporter_id, purpose, created_at)
      SELECT ${tokenHashSql(Prisma.sql`t.token`)}, l.supporter_id, t.purpose::"SupporterTokenPurpose", now() AT TIME ZONE 'UTC'
        FROM links l CROSS JOIN LATERAL (VALUES (l.unsubscribe_token, 'UNSUBSCRIBE'), (l.erase_token, 'ERASE')) AS t (token, purpose)
       WHERE l.email IS NOT NULL),
    messages AS (
      INSERT INTO outbox_messages (id, idempotency_key, template, to_address, supporter_id, signature_id, locale, payload, created_at, next_attempt_at)
      SELECT gen_random_uuid()::text, 'update:' || ${updateId} || ':' || l.supporter_id, ${template}, l.email, l.supporter_id, l.signature_id, l.locale,
             jsonb_build_object(${idKey}::text, ${updateId}::text, 'locale', l.locale::text, 'supporterLinks',
               jsonb_build_object('unsubscribeUrl', ${unsubscribeLink}, 'oneClickUnsubscribeUrl', ${oneClickLink}, 'eraseUrl', ${eraseLink})),
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
        FROM links l
       WHERE l.email IS NOT NULL
      ON CONFLICT (idempotency_key) DO NOTHING),
    marked AS (
      UPDATE update_recipients r
         SET queued_at = CASE WHEN l.email IS NOT NULL THEN now() AT TIME ZONE 'UTC' END,
             skipped_at = CASE WHEN l.email IS NULL THEN now() AT TIME ZONE 'UTC' END
        FROM links l
       WHERE r.id = l.id
      RETURNING r.supporter_id, l.email IS NOT NULL AS sendable)
    SELECT count(*) FILTER (WHERE sendable)::int AS queued, count(*) FILTER (WHERE NOT sendable)::int AS skipped, max(supporter_id) AS last
      FROM marked`;
  return { queued: row?.queued ?? 0, skipped: row?.skipped ?? 0, last: row?.last ?? null };
}

// Recipients erased since sending began (their row lost its supporter) are skipped, at the end of a pass.
async function skipErasedRecipients(updateId: string): Promise<number> {
  return db.$executeRaw`
    UPDATE update_recipients SET skipped_at = now() AT TIME ZONE 'UTC'
     WHERE update_id = ${updateId} AND supporter_id IS NULL AND queued_at IS NULL AND skipped_at IS NULL`;
}

// The next chunk of the sending updates, oldest first: from where this process's last chunk of
// it ended, or from the beginning when that finds nothing. `passEnded`: a chunk came back short,
// so an update may have nobody left to queue.
async function queueNextChunk(size: number): Promise<{ queued: number; skipped: number; passEnded: boolean }> {
  const sending = await db.$queryRaw<SendingUpdate[]>`SELECT id, kind::text AS kind FROM supporter_updates WHERE status = 'SENDING' ORDER BY sending_at, id`;
  for (const [id] of cursors) if (!sending.some((update) => update.id === id)) cursors.delete(id);
  let passEnded = false;
  for (const update of sending) {
    const { id } = update;
    const after = cursors.get(id) ?? "";
    let chunk = await queueChunk(update, after, size);
    if (chunk.last === null && after !== "") chunk = await queueChunk(update, "", size);
    const taken = chunk.queued + chunk.skipped;
    if (taken < size) {
      passEnded = true;
      cursors.delete(id);
      chunk.skipped += await skipErasedRecipients(id);
    } else {
      cursors.set(id, chunk.last!);
    }
    if (chunk.queued > 0) wakeOutbox();
    if (chunk.queued + chunk.skipped > 0) return { queued: chunk.queued, skipped: chunk.skipped, passEnded };
  }
  return { queued: 0, skipped: 0, passEnded: true };
}

// Whether the sender already has enough update messages waiting (counted up to the limit).
async function senderHasEnough(limit: number): Promise<boolean> {
  const [row] = await db.$queryRaw<{ waiting: number }[]>`
    SELECT count(*)::int AS waiting
      FROM (SELECT 1 FROM outbox_messages
             WHERE status = 'PENDING' AND template IN ('supporter-update', 'campaign-notice')
             LIMIT ${limit}) m`;
  return (row?.waiting ?? 0) >= limit;
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
export async function runUpdateRound(options: { now?: Date; chunkSize?: number; aheadLimit?: number } = {}): Promise<UpdateRound> {
  const now = options.now ?? new Date();
  // One cheap look first: an idle round opens no transaction (on PGlite every transaction waits its turn).
  const [work] = await db.$queryRaw<{ due: boolean; sending: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM supporter_updates WHERE status = 'SCHEDULED' AND scheduled_for <= ${now}) AS due,
           EXISTS (SELECT 1 FROM supporter_updates WHERE status = 'SENDING') AS sending`;
  if (!work?.due && !work?.sending) return { started: 0, queued: 0, skipped: 0, finished: 0 };
  const started = work.due ? await startDueUpdates(now) : 0;
  if (await senderHasEnough(options.aheadLimit ?? aheadLimit)) return { started, queued: 0, skipped: 0, finished: 0 };
  const { queued, skipped, passEnded } = await queueNextChunk(options.chunkSize ?? chunkSize);
  // Only a short chunk can mean an update has nobody left: a full one leaves the check for later.
  const finished = passEnded ? await finishSentUpdates() : 0;
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
