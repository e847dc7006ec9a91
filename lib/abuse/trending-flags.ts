import { recordAudit, requireCampaignRole, roleAtLeast, type Actor } from "../auth/authorize";
import { addConfirmed } from "../campaigns/counters";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { TrendingKind } from "../generated/prisma/enums";
import { bulkTransactionOptions, lockCampaignModeration } from "../moderation/invalidate-signatures";
import { bulkActionCounts, type BulkActionCounts } from "../moderation/preview-bulk-action";

const hourMs = 3_600_000;

export type TrendingFlagView = {
  id: string;
  campaignId: string;
  campaignSlug: string;
  campaignTitle: { en: string; ar: string | null };
  kind: TrendingKind;
  value: string;
  hourStart: Date;
  confirmed: number;
};

// Open flags on the campaigns the actor may moderate (viewers cannot act on them), newest first.
export async function listOpenTrendingFlags(actor: Actor): Promise<TrendingFlagView[]> {
  const organisationIds = actor.memberships.filter((m) => roleAtLeast(m.role, "ORGANISER")).map((m) => m.organisationId);
  if (organisationIds.length === 0) return [];
  const flags = await db.trendingFlag.findMany({
    where: { resolvedAt: null, campaign: { owners: { some: { organisationId: { in: organisationIds } } } } },
    orderBy: [{ hourStart: "desc" }, { confirmed: "desc" }],
    take: 100,
    select: { id: true, campaignId: true, kind: true, value: true, hourStart: true, confirmed: true, campaign: { select: { slug: true, titleEn: true, titleAr: true } } },
  });
  return flags.map(({ campaign, ...flag }) => ({ ...flag, campaignSlug: campaign.slug, campaignTitle: { en: campaign.titleEn, ar: campaign.titleAr } }));
}

// The burst a flag stands for: signatures from that IP hash or e-mail domain signed or confirmed
// within the flagged hour. Not every signature ever from a popular domain, only that hour's.
function burstWhere(flag: { campaignId: string; kind: TrendingKind; value: string; hourStart: Date }): Prisma.SignatureWhereInput {
  const hour = { gte: flag.hourStart, lt: new Date(flag.hourStart.getTime() + hourMs) };
  return {
    campaignId: flag.campaignId,
    ...(flag.kind === "IP_HASH" ? { ipHash: flag.value } : { emailDomain: flag.value }),
    OR: [{ confirmedAt: hour }, { createdAt: hour }],
  };
}

async function flagFor(actor: Actor, flagId: string) {
  const flag = await db.trendingFlag.findUnique({ where: { id: flagId } });
  if (!flag) throw new AppError("NOT_FOUND");
  const access = await requireCampaignRole(actor, flag.campaignId, "ORGANISER");
  return { flag, access };
}

// What invalidating the burst would do, by state, as the bulk moderation previews it.
export async function previewTrendingBurst(options: { actor: Actor; flagId: string }): Promise<BulkActionCounts> {
  const { flag } = await flagFor(options.actor, options.flagId);
  const groups = await db.signature.groupBy({
    by: ["state"],
    where: { AND: [burstWhere(flag), { state: { in: ["CONFIRMED", "PENDING", "FRAUDULENT"] } }] },
    _count: { _all: true },
  });
  const count = (state: string) => groups.find((group) => group.state === state)?._count._all ?? 0;
  return bulkActionCounts("invalidate", { CONFIRMED: count("CONFIRMED"), PENDING: count("PENDING"), FRAUDULENT: count("FRAUDULENT") });
}

// Invalidates the burst and resolves the flag, in one transaction, the way the bulk moderation
// invalidates: the campaign's moderation lock, one statement per state, the count following the
// confirmed signatures moved, an audit entry. A restore from the signatures page undoes it.
export async function invalidateTrendingBurst(options: { actor: Actor; flagId: string }): Promise<BulkActionCounts> {
  const { flag, access } = await flagFor(options.actor, options.flagId);
  const where = burstWhere(flag);
  const reason = "abuse";
  return db.$transaction(async (tx) => {
    await lockCampaignModeration(tx, flag.campaignId);
    const data = { state: "INVALIDATED" as const, invalidatedAt: new Date(), invalidationReason: reason };
    const pending = await tx.signature.updateMany({ where: { AND: [where, { state: "PENDING" }] }, data });
    const fraudulent = await tx.signature.updateMany({ where: { AND: [where, { state: "FRAUDULENT" }] }, data });
    const confirmed = await tx.signature.updateMany({ where: { AND: [where, { state: "CONFIRMED" }] }, data });
    if (confirmed.count > 0) await addConfirmed(tx, flag.campaignId, -confirmed.count);
    await tx.trendingFlag.update({ where: { id: flag.id }, data: { resolvedAt: new Date() } });
    const result = bulkActionCounts("invalidate", { CONFIRMED: confirmed.count, PENDING: pending.count, FRAUDULENT: fraudulent.count });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "signatures.invalidate",
      campaignId: flag.campaignId,
      affected: result.total,
      details: {
        selector: { [flag.kind === "IP_HASH" ? "ipHash" : "emailDomain"]: flag.value, hourStart: flag.hourStart.toISOString() },
        reason,
        trendingFlag: flag.id,
        byState: result.byState,
        countChange: result.countChange,
      },
    });
    return result;
  }, bulkTransactionOptions);
}

// A flag the organisers looked at and judged genuine (a school signing together, say).
export async function dismissTrendingFlag(options: { actor: Actor; flagId: string }): Promise<void> {
  const { flag, access } = await flagFor(options.actor, options.flagId);
  await db.$transaction(async (tx) => {
    await tx.trendingFlag.update({ where: { id: flag.id }, data: { resolvedAt: new Date() } });
    await recordAudit(tx, { organisationId: access.organisationId, actor: options.actor, action: "trending.dismiss", campaignId: flag.campaignId, details: { trendingFlag: flag.id, kind: flag.kind } });
  });
}

// What the review page shows: the flag, its campaign, and what invalidating its burst would do.
export async function reviewTrendingFlag(options: { actor: Actor; flagId: string }) {
  const preview = await previewTrendingBurst(options);
  const flag = await db.trendingFlag.findUniqueOrThrow({
    where: { id: options.flagId },
    select: { id: true, kind: true, value: true, hourStart: true, confirmed: true, resolvedAt: true, campaign: { select: { id: true, titleEn: true, titleAr: true } } },
  });
  return { flag, preview };
}
