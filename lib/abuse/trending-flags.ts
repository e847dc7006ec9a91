import { recordAudit, requireCampaignRole, roleAtLeast, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { TrendingKind } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { bulkTransactionOptions, lockCampaignModeration, takeOut } from "../moderation/invalidate-signatures";
import { previewInvalidate, previewRestore, type BulkActionCounts } from "../moderation/preview-bulk-action";
import { countBack } from "../moderation/restore-signatures";
import { heldStates } from "../moderation/signature-states";
import { forgetSigningCampaigns } from "../signatures/signing-campaign";

const hourMs = 3_600_000;

export type TrendingFlagView = {
  id: string;
  campaignId: string;
  campaignSlug: string;
  campaignTitle: Translations;
  campaignPrimaryLocale: Locale;
  kind: TrendingKind;
  value: string;
  hourStart: Date;
  confirmed: number;
  held: number;
};

// Open flags on the campaigns the actor may moderate (viewers cannot act on them), newest first.
export async function listOpenTrendingFlags(actor: Actor): Promise<TrendingFlagView[]> {
  const organisationIds = actor.memberships.filter((m) => roleAtLeast(m.role, "ORGANISER")).map((m) => m.organisationId);
  if (organisationIds.length === 0) return [];
  const flags = await db.trendingFlag.findMany({
    where: { resolvedAt: null, campaign: { owners: { some: { organisationId: { in: organisationIds } } } } },
    orderBy: [{ hourStart: "desc" }, { confirmed: "desc" }],
    take: 100,
    select: { id: true, campaignId: true, kind: true, value: true, hourStart: true, confirmed: true, held: true, campaign: { select: { slug: true, title: true, primaryLocale: true } } },
  });
  return flags.map(({ campaign, ...flag }) => ({
    ...flag,
    campaignSlug: campaign.slug,
    campaignTitle: readTranslations(campaign.title),
    campaignPrimaryLocale: campaign.primaryLocale,
  }));
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

// How the audit log names a burst.
function burstSelector(flag: { id: string; kind: TrendingKind; value: string; hourStart: Date }) {
  return { [flag.kind === "IP_HASH" ? "ipHash" : "emailDomain"]: flag.value, hourStart: flag.hourStart.toISOString() };
}

// What invalidating the burst would do, by state, as the bulk moderation previews it.
/** @internal exported for its tests */
export async function previewTrendingBurst(options: { actor: Actor; flagId: string }): Promise<BulkActionCounts> {
  const { flag } = await flagFor(options.actor, options.flagId);
  return previewInvalidate(burstWhere(flag));
}

// What releasing the burst's held signatures would do: counted (their signers confirmed) or pending.
async function previewHeldRelease(options: { actor: Actor; flagId: string }): Promise<BulkActionCounts> {
  const { flag } = await flagFor(options.actor, options.flagId);
  return previewRestore(burstWhere(flag), heldStates);
}

// Invalidates the burst and resolves the flag, in one transaction, the way the bulk moderation
// invalidates: the campaign's moderation lock, one statement per state, the count following the
// confirmed signatures moved, an audit entry. A restore from the signatures page undoes it.
export async function invalidateTrendingBurst(options: { actor: Actor; flagId: string }): Promise<BulkActionCounts> {
  const { flag, access } = await flagFor(options.actor, options.flagId);
  const reason = "abuse";
  return db.$transaction(async (tx) => {
    await lockCampaignModeration(tx, flag.campaignId);
    const result = await takeOut(tx, flag.campaignId, burstWhere(flag), reason);
    await tx.trendingFlag.update({ where: { id: flag.id }, data: { resolvedAt: new Date() } });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "signatures.invalidate",
      campaignId: flag.campaignId,
      affected: result.total,
      details: { selector: burstSelector(flag), reason, trendingFlag: flag.id, byState: result.byState, countChange: result.countChange },
    });
    return result;
  }, bulkTransactionOptions);
}

// Releases the burst's held signatures (a camp's or an office's people, judged genuine): those whose
// signers confirmed count at once, the others once they confirm. The flag is resolved; the count
// moves and the audit entry is written in the same transaction. With `allowConnection` (an IP-hash
// flag only), the organisation also allows that connection from now on: an ALLOW rule on its hash,
// so its signers are no longer limited on the organisation's campaigns.
export async function releaseHeldBurst(options: { actor: Actor; flagId: string; allowConnection?: boolean }): Promise<BulkActionCounts & { allowed: boolean }> {
  const { flag, access } = await flagFor(options.actor, options.flagId);
  const allow = options.allowConnection === true;
  if (allow && flag.kind !== "IP_HASH") throw new AppError("VALIDATION", { fields: { flag: "notAConnection" } });
  const outcome = await db.$transaction(async (tx) => {
    await lockCampaignModeration(tx, flag.campaignId);
    const result = await countBack(tx, flag.campaignId, burstWhere(flag), heldStates);
    await tx.trendingFlag.update({ where: { id: flag.id }, data: { resolvedAt: new Date() } });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "signatures.release",
      campaignId: flag.campaignId,
      affected: result.total,
      details: { selector: burstSelector(flag), trendingFlag: flag.id, byState: result.byState, countChange: result.countChange },
    });
    let allowed = false;
    if (allow) {
      // Already allowed (by this organisation) is fine: nothing to add.
      const rule = { organisationId: access.organisationId, kind: "IP_HASH" as const, effect: "ALLOW" as const, pattern: flag.value };
      const added = await tx.accessRule.createMany({ data: [{ ...rule, note: `Trending flag ${flag.id}` }], skipDuplicates: true });
      allowed = true;
      if (added.count > 0) {
        await recordAudit(tx, {
          organisationId: access.organisationId,
          actor: options.actor,
          action: "access-rule.add",
          campaignId: flag.campaignId,
          details: { kind: rule.kind, effect: rule.effect, pattern: rule.pattern, trendingFlag: flag.id },
        });
      }
    }
    return { ...result, allowed };
  }, bulkTransactionOptions);
  if (outcome.allowed) forgetSigningCampaigns();
  return outcome;
}

// A flag the organisers looked at and judged genuine (a school signing together, say).
export async function dismissTrendingFlag(options: { actor: Actor; flagId: string }): Promise<void> {
  const { flag, access } = await flagFor(options.actor, options.flagId);
  await db.$transaction(async (tx) => {
    await tx.trendingFlag.update({ where: { id: flag.id }, data: { resolvedAt: new Date() } });
    await recordAudit(tx, { organisationId: access.organisationId, actor: options.actor, action: "trending.dismiss", campaignId: flag.campaignId, details: { trendingFlag: flag.id, kind: flag.kind } });
  });
}

// What the review page shows: the flag, its campaign, what invalidating its burst would do, what
// releasing its held signatures would do, the reasons they are held, and whether the connection
// is already allowed by one of the campaign's organisations.
export async function reviewTrendingFlag(options: { actor: Actor; flagId: string }) {
  const [preview, release] = await Promise.all([previewTrendingBurst(options), previewHeldRelease(options)]);
  const flag = await db.trendingFlag.findUniqueOrThrow({
    where: { id: options.flagId },
    select: {
      id: true,
      kind: true,
      value: true,
      hourStart: true,
      confirmed: true,
      held: true,
      resolvedAt: true,
      campaign: { select: { id: true, title: true, primaryLocale: true, owners: { select: { organisationId: true } } } },
    },
  });
  const [reasons, allowRule] = await Promise.all([
    db.signature.groupBy({ by: ["invalidationReason"], where: { AND: [burstWhere({ ...flag, campaignId: flag.campaign.id }), { state: { in: [...heldStates] } }] }, _count: { _all: true } }),
    flag.kind === "IP_HASH"
      ? db.accessRule.findFirst({ where: { kind: "IP_HASH", effect: "ALLOW", pattern: flag.value, OR: [{ organisationId: null }, { organisationId: { in: flag.campaign.owners.map((owner) => owner.organisationId) } }] }, select: { id: true } })
      : Promise.resolve(null),
  ]);
  return {
    flag: { ...flag, campaign: { ...flag.campaign, title: readTranslations(flag.campaign.title) } },
    preview,
    release,
    heldReasons: reasons.map((group) => ({ reason: group.invalidationReason ?? "", count: group._count._all })).sort((a, b) => b.count - a.count),
    connectionAllowed: allowRule !== null,
  };
}
