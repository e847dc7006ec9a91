import { accessVerdict, rulesForOrganisations } from "../abuse/access-rules";
import { normaliseIp } from "../abuse/client-ip";
import { isDisposableDomain } from "../abuse/disposable-domains";
import { checkFormGuard } from "../abuse/form-guard";
import { defaultRateLimits, recordSignAttempt, type RateLimits } from "../abuse/rate-limit";
import { isCampaignOpen } from "../campaigns/get-campaign";
import { db, type Tx } from "../db";
import { env } from "../env";
import { AppError, isUniqueViolation } from "../errors";
import type { Locale } from "../i18n/locales";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import { issueSupporterLinks } from "../privacy/supporter-links";
import { hashIp } from "../secrets";
import { canonicalEmail, emailDomain } from "./canonical-email";
import { fieldErrors, signInputSchema, type SignInput } from "./schema";
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

  const campaign = await db.campaign.findUnique({
    where: { slug: options.campaignSlug },
    select: {
      id: true,
      slug: true,
      status: true,
      opensAt: true,
      closesAt: true,
      titleEn: true,
      titleAr: true,
      owners: { select: { organisationId: true, lead: true, organisation: { select: rateLimitColumns } } },
    },
  });
  if (!campaign || campaign.status === "DRAFT") throw new AppError("NOT_FOUND");
  if (!isCampaignOpen(campaign)) throw new AppError("CAMPAIGN_NOT_OPEN");

  // Bots are turned away without a word: they see the page a person sees, and nothing is kept.
  if (options.formGuard && checkFormGuard({ campaignSlug: campaign.slug, ...options.formGuard }) !== "ok") return { campaignSlug: campaign.slug };
  const ownerIds = campaign.owners.map((owner) => owner.organisationId);
  const ip = options.ipAddress ? normaliseIp(options.ipAddress) : null;
  const access = accessVerdict(await rulesForOrganisations(ownerIds), { ip, email: parsed.data.email });
  if (access.blocked) return { campaignSlug: campaign.slug };
  if (!access.emailAllowed && isDisposableDomain(emailDomain(canonicalEmail(parsed.data.email)))) {
    throw new AppError("VALIDATION", { fields: { email: "emailDisposable" } });
  }

  // A coalition campaign is limited by its lead organisation's settings.
  const lead = campaign.owners.find((owner) => owner.lead) ?? campaign.owners[0];
  const rateLimits = access.ipAllowed ? null : lead ? rateLimitsOf(lead.organisation) : defaultRateLimits;
  const target: CampaignForSigning = { ...campaign, ownerIds, rateLimits };
  const ipHash = hashIp(ip);
  // Two identical requests racing each other: the loser of the unique index retries and takes
  // the "signed before" path, so there is still one signature.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction((tx) => recordSignature(tx, target, parsed.data, { ...options, ipHash }));
      break;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
  wakeOutbox();
  return { campaignSlug: campaign.slug };
}

const rateLimitColumns = { rateBurstLimit: true, rateBurstWindowSeconds: true, rateSustainedLimit: true, rateSustainedWindowSeconds: true } as const;

function rateLimitsOf(organisation: { rateBurstLimit: number; rateBurstWindowSeconds: number; rateSustainedLimit: number; rateSustainedWindowSeconds: number }): RateLimits {
  return {
    burstLimit: organisation.rateBurstLimit,
    burstWindowSeconds: organisation.rateBurstWindowSeconds,
    sustainedLimit: organisation.rateSustainedLimit,
    sustainedWindowSeconds: organisation.rateSustainedWindowSeconds,
  };
}

async function recordSignature(
  tx: Tx,
  campaign: CampaignForSigning,
  input: SignInput,
  options: SignPetitionOptions & { ipHash: string | null },
): Promise<void> {
  // Every attempt counts towards the limits, whatever becomes of it.
  const limited =
    options.ipHash && campaign.rateLimits
      ? (await recordSignAttempt(tx, { campaignId: campaign.id, ipHash: options.ipHash, limits: campaign.rateLimits })).overLimit
      : false;
  const canonical = canonicalEmail(input.email);
  const supporter = await tx.supporter.upsert({
    where: { canonicalEmail: canonical },
    create: { canonicalEmail: canonical, email: input.email, locale: options.locale },
    update: {},
    select: { id: true },
  });
  const existing = await tx.signature.findUnique({
    where: { campaignId_supporterId: { campaignId: campaign.id, supporterId: supporter.id } },
    select: { id: true, state: true, name: true, locale: true },
  });

  if (!existing) {
    // Over the limit, the signer is treated exactly as any other (same page, same e-mail), but the
    // signature is held as fraudulent: confirming it does not count it.
    const signature = await tx.signature.create({
      data: {
        ...(limited ? { state: "FRAUDULENT" as const, invalidationReason: "rate-limit" } : {}),
        campaignId: campaign.id,
        supporterId: supporter.id,
        name: input.name,
        country: input.country,
        postcode: input.postcode,
        comment: input.comment,
        showPublicly: input.showPublicly,
        locale: options.locale,
        ipHash: options.ipHash,
        emailDomain: emailDomain(canonical),
        source: options.source ?? null,
        confirmationsSent: 1,
        consents: input.consent ? { create: campaign.ownerIds.map((organisationId) => ({ organisationId })) } : undefined,
      },
      select: { id: true },
    });
    await queueConfirmationEmail(tx, { campaign, supporterId: supporter.id, signatureId: signature.id, sequence: 1, to: input.email, name: input.name, locale: options.locale, alreadyConfirmed: false });
    return;
  }

  // Signed before: mail again (within the cap), in the language of this visit. An invalidated
  // signature gets nothing; the page still reads the same.
  if (existing.state === "INVALIDATED") return;
  const bumped = await tx.signature.updateManyAndReturn({
    where: { id: existing.id, confirmationsSent: { lt: maxConfirmationEmails } },
    data: { confirmationsSent: { increment: 1 } },
    select: { confirmationsSent: true },
  });
  const sequence = bumped[0]?.confirmationsSent;
  if (sequence === undefined) return;
  await queueConfirmationEmail(tx, {
    campaign,
    supporterId: supporter.id,
    signatureId: existing.id,
    sequence,
    to: input.email,
    name: existing.name,
    locale: options.locale,
    alreadyConfirmed: existing.state === "CONFIRMED",
  });
}

async function queueConfirmationEmail(
  tx: Tx,
  options: { campaign: CampaignForSigning; supporterId: string; signatureId: string; sequence: number; to: string; name: string; locale: Locale; alreadyConfirmed: boolean },
): Promise<void> {
  const { campaign, locale } = options;
  const campaignUrl = `${env.APP_URL}/${locale}/campaigns/${campaign.slug}`;
  let confirmUrl = campaignUrl;
  if (!options.alreadyConfirmed) {
    const { token, tokenHash } = newConfirmationToken();
    await tx.confirmationToken.create({
      data: { tokenHash, signatureId: options.signatureId, expiresAt: new Date(Date.now() + env.CONFIRMATION_TTL_HOURS * 3_600_000) },
    });
    confirmUrl = `${env.APP_URL}/${locale}/confirm/${token}`;
  }
  await sendEmail(tx, {
    template: "confirm-signature",
    to: options.to,
    locale,
    idempotencyKey: `confirm-signature:${options.signatureId}:${options.sequence}`,
    props: {
      locale,
      name: options.name,
      campaignTitle: (locale === "ar" ? campaign.titleAr : null) ?? campaign.titleEn,
      confirmUrl,
      campaignUrl,
      alreadyConfirmed: options.alreadyConfirmed,
      supporterLinks: await issueSupporterLinks(tx, { supporterId: options.supporterId, locale }),
    },
  });
}
