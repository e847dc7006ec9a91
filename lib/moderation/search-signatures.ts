import { requireCampaignRole, roleAtLeast, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { consentedWhere } from "../exports/consent";
import type { MemberRole, SignatureState } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { openSignatures, openSupporterEmails } from "../sealing/signer-data";
import { maskEmail } from "./mask-email";
import { filtersWhere } from "./match-signatures";
import { moderationFieldErrors, paginationSchema, searchFiltersSchema, type SearchFiltersInput } from "./schema";

// Enough of the hash to tell addresses apart on screen; filters and bulk actions accept it as a prefix.
const shownIpHashLength = 10;

export type SignatureRow = {
  id: string;
  name: string;
  // The full address where the CSV export would give it to this organiser or owner (the signer
  // agreed to hear from their organisation); otherwise, and always for viewers, masked.
  email: string;
  country: string;
  state: SignatureState;
  createdAt: Date;
  confirmedAt: Date | null;
  invalidatedAt: Date | null;
  invalidationReason: string | null;
  ipHash: string | null;
  emailDomain: string;
};

export type SearchSignaturesResult = {
  campaign: { id: string; slug: string; title: Translations; primaryLocale: Locale };
  rows: SignatureRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  // The actor's role on this campaign, so a page shows moderation controls only to those who may use them.
  role: MemberRole;
};

export type SearchSignaturesOptions = {
  actor: Actor;
  campaignId: string;
  filters: SearchFiltersInput | Record<string, unknown>;
  page?: number | string;
  pageSize?: number | string;
};

// Moderation search over one campaign's signatures, newest first. Everyone in an owning
// organisation may search. Organisers and owners see an address as the export gives it: whole for
// signers who agreed to hear from their organisation, masked for the others; an address typed as
// the text finds only addresses shown whole. The exact-address filter still finds its row, masked:
// whoever types it knows it already, and a signer asking to be withdrawn must be found by it.
export async function searchSignatures(options: SearchSignaturesOptions): Promise<SearchSignaturesResult> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const parsed = searchFiltersSchema.safeParse(options.filters);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: moderationFieldErrors(parsed.error) });
  const seesEmails = roleAtLeast(access.role, "ORGANISER");
  if (parsed.data.email && !seesEmails) throw new AppError("VALIDATION", { fields: { email: "emailNotAllowed" } });
  const { page, pageSize } = paginationSchema.parse({ page: options.page, pageSize: options.pageSize });

  const emailsShown = seesEmails ? consentedWhere(access.organisationId) : null;
  const where = filtersWhere(options.campaignId, parsed.data, { emailsShown });
  const [campaign, total, signatures] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: options.campaignId }, select: { id: true, slug: true, title: true, primaryLocale: true } }),
    db.signature.count({ where }),
    db.signature.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        name: true,
        country: true,
        state: true,
        createdAt: true,
        confirmedAt: true,
        invalidatedAt: true,
        invalidationReason: true,
        ipHash: true,
        emailDomain: true,
        supporter: { select: { email: true, emailHash: true } },
      },
    }),
  ]);
  const [opened, supporters] = await Promise.all([openSignatures(signatures), openSupporterEmails(signatures.flatMap((s) => (s.supporter ? [s.supporter] : [])))]);
  const emails = new Map(supporters.map((supporter) => [supporter.emailHash, supporter.email]));
  const shown = emailsShown
    ? new Set((await db.signature.findMany({ where: { AND: [{ id: { in: signatures.map((s) => s.id) } }, emailsShown] }, select: { id: true } })).map((s) => s.id))
    : new Set<string>();

  return {
    campaign: { id: campaign.id, slug: campaign.slug, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale },
    rows: opened.map(({ supporter, ipHash, ...signature }) => ({
      ...signature,
      email: emailShown(supporter && emails.get(supporter.emailHash), shown.has(signature.id)),
      ipHash: ipHash ? ipHash.slice(0, shownIpHashLength) : null,
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    role: access.role,
  };
}

// Whole or masked; nothing for an anonymised signature (no supporter) or an address whose key is gone.
function emailShown(email: string | null | undefined, whole: boolean): string {
  if (!email) return "";
  return whole ? email : maskEmail(email);
}
