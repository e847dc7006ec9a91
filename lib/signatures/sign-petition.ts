import { randomUUID } from "node:crypto";
import { accessVerdict } from "../abuse/access-rules";
import { normaliseIp } from "../abuse/client-ip";
import { isDisposableDomain } from "../abuse/disposable-domains";
import { checkFormGuard } from "../abuse/form-guard";
import { defaultRateLimits, rateLimitParameters, signAttemptCtes, type RateLimits } from "../abuse/rate-limit";
import { database, db, type Tx } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { outboxRow, sendEmail, wakeOutbox } from "../mail/send-email";
import type { TemplateProps } from "../mail/templates";
import { issueSupporterLinks, newSupporterLinks, type SupporterLinks } from "../privacy/supporter-links";
import { hashIp } from "../secrets";
import { canonicalEmail, emailDomain } from "./canonical-email";
import { fieldErrors, signInputSchema, type SignInput } from "./schema";
import { campaignIsOpenSql, signingCampaign, type OwnerForSigning } from "./signing-campaign";
import { newConfirmationToken } from "./tokens";

// A signer may ask for the confirmation e-mail again, but an address is never mailed more than this.
export const maxConfirmationEmails = 5;

export type SignPetitionOptions = {
  campaignSlug: string;
  input: unknown;
  locale: Locale;
  ipAddress?: string | null;
  source?: string | null;
  // The sign form's honeypot and signed render time; absent for callers that are not a form.
  formGuard?: { honeypot: unknown; token: unknown };
};

// The result is the same whether the address signed before or not: it must not reveal that.
export type SignPetitionResult = { campaignSlug: string };

type CampaignForSigning = { id: string; slug: string; titleEn: string; titleAr: string | null; ownerIds: string[]; rateLimits: RateLimits | null };

export async function signPetition(options: SignPetitionOptions): Promise<SignPetitionResult> {
  const parsed = signInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: fieldErrors(parsed.error) });

  const campaign = await signingCampaign(options.campaignSlug);
  if (!campaign || campaign.status === "DRAFT") throw new AppError("NOT_FOUND");
  if (!campaign.is_open) throw new AppError("CAMPAIGN_NOT_OPEN");

  // Bots are turned away without a word: they see the page a person sees, and nothing is kept.
  if (options.formGuard && checkFormGuard({ campaignSlug: campaign.slug, ...options.formGuard }) !== "ok") return { campaignSlug: campaign.slug };
  const ownerIds = campaign.owners.map((owner) => owner.organisationId);
  const ip = options.ipAddress ? normaliseIp(options.ipAddress) : null;
  const access = accessVerdict(campaign.rules, { ip, email: parsed.data.email });
  if (access.blocked) return { campaignSlug: campaign.slug };
  if (!access.emailAllowed && isDisposableDomain(emailDomain(canonicalEmail(parsed.data.email)))) {
    throw new AppError("VALIDATION", { fields: { email: "emailDisposable" } });
  }

  // A coalition campaign is limited by its lead organisation's settings.
  const lead = campaign.owners.find((owner) => owner.lead) ?? campaign.owners[0];
  const rateLimits = access.ipAllowed ? null : lead ? rateLimitsOf(lead) : defaultRateLimits;
  const target: CampaignForSigning = { id: campaign.id, slug: campaign.slug, titleEn: campaign.title_en, titleAr: campaign.title_ar, ownerIds, rateLimits };
  const ipHash = hashIp(ip);
  let first = await insertNewSignature(target, parsed.data, { ...options, ipHash });
  // The same address signing for the first time twice at once: the second sees the first now.
  for (let retry = 0; first.outcome === "raced" && retry < 3; retry++) first = await insertNewSignature(target, parsed.data, { ...options, ipHash, overLimit: first.overLimit });
  if (first.outcome === "closed" || first.outcome === "raced") throw new AppError("CAMPAIGN_NOT_OPEN");
  // Signed before, or two identical requests racing each other: the loser of the signature's
  // unique index lands here, so there is still one signature.
  if (first.outcome === "signed-before") {
    const { supporterId } = first;
    await db.$transaction((tx) => signedBefore(tx, target, parsed.data, { ...options, supporterId }));
  }
  wakeOutbox();
  return { campaignSlug: campaign.slug };
}

function rateLimitsOf(owner: OwnerForSigning): RateLimits {
  return { burstLimit: owner.burstLimit, burstWindowSeconds: owner.burstWindowSeconds, sustainedLimit: owner.sustainedLimit, sustainedWindowSeconds: owner.sustainedWindowSeconds };
}

// A first signature, in one statement: the attempt against the rate limits, the supporter, the
// signature (held as fraudulent when over the limits: the signer sees and gets exactly what anyone
// else does, but confirming does not count it), the consents, the confirmation token, the links
// of the e-mail and the e-mail itself in the outbox. All of it or none of it; nothing is written
// but the attempt when the campaign has closed, or the supporter when they signed before.
const newSignatureStatement = { name: "sign-new-signature", text: `
  WITH ${signAttemptCtes(1)},
  open_campaign AS (SELECT c.id FROM campaigns c WHERE c.id = $1 AND ${campaignIsOpenSql("c")}),
  -- A new supporter, or the one already there. Nothing locks an existing supporter's row; one
  -- inserted by another signing that committed while this statement ran is not seen by it (the
  -- statement's snapshot is older), so supporter_id is then null and the caller runs it again.
  new_supporter AS (
    INSERT INTO supporters (id, canonical_email, email, locale, created_at)
    SELECT $9, $10, $11, $12::"Locale", now() AT TIME ZONE 'UTC' FROM open_campaign
    -- The address's attempt row is locked first, in every statement alike, so two signings at
    -- once never wait on each other in opposite orders.
    WHERE (SELECT over_limit FROM attempt_verdict) IS NOT NULL
    ON CONFLICT (canonical_email) DO NOTHING
    RETURNING id
  ),
  supporter AS (
    SELECT id FROM new_supporter
    UNION ALL
    SELECT id FROM supporters WHERE canonical_email = $10 AND EXISTS (SELECT 1 FROM open_campaign)
  ),
  signature AS (
    INSERT INTO signatures (id, campaign_id, supporter_id, state, invalidation_reason, name, country, postcode, comment,
      show_publicly, locale, ip_hash, email_domain, source, confirmations_sent, created_at, updated_at)
    SELECT $13, $1, supporter.id,
      CASE WHEN verdict.over_limit THEN 'FRAUDULENT' ELSE 'PENDING' END::"SignatureState",
      CASE WHEN verdict.over_limit THEN 'rate-limit' END,
      $14, $15, $16, $17, $18, $12::"Locale", $19, $20, $21, 1, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM supporter, attempt_verdict verdict
    ON CONFLICT (campaign_id, supporter_id) DO NOTHING
    RETURNING id
  ),
  consents AS (
    INSERT INTO signature_consents (signature_id, organisation_id, created_at)
    SELECT signature.id, organisation_id, now() AT TIME ZONE 'UTC' FROM signature, unnest($22::text[]) AS organisation_id
  ),
  confirmation AS (
    INSERT INTO confirmation_tokens (token_hash, signature_id, expires_at, created_at)
    SELECT $23, signature.id, (now() AT TIME ZONE 'UTC') + $24::int * interval '1 hour', now() AT TIME ZONE 'UTC' FROM signature
  ),
  links AS (
    INSERT INTO supporter_tokens (token_hash, supporter_id, purpose, created_at)
    SELECT link.token_hash, supporter.id, link.purpose::"SupporterTokenPurpose", now() AT TIME ZONE 'UTC'
    FROM signature, supporter, (VALUES ($25::text, 'UNSUBSCRIBE'), ($26::text, 'ERASE')) AS link (token_hash, purpose)
  ),
  outbox AS (
    INSERT INTO outbox_messages (id, idempotency_key, template, to_address, locale, payload, created_at, next_attempt_at)
    SELECT $27, $28, $29, $11, $12::"Locale", $30::jsonb, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' FROM signature
  )
  SELECT EXISTS (SELECT 1 FROM open_campaign) AS open, (SELECT id FROM supporter) AS supporter_id, (SELECT id FROM signature) AS signature_id,
    (SELECT over_limit FROM attempt_verdict) AS over_limit` };

type FirstSignature = { outcome: "signed" | "closed" } | { outcome: "raced"; overLimit: boolean } | { outcome: "signed-before"; supporterId: string };

async function insertNewSignature(
  campaign: CampaignForSigning,
  input: SignInput,
  // overLimit: the verdict of an earlier run of this same request, whose attempt is recorded.
  options: SignPetitionOptions & { ipHash: string | null; overLimit?: boolean },
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
  const [row] = await database().sql<{ open: boolean; supporter_id: string | null; signature_id: string | null; over_limit: boolean }>(newSignatureStatement, [
    ...rateLimitParameters(campaign.id, options.ipHash, campaign.rateLimits, options.overLimit),
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
    input.consent ? campaign.ownerIds : [],
    tokenHash,
    env.CONFIRMATION_TTL_HOURS,
    unsubscribeHash,
    eraseHash,
    randomUUID(),
    mail.idempotencyKey,
    mail.template,
    JSON.stringify(mail.payload),
  ]);
  if (!row?.open) return { outcome: "closed" };
  if (row.signature_id) return { outcome: "signed" };
  if (!row.supporter_id) return { outcome: "raced", overLimit: row.over_limit };
  return { outcome: "signed-before", supporterId: row.supporter_id };
}

// Signed before: mail again (within the cap), in the language of this visit. An invalidated
// signature gets nothing; the page still reads the same.
async function signedBefore(tx: Tx, campaign: CampaignForSigning, input: SignInput, options: SignPetitionOptions & { supporterId: string }): Promise<void> {
  const existing = await tx.signature.findUnique({
    where: { campaignId_supporterId: { campaignId: campaign.id, supporterId: options.supporterId } },
    select: { id: true, state: true, name: true },
  });
  if (!existing || existing.state === "INVALIDATED") return;
  const bumped = await tx.signature.updateManyAndReturn({
    where: { id: existing.id, confirmationsSent: { lt: maxConfirmationEmails } },
    data: { confirmationsSent: { increment: 1 } },
    select: { confirmationsSent: true },
  });
  const sequence = bumped[0]?.confirmationsSent;
  if (sequence === undefined) return;
  await queueConfirmationEmail(tx, {
    campaign,
    supporterId: options.supporterId,
    signatureId: existing.id,
    sequence,
    to: input.email,
    name: existing.name,
    locale: options.locale,
    alreadyConfirmed: existing.state === "CONFIRMED",
  });
}

const confirmationMailKey = (signatureId: string, sequence: number) => `confirm-signature:${signatureId}:${sequence}`;

function confirmationMailProps(
  campaign: CampaignForSigning,
  options: { token: string | null; name: string; locale: Locale; supporterLinks: SupporterLinks },
): TemplateProps["confirm-signature"] {
  const { locale } = options;
  const campaignUrl = `${env.APP_URL}/${locale}/campaigns/${campaign.slug}`;
  return {
    locale,
    name: options.name,
    campaignTitle: (locale === "ar" ? campaign.titleAr : null) ?? campaign.titleEn,
    // Someone already counted is sent to the campaign instead of a confirmation link.
    confirmUrl: options.token ? `${env.APP_URL}/${locale}/confirm/${options.token}` : campaignUrl,
    campaignUrl,
    alreadyConfirmed: options.token === null,
    supporterLinks: options.supporterLinks,
  };
}

async function queueConfirmationEmail(
  tx: Tx,
  options: { campaign: CampaignForSigning; supporterId: string; signatureId: string; sequence: number; to: string; name: string; locale: Locale; alreadyConfirmed: boolean },
): Promise<void> {
  let token: string | null = null;
  if (!options.alreadyConfirmed) {
    const issued = newConfirmationToken();
    await tx.confirmationToken.create({
      data: { tokenHash: issued.tokenHash, signatureId: options.signatureId, expiresAt: new Date(Date.now() + env.CONFIRMATION_TTL_HOURS * 3_600_000) },
    });
    token = issued.token;
  }
  const supporterLinks = await issueSupporterLinks(tx, { supporterId: options.supporterId, locale: options.locale });
  await sendEmail(tx, {
    template: "confirm-signature",
    to: options.to,
    locale: options.locale,
    idempotencyKey: confirmationMailKey(options.signatureId, options.sequence),
    props: confirmationMailProps(options.campaign, { token, name: options.name, locale: options.locale, supporterLinks }),
  });
}
