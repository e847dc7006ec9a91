import { requireCampaignRole, roleAtLeast, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { MemberRole, SignatureState } from "../generated/prisma/enums";
import { maskEmail } from "./mask-email";
import { filtersWhere } from "./match-signatures";
import { moderationFieldErrors, paginationSchema, searchFiltersSchema, type SearchFiltersInput } from "./schema";

// Enough of the hash to tell addresses apart on screen; filters and bulk actions accept it as a prefix.
export const shownIpHashLength = 10;

export type SignatureRow = {
  id: string;
  name: string;
  // The full address for organisers and owners; masked for viewers.
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
  campaign: { id: string; slug: string; title: { en: string; ar: string | null } };
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
// organisation may search; only organisers and owners see whole e-mail addresses or search by them.
export async function searchSignatures(options: SearchSignaturesOptions): Promise<SearchSignaturesResult> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const parsed = searchFiltersSchema.safeParse(options.filters);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: moderationFieldErrors(parsed.error) });
  const seesEmails = roleAtLeast(access.role, "ORGANISER");
  if (parsed.data.email && !seesEmails) throw new AppError("VALIDATION", { fields: { email: "emailNotAllowed" } });
  const { page, pageSize } = paginationSchema.parse({ page: options.page, pageSize: options.pageSize });

  const where = filtersWhere(options.campaignId, parsed.data, { searchEmails: seesEmails });
  const [campaign, total, signatures] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: options.campaignId }, select: { id: true, slug: true, titleEn: true, titleAr: true } }),
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
        supporter: { select: { email: true } },
      },
    }),
  ]);

  return {
    campaign: { id: campaign.id, slug: campaign.slug, title: { en: campaign.titleEn, ar: campaign.titleAr } },
    rows: signatures.map(({ supporter, ipHash, ...signature }) => ({
      ...signature,
      // An anonymised signature has no supporter left: nothing to show.
      email: !supporter ? "" : seesEmails ? supporter.email : maskEmail(supporter.email),
      ipHash: ipHash ? ipHash.slice(0, shownIpHashLength) : null,
    })),
    total,
    page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    role: access.role,
  };
}
