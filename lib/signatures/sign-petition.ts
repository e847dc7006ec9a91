import { randomUUID } from "node:crypto";
import { accessVerdict } from "../abuse/access-rules";
import { runAfterResponse, type AfterResponse } from "../after-response";
import { normaliseIp } from "../abuse/client-ip";
import { isDisposableDomain } from "../abuse/disposable-domains";
import { checkFormGuard } from "../abuse/form-guard";
import { defaultRateLimits, rateLimitParameters, signAttemptColumns, signAttemptCtes, signAttemptKey, type AttemptVerdict, type RateLimits } from "../abuse/rate-limit";
import { isValidProof } from "../abuse/verify-proof";
import { isOpen, isPublic } from "../campaigns/lifecycle";
import { database, rowParameters, rowsRelation, type Database, type RowColumns } from "../db";
import { env } from "../env";
import { AppError, toAppError } from "../errors";
import { groupCommit, type GroupCommit } from "../group-commit";
import type { Locale } from "../i18n/locales";
import { outboxRow, wakeOutbox } from "../mail/send-email";
import type { TemplateProps } from "../mail/templates";
import { newSupporterLinks, type SupporterLinks } from "../privacy/supporter-links";
import { publicUrl } from "../public-urls";
import { hashIp } from "../secrets";
import { canonicalEmail, emailDomain } from "./canonical-email";
import { fieldErrors, type SignInput } from "./schema";
import { signInputSchema } from "./sign-input";
import { signingCampaign, type OwnerForSigning } from "./signing-campaign";
import { newConfirmationToken } from "./tokens";

// A signer may ask for the confirmation e-mail again, but an address is never mailed more than this.
/** @internal exported for its tests */
export const maxConfirmationEmails = 5;

export type SignPetitionOptions = {
  campaignSlug: string;
  input: unknown;
  locale: Locale;
  ipAddress?: string | null;
  source?: string | null;
  // The sign form's honeypot and signed render time; absent for callers that are not a form.
  formGuard?: { honeypot: unknown; token: unknown };
  // The proof of work the sign form's script computed (lib/abuse/proof-of-work.ts), if any.
  proof?: unknown;
  // Runs the e-mail of someone signing again once the answer has gone (Next.js's after()).
  afterResponse?: AfterResponse;
};

// The result is the same whether the address signed before or not: it must not reveal that.
export type SignPetitionResult = { campaignSlug: string };

type CampaignForSigning = { id: string; slug: string; titleEn: string; titleAr: string | null; rateLimits: RateLimits | null };

export async function signPetition(options: SignPetitionOptions): Promise<SignPetitionResult> {
  const parsed = signInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: fieldErrors(parsed.error) });

  const campaign = await signingCampaign(options.campaignSlug);
  if (!campaign || !isPublic(campaign)) throw new AppError("NOT_FOUND");
  if (!campaign.is_open) throw new AppError("CAMPAIGN_NOT_OPEN");

  // Bots are turned away without a word: they see the page a person sees, and nothing is kept.
  if (options.formGuard && checkFormGuard({ campaignSlug: campaign.slug, ...options.formGuard }) !== "ok") return { campaignSlug: campaign.slug };
  const ip = options.ipAddress ? normaliseIp(options.ipAddress) : null;
  const ipHash = hashIp(ip);
  const access = accessVerdict(campaign.rules, { ip, ipHash, email: parsed.data.email });
  if (access.blocked) return { campaignSlug: campaign.slug };
  if (!access.emailAllowed && isDisposableDomain(emailDomain(canonicalEmail(parsed.data.email)))) {
    throw new AppError("VALIDATION", { fields: { email: "emailDisposable" } });
  }

  // A coalition campaign is limited by its lead organisation's settings. A campaign under attack
  // (proofOfWork) lets no signature count for free: each needs a proof, or is held.
  const lead = campaign.owners.find((owner) => owner.lead) ?? campaign.owners[0];
  const limits = lead ? rateLimitsOf(lead) : defaultRateLimits;
  const rateLimits = access.ipAllowed ? null : campaign.proof_of_work ? { ...limits, burstLimit: 0 } : limits;
  const target: CampaignForSigning = { id: campaign.id, slug: campaign.slug, titleEn: campaign.title_en, titleAr: campaign.title_ar, rateLimits };
  const proved = options.proof != null && isValidProof({ campaignSlug: campaign.slug, email: parsed.data.email, nonce: options.proof });
  let first = await insertNewSignature(target, parsed.data, { ...options, ipHash, proved });
  // The same address signing for the first time twice at once: the second sees the first now.
  for (let retry = 0; first.outcome === "raced" && retry < 3; retry++) first = await insertNewSignature(target, parsed.data, { ...options, ipHash, proved, verdict: first.verdict });
  if (first.outcome === "closed" || first.outcome === "raced") throw new AppError("CAMPAIGN_NOT_OPEN");
  // Signed before, or two identical requests racing each other: the loser of the signature's
  // unique index lands here, so there is still one signature. The e-mail sent again is written
  // after the answer, so that signing again is answered after the very work a first signature is,
  // and its time does not tell that the address signed before. Nothing of the signer's is at stake:
  // their signature was already stored, and the e-mail, its token and its links are one
  // transaction, written whole or not at all.
  if (first.outcome === "signed-before") {
    const { supporterId } = first;
    await runAfterResponse(options.afterResponse, "[sign] could not send the confirmation again", async () => {
      await signedBefore(target, parsed.data, { ...options, supporterId });
      wakeOutbox();
    });
    return { campaignSlug: campaign.slug };
  }
  wakeOutbox();
  return { campaignSlug: campaign.slug };
}

function rateLimitsOf(owner: OwnerForSigning): RateLimits {
  const { burstLimit, burstWindowSeconds, sustainedLimit, sustainedWindowSeconds, ceilingLimit, ceilingWindowSeconds } = owner;
  return { burstLimit, burstWindowSeconds, sustainedLimit, sustainedWindowSeconds, ceilingLimit, ceilingWindowSeconds };
}

// First signatures, in one statement for any number of them: for each, the attempt against the
// rate limits, the supporter, the signature (HELD, with the verdict as its reason, when beyond the
// limits without a proof of work or beyond the ceiling: the signer gets the usual e-mail, and
// confirming records it for an organiser to release rather than counting it), the consents,
// the confirmation token, the links of the e-mail and the e-mail itself in the outbox. All of it
// or none of it; nothing is written but the attempt when the campaign has closed, or the supporter
// when they signed before. No two rows may share an address or an e-mail address (groupCommit
// keeps them apart), and rows are written in the order of their e-mail address in every statement,
// so two statements at once never wait on each other in opposite orders.
const newSignatureColumns = [
  ...signAttemptColumns,
  ["new_supporter_id", "text"],
  ["canonical_email", "text"],
  ["email", "text"],
  ["locale", "text"],
  ["signature_id", "text"],
  ["name", "text"],
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
  ["outbox_id", "text"],
  ["idempotency_key", "text"],
  ["template", "text"],
  ["payload", "text"],
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
    INSERT INTO supporters (id, canonical_email, email, locale, created_at)
    SELECT i.new_supporter_id, i.canonical_email, i.email, i.locale::"Locale", now() AT TIME ZONE 'UTC'
    FROM input i JOIN attempt_verdict v USING (n) JOIN open_campaign o ON o.id = i.campaign_id
    ORDER BY i.canonical_email
    ON CONFLICT (canonical_email) DO NOTHING
    RETURNING id, canonical_email
  ),
  supporter AS (
    SELECT i.n, coalesce(ns.id, s.id) AS id
    FROM input i JOIN open_campaign o ON o.id = i.campaign_id
    LEFT JOIN new_supporter ns ON ns.canonical_email = i.canonical_email
    LEFT JOIN supporters s ON s.canonical_email = i.canonical_email
  ),
  signature AS (
    INSERT INTO signatures (id, campaign_id, supporter_id, state, invalidation_reason, name, country, postcode, comment,
      show_publicly, locale, ip_hash, email_domain, source, confirmations_sent, created_at, updated_at)
    SELECT i.signature_id, i.campaign_id, supporter.id,
      CASE WHEN v.verdict IN ('no-proof', 'ceiling') THEN 'HELD' ELSE 'PENDING' END::"SignatureState",
      CASE WHEN v.verdict IN ('no-proof', 'ceiling') THEN v.verdict END,
      i.name, i.country, i.postcode, i.comment, i.show_publicly, i.locale::"Locale", i.ip_hash, i.email_domain, i.source, 1,
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM input i JOIN supporter USING (n) JOIN attempt_verdict v USING (n)
    WHERE supporter.id IS NOT NULL
    ORDER BY i.canonical_email
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
  outbox AS (
    INSERT INTO outbox_messages (id, idempotency_key, template, to_address, signature_id, locale, payload, created_at, next_attempt_at)
    SELECT signed.outbox_id, signed.idempotency_key, signed.template, signed.email, signed.signature_id, signed.locale::"Locale", signed.payload::jsonb,
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM signed
  )
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

type FirstSignature = { outcome: "signed" | "closed" } | { outcome: "raced"; verdict: AttemptVerdict } | { outcome: "signed-before"; supporterId: string };

async function insertNewSignature(
  campaign: CampaignForSigning,
  input: SignInput,
  // proved: a valid proof of work came with it; verdict: that of an earlier run of this same
  // request, whose attempt is recorded.
  options: SignPetitionOptions & { ipHash: string | null; proved: boolean; verdict?: AttemptVerdict },
): Promise<FirstSignature> {
  const canonical = canonicalEmail(input.email);
  const signatureId = randomUUID();
  const { token, tokenHash } = newConfirmationToken();
  const { links, unsubscribeHash, eraseHash } = newSupporterLinks(options.locale);
  const mail = outboxRow({
    template: "confirm-signature",
    to: input.email,
    locale: options.locale,
    idempotencyKey: confirmationMailKey(signatureId, 1),
    props: confirmationMailProps(campaign, { token, name: input.name, locale: options.locale, supporterLinks: links }),
  });
  const attempt = rateLimitParameters(campaign.id, options.ipHash, campaign.rateLimits, options.proved, options.verdict);
  const parameters = [
    ...attempt,
    randomUUID(),
    canonical,
    input.email,
    options.locale,
    signatureId,
    input.name,
    input.country,
    input.postcode ?? null,
    input.comment ?? null,
    input.showPublicly,
    options.ipHash,
    emailDomain(canonical),
    options.source ?? null,
    input.consent,
    tokenHash,
    unsubscribeHash,
    eraseHash,
    randomUUID(),
    mail.idempotencyKey,
    mail.template,
    JSON.stringify(mail.payload),
  ];
  const attemptKey = signAttemptKey(attempt);
  const keys = attemptKey ? [`email:${canonical}`, attemptKey] : [`email:${canonical}`];
  const row = await newSignatureQueue(database()).submit({ parameters, keys });
  if (!row.open) return { outcome: "closed" };
  if (row.signature_id) return { outcome: "signed" };
  if (!row.supporter_id) return { outcome: "raced", verdict: row.verdict };
  return { outcome: "signed-before", supporterId: row.supporter_id };
}

// Signed before: mail again (within the cap), in the language of this visit, in one statement:
// the count of e-mails, a new confirmation token (none once the signer has confirmed: that e-mail
// sends them to the campaign instead, and says a held signature waits for the organisers), the
// e-mail's own links and the e-mail itself, with the name the signature holds. An invalidated
// signature gets nothing; the page still reads the same.
const signedBeforeStatement = { name: "sign-again", text: `
  WITH bumped AS (
    UPDATE signatures s SET confirmations_sent = s.confirmations_sent + 1, updated_at = now() AT TIME ZONE 'UTC'
    WHERE s.campaign_id = $1::text AND s.supporter_id = $2::text AND s.state <> 'INVALIDATED' AND s.confirmations_sent < $3::int
    RETURNING s.id, s.state, s.name, s.confirmations_sent, (s.state = 'CONFIRMED' OR s.confirmed_at IS NOT NULL) AS confirmed
  ),
  confirmation AS (
    INSERT INTO confirmation_tokens (token_hash, signature_id, expires_at, created_at)
    SELECT $4::text, b.id, (now() AT TIME ZONE 'UTC') + $5::int * interval '1 hour', now() AT TIME ZONE 'UTC'
    FROM bumped b WHERE NOT b.confirmed
  ),
  links AS (
    INSERT INTO supporter_tokens (token_hash, supporter_id, purpose, created_at)
    SELECT link.token_hash, $2::text, link.purpose::"SupporterTokenPurpose", now() AT TIME ZONE 'UTC'
    FROM bumped, LATERAL (VALUES ($6::text, 'UNSUBSCRIBE'), ($7::text, 'ERASE')) AS link (token_hash, purpose)
  ),
  outbox AS (
    INSERT INTO outbox_messages (id, idempotency_key, template, to_address, signature_id, locale, payload, created_at, next_attempt_at)
    SELECT $8::text, 'confirm-signature:' || b.id || ':' || b.confirmations_sent, 'confirm-signature', $9::text, b.id, $10::"Locale",
      (CASE WHEN NOT b.confirmed THEN $11::jsonb WHEN b.state IN ('HELD', 'FRAUDULENT') THEN $13::jsonb ELSE $12::jsonb END) || jsonb_build_object('name', b.name),
      now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM bumped b
  )
  SELECT count(*)::int AS sent FROM bumped` };

async function signedBefore(campaign: CampaignForSigning, input: SignInput, options: SignPetitionOptions & { supporterId: string }): Promise<void> {
  const confirmation = newConfirmationToken();
  const { links, unsubscribeHash, eraseHash } = newSupporterLinks(options.locale);
  // Every form of the e-mail; the statement picks one by the signature's state.
  const mail = (token: string | null, held = false) =>
    JSON.stringify(confirmationMailProps(campaign, { token, name: input.name, locale: options.locale, supporterLinks: links, held }));
  await database().sql(signedBeforeStatement, [
    campaign.id,
    options.supporterId,
    maxConfirmationEmails,
    confirmation.tokenHash,
    env.CONFIRMATION_TTL_HOURS,
    unsubscribeHash,
    eraseHash,
    randomUUID(),
    input.email,
    options.locale,
    mail(confirmation.token),
    mail(null),
    mail(null, true),
  ]);
}

const confirmationMailKey = (signatureId: string, sequence: number) => `confirm-signature:${signatureId}:${sequence}`;

function confirmationMailProps(
  campaign: CampaignForSigning,
  options: { token: string | null; name: string; locale: Locale; supporterLinks: SupporterLinks; held?: boolean },
): TemplateProps["confirm-signature"] {
  const { locale } = options;
  const campaignUrl = publicUrl.campaign(locale, campaign.slug);
  return {
    locale,
    name: options.name,
    campaignTitle: (locale === "ar" ? campaign.titleAr : null) ?? campaign.titleEn,
    // Someone already counted is sent to the campaign instead of a confirmation link.
    confirmUrl: options.token ? publicUrl.confirm(locale, options.token) : campaignUrl,
    campaignUrl,
    alreadyConfirmed: options.token === null,
    ...(options.token === null && options.held ? { held: true } : {}),
    supporterLinks: options.supporterLinks,
  };
}
