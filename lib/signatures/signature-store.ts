import { randomUUID } from "node:crypto";
import { isOpen } from "../campaigns/lifecycle";
import { rateLimitParameters, signAttemptColumns, signAttemptCtes, signAttemptKey, type AttemptVerdict, type RateLimits } from "../abuse/rate-limit";
import { database, rowParameters, rowsRelation, type Database, type RowColumns } from "../db";
import { env } from "../env";
import { AppError, toAppError } from "../errors";
import type { SignatureState } from "../generated/prisma/enums";
import { groupCommit, type GroupCommit } from "../group-commit";
import type { Locale } from "../i18n/locales";
import { insertOutboxRowsSql, outboxRowColumns, outboxRowValues, wakeOutbox } from "../mail/send-email";
import { openSignature, sealSignatureFields, sealSupporterEmail } from "../sealing/signer-data";
import { canonicalEmail, emailDomain } from "./canonical-email";
import type { ConfirmationMail } from "./confirmation-mail";
import type { SignInput } from "./schema";

// How signatures are written: a first signature in one statement shared by many requests under
// load, and a signature's confirmation e-mail sent again. The rules of signing are in
// sign-petition.ts; this is how they are stored, all of a signature or none of it.

// A first signature as signing decided it. The attempt is recorded against `rateLimits` for the
// address's hash (neither: nothing is recorded, and the signature counts as usual).
type FirstSignature = {
  campaignId: string;
  signatureId: string;
  input: SignInput;
  locale: Locale;
  ipHash: string | null;
  source: string | null;
  rateLimits: RateLimits | null;
  // A valid proof of work came with it.
  proved: boolean;
  confirmation: ConfirmationMail;
};

type StoredFirstSignature = { outcome: "signed" | "closed" | "raced" } | { outcome: "signed-before"; supporterId: string };

// First signatures, in one statement for any number of them: for each, the attempt against the
// rate limits, the supporter, the signature (HELD, with the verdict as its reason, when beyond the
// limits without a proof of work or beyond the ceiling: the signer gets the usual e-mail, and
// confirming records it for an organiser to release rather than counting it), the consents,
// the confirmation token, the links of the e-mail and the e-mail itself in the outbox. All of it
// or none of it; nothing is written but the attempt when the campaign has closed, or the supporter
// when they signed before. No two rows may share an address or an e-mail address (groupCommit
// keeps them apart), and rows are written in the order of their e-mail address's hash in every
// statement, so two statements at once never wait on each other in opposite orders. The signer's
// name, postcode, comment and e-mail address arrive sealed; name_words is the name's word hashes
// joined by spaces (a hash has none), since an array cannot be one element of the rows' arrays.
const newSignatureColumns = [
  ...signAttemptColumns,
  ["new_supporter_id", "text"],
  ["email_hash", "text"],
  ["email", "text"],
  ["locale", "text"],
  ["signature_id", "text"],
  ["name", "text"],
  ["name_words", "text"],
  ["country", "text"],
  ["postcode", "text"],
  ["comment", "text"],
  ["show_publicly", "boolean"],
  ["ip_hash", "text"],
  ["email_domain", "text"],
  ["source", "text"],
  ["consent", "boolean"],
  ["token_hash", "text"],
  ["unsubscribe_hash", "text"],
  ["erase_hash", "text"],
  ...outboxRowColumns,
] as const satisfies RowColumns;

const ttlHours = `$${newSignatureColumns.length + 1}::int`;

const newSignaturesStatement = { name: "sign-new-signatures", text: `
  WITH input AS (SELECT * FROM ${rowsRelation("i", newSignatureColumns, 1)}),
  ${signAttemptCtes("input")},
  open_campaign AS (SELECT c.id FROM campaigns c WHERE c.id IN (SELECT campaign_id FROM input) AND ${isOpen.sql("c")}),
  -- A new supporter, or the one already there. Nothing locks an existing supporter's row; one
  -- inserted by another signing that committed while this statement ran is not seen by it (the
  -- statement's snapshot is older), so supporter_id is then null and the caller runs it again.
  -- Reading every verdict first takes each address's attempt row before anything else.
  new_supporter AS (
    INSERT INTO supporters (id, email_hash, email, locale, created_at)
    SELECT i.new_supporter_id, i.email_hash, i.email, i.locale::"Locale", now() AT TIME ZONE 'UTC'
    FROM input i JOIN attempt_verdict v USING (n) JOIN open_campaign o ON o.id = i.campaign_id
    ORDER BY i.email_hash
    ON CONFLICT (email_hash) DO NOTHING
    RETURNING id, email_hash
  ),
  supporter AS (
    SELECT i.n, coalesce(ns.id, s.id) AS id
    FROM input i JOIN open_campaign o ON o.id = i.campaign_id
    LEFT JOIN new_supporter ns ON ns.email_hash = i.email_hash
    LEFT JOIN supporters s ON s.email_hash = i.email_hash
  ),
  signature AS (
    INSERT INTO signatures (id, campaign_id, supporter_id, state, invalidation_reason, name, name_words, country, postcode, comment,
      show_publicly, locale, ip_hash, email_domain, source, confirmations_sent, created_at, updated_at)
    SELECT i.signature_id, i.campaign_id, supporter.id,
      CASE WHEN v.verdict IN ('no-proof', 'ceiling') THEN 'HELD' ELSE 'PENDING' END::"SignatureState",
      CASE WHEN v.verdict IN ('no-proof', 'ceiling') THEN v.verdict END,
      i.name, string_to_array(i.name_words, ' '), i.country, i.postcode, i.comment, i.show_publicly, i.locale::"Locale", i.ip_hash, i.email_domain, i.source, 1,
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM input i JOIN supporter USING (n) JOIN attempt_verdict v USING (n)
    WHERE supporter.id IS NOT NULL
    ORDER BY i.email_hash
    ON CONFLICT (campaign_id, supporter_id) DO NOTHING
    RETURNING id, supporter_id
  ),
  signed AS (SELECT i.*, signature.supporter_id FROM signature JOIN input i ON i.signature_id = signature.id),
  consents AS (
    INSERT INTO signature_consents (signature_id, organisation_id, created_at)
    SELECT signed.signature_id, owner.organisation_id, now() AT TIME ZONE 'UTC'
    FROM signed JOIN campaign_owners owner ON owner.campaign_id = signed.campaign_id WHERE signed.consent
  ),
  confirmation AS (
    INSERT INTO confirmation_tokens (token_hash, signature_id, expires_at, created_at)
    SELECT signed.token_hash, signed.signature_id, (now() AT TIME ZONE 'UTC') + ${ttlHours} * interval '1 hour', now() AT TIME ZONE 'UTC' FROM signed
  ),
  links AS (
    INSERT INTO supporter_tokens (token_hash, supporter_id, purpose, created_at)
    SELECT link.token_hash, signed.supporter_id, link.purpose::"SupporterTokenPurpose", now() AT TIME ZONE 'UTC'
    FROM signed, LATERAL (VALUES (signed.unsubscribe_hash, 'UNSUBSCRIBE'), (signed.erase_hash, 'ERASE')) AS link (token_hash, purpose)
  ),
  outbox AS (${insertOutboxRowsSql("signed")})
  SELECT o.id IS NOT NULL AS open, supporter.id AS supporter_id, signature.id AS signature_id, v.verdict
  FROM input i JOIN attempt_verdict v USING (n)
  LEFT JOIN open_campaign o ON o.id = i.campaign_id
  LEFT JOIN supporter USING (n)
  LEFT JOIN signature ON signature.id = i.signature_id
  ORDER BY i.n` };

type NewSignatureRow = { open: boolean; supporter_id: string | null; signature_id: string | null; verdict: AttemptVerdict };

type PendingSignature = { parameters: unknown[]; keys: string[] };

// Statements of first signatures running at once on PostgreSQL: enough to keep its cores busy,
// few enough that under load each carries many signatures.
const signingStatementsAtOnce = 2;

// One queue of first signatures per database: under load, the signatures of many requests share
// one statement. PGlite runs one statement at a time anyway; PostgreSQL gets a few at once.
const newSignatureQueues = new WeakMap<Database, GroupCommit<PendingSignature, NewSignatureRow>>();

function newSignatureQueue(target: Database): GroupCommit<PendingSignature, NewSignatureRow> {
  let queue = newSignatureQueues.get(target);
  if (!queue) {
    queue = groupCommit({
      run: (rows) =>
        target.sql<NewSignatureRow>(newSignaturesStatement, [...rowParameters(newSignatureColumns, rows.map((row) => row.parameters)), env.CONFIRMATION_TTL_HOURS]),
      keys: (row) => row.keys,
      inFlight: target.kind === "pglite" ? 1 : signingStatementsAtOnce,
      maxRows: 64,
      // The database unreachable fails every row alike; anything else may be one row's fault.
      retryAlone: (error) => toAppError(error)?.code !== "UNAVAILABLE",
      // As long as a query may wait for a connection: then "try again shortly".
      maxWaitMs: env.DATABASE_CONNECT_TIMEOUT_MS,
      waitedTooLong: () => new AppError("UNAVAILABLE", { detail: "no statement to sign in within the connection timeout" }),
    });
    newSignatureQueues.set(target, queue);
  }
  return queue;
}

type SealedSigner = Awaited<ReturnType<typeof sealSigner>>;

// What the signature, its supporter and its confirmation e-mail store of the signer, sealed.
async function sealSigner(signature: FirstSignature) {
  const { input } = signature;
  const [fields, supporter, mail] = await Promise.all([
    sealSignatureFields(signature.campaignId, signature.signatureId, { name: input.name, postcode: input.postcode, comment: input.comment }),
    sealSupporterEmail(input.email),
    outboxRowValues(signature.confirmation.mail),
  ]);
  return { ...fields, supporterEmail: supporter.email, emailHash: supporter.emailHash, mail };
}

// verdict: that of an earlier run of this same request, whose attempt is recorded.
function pendingSignature(signature: FirstSignature, sealed: SealedSigner, verdict?: AttemptVerdict): PendingSignature {
  const { input, confirmation } = signature;
  const canonical = canonicalEmail(input.email);
  const attempt = rateLimitParameters(signature.campaignId, signature.ipHash, signature.rateLimits, signature.proved, verdict);
  const parameters = [
    ...attempt,
    randomUUID(),
    sealed.emailHash,
    sealed.supporterEmail,
    signature.locale,
    signature.signatureId,
    sealed.name,
    sealed.nameWords.join(" "),
    input.country,
    sealed.postcode,
    sealed.comment,
    input.showPublicly,
    signature.ipHash,
    emailDomain(canonical),
    signature.source,
    input.consent,
    confirmation.tokenHash,
    confirmation.unsubscribeHash,
    confirmation.eraseHash,
    ...sealed.mail,
  ];
  const attemptKey = signAttemptKey(attempt);
  return { parameters, keys: attemptKey ? [`email:${canonical}`, attemptKey] : [`email:${canonical}`] };
}

// Stores a first signature, or finds that its address signed before (or that the campaign has
// closed meanwhile). Its e-mail is in the outbox when this returns "signed".
export async function storeFirstSignature(signature: FirstSignature): Promise<StoredFirstSignature> {
  const queue = newSignatureQueue(database());
  const sealed = await sealSigner(signature);
  let verdict: AttemptVerdict | undefined;
  // The same address signing for the first time twice at once: run again, the second sees the first.
  for (let run = 0; run < 4; run++) {
    const row = await queue.submit(pendingSignature(signature, sealed, verdict));
    if (!row.open) return { outcome: "closed" };
    if (row.signature_id) {
      wakeOutbox();
      return { outcome: "signed" };
    }
    if (row.supporter_id) return { outcome: "signed-before", supporterId: row.supporter_id };
    verdict = row.verdict;
  }
  return { outcome: "raced" };
}

// A signature as its e-mail sent again is built from.
type SignatureToMailAgain = { id: string; state: SignatureState; name: string; confirmationsSent: number; confirmed: boolean };

const signatureToMailAgainQuery = { name: "sign-again-signature", text: `
  SELECT id, state, name, confirmations_sent AS "confirmationsSent", (state = 'CONFIRMED' OR confirmed_at IS NOT NULL) AS confirmed
  FROM signatures WHERE campaign_id = $1::text AND supporter_id = $2::text` };

// The e-mail sent again, in one statement: the count of e-mails, the confirmation token (if any),
// the e-mail's own links and the e-mail itself, written only if the signature still reads as it
// did when the e-mail was built from it.
const mailAgainStatement = { name: "sign-again", text: `
  WITH bumped AS (
    UPDATE signatures s SET confirmations_sent = s.confirmations_sent + 1, updated_at = now() AT TIME ZONE 'UTC'
    WHERE s.id = $1::text AND s.supporter_id = $2::text AND s.confirmations_sent = $3::int AND s.state = $4::"SignatureState"
      AND (s.state = 'CONFIRMED' OR s.confirmed_at IS NOT NULL) = $5::boolean AND s.name = $6::text
    RETURNING s.id
  ),
  confirmation AS (
    INSERT INTO confirmation_tokens (token_hash, signature_id, expires_at, created_at)
    SELECT $7::text, b.id, (now() AT TIME ZONE 'UTC') + $8::int * interval '1 hour', now() AT TIME ZONE 'UTC'
    FROM bumped b WHERE $7::text IS NOT NULL
  ),
  links AS (
    INSERT INTO supporter_tokens (token_hash, supporter_id, purpose, created_at)
    SELECT link.token_hash, $2::text, link.purpose::"SupporterTokenPurpose", now() AT TIME ZONE 'UTC'
    FROM bumped, LATERAL (VALUES ($9::text, 'UNSUBSCRIBE'), ($10::text, 'ERASE')) AS link (token_hash, purpose)
  ),
  mail AS (SELECT m.* FROM bumped, ${rowsRelation("m", outboxRowColumns, 11)}),
  outbox AS (${insertOutboxRowsSql("mail")})
  SELECT count(*)::int AS sent FROM bumped` };

// Each run that writes nothing found the signature changed since it was read (another e-mail sent
// again at the same moment, a confirmation): it is read again. Every change that can come between
// is bounded (the e-mails by their cap), so this many runs are never all beaten.
const mailAgainRuns = 10;

// Sends the signature of `supporterId` on the campaign the e-mail `mail` builds for it, or nothing
// when `mail` says so. The e-mail is built from the signature as stored (its name, opened, and its
// state); the statement compares the name as sealed, as it was read.
export async function mailAgain(options: { campaignId: string; supporterId: string; mail: (signature: SignatureToMailAgain) => ConfirmationMail | null }): Promise<void> {
  const db = database();
  for (let run = 0; run < mailAgainRuns; run++) {
    const [signature] = await db.sql<SignatureToMailAgain>(signatureToMailAgainQuery, [options.campaignId, options.supporterId]);
    const again = signature && options.mail(await openSignature(signature));
    if (!again) return;
    const [written] = await db.sql<{ sent: number }>(mailAgainStatement, [
      signature.id,
      options.supporterId,
      signature.confirmationsSent,
      signature.state,
      signature.confirmed,
      signature.name,
      again.tokenHash,
      env.CONFIRMATION_TTL_HOURS,
      again.unsubscribeHash,
      again.eraseHash,
      ...rowParameters(outboxRowColumns, [await outboxRowValues(again.mail)]),
    ]);
    if (written && written.sent > 0) {
      wakeOutbox();
      return;
    }
  }
}
