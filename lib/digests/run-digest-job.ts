import { recordMilestones } from "../campaigns/milestones";
import { db } from "../db";
import { env } from "../env";
import type { DigestKind, Locale } from "../generated/prisma/enums";
import { localized } from "../i18n/locales";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import { countSnapshot, type CountSnapshot } from "./count-snapshot";
import { digestPeriod, milestonePeriod } from "./period";

export type DigestJobReport = { campaigns: number; queued: number; alreadySent: number };

type Due = { decisionMakerId: string; kind: DigestKind; periodKey: string; goal?: number };

export function digestOutboxKey(campaignId: string, decisionMakerId: string, periodKey: string): string {
  return `digest:${campaignId}:${decisionMakerId}:${periodKey}`;
}

// Sends every digest that is due: for each open campaign, one per active target and period of
// its cadence, and one per goal rung crossed since the target was added. Safe to run at any
// moment, twice, or on two servers at once: the unique (campaign, decision-maker, period) index
// admits one digest, and its e-mail is written in the same transaction as the row.
export async function runDigestJob(options: { now?: Date; campaignId?: string } = {}): Promise<DigestJobReport> {
  const now = options.now ?? new Date();
  const campaigns = await db.campaign.findMany({
    where: {
      status: "OPEN",
      ...(options.campaignId ? { id: options.campaignId } : {}),
      OR: [{ digestCadence: { not: "OFF" } }, { milestoneDigests: true }],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const report: DigestJobReport = { campaigns: campaigns.length, queued: 0, alreadySent: 0 };
  for (const campaign of campaigns) {
    const result = await runCampaignDigests(campaign.id, now);
    report.queued += result.queued;
    report.alreadySent += result.alreadySent;
  }
  if (report.queued > 0) wakeOutbox();
  return report;
}

async function runCampaignDigests(campaignId: string, now: Date): Promise<{ queued: number; alreadySent: number }> {
  // Two confirmations crossing a rung together may both miss it: catch up before looking.
  await db.$transaction((tx) => recordMilestones(tx, campaignId));
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: {
      id: true,
      slug: true,
      titleEn: true,
      titleAr: true,
      digestCadence: true,
      milestoneDigests: true,
      demands: { orderBy: { position: "asc" }, select: { textEn: true, textAr: true } },
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], select: { organisation: { select: { name: true, nameAr: true } } } },
      targets: {
        where: { decisionMaker: { retiredAt: null } },
        select: { createdAt: true, decisionMaker: { select: { id: true, name: true, email: true, preferredLocale: true } } },
      },
      milestones: { orderBy: { goal: "asc" }, select: { goal: true, reachedAt: true } },
    },
  });

  const due: Due[] = [];
  for (const target of campaign.targets) {
    const decisionMakerId = target.decisionMaker.id;
    if (campaign.digestCadence !== "OFF") due.push({ decisionMakerId, kind: "SCHEDULED", periodKey: digestPeriod(campaign.digestCadence, now) });
    if (campaign.milestoneDigests) {
      for (const milestone of campaign.milestones) {
        // A target added later is not sent the rungs crossed before it was addressed.
        if (milestone.reachedAt >= target.createdAt) due.push({ decisionMakerId, kind: "MILESTONE", periodKey: milestonePeriod(milestone.goal), goal: milestone.goal });
      }
    }
  }
  if (due.length === 0) return { queued: 0, alreadySent: 0 };

  const existing = await db.digest.findMany({
    where: { campaignId, periodKey: { in: [...new Set(due.map((d) => d.periodKey))] } },
    select: { decisionMakerId: true, periodKey: true },
  });
  const sent = new Set(existing.map((row) => `${row.decisionMakerId}|${row.periodKey}`));
  const pending = due.filter((d) => !sent.has(`${d.decisionMakerId}|${d.periodKey}`));
  let alreadySent = due.length - pending.length;
  if (pending.length === 0) return { queued: 0, alreadySent };

  const snapshot = await countSnapshot(campaignId);
  let queued = 0;
  for (const item of pending) {
    const target = campaign.targets.find((t) => t.decisionMaker.id === item.decisionMakerId)!.decisionMaker;
    const created = await queueDigest({ campaign, recipient: target, item, snapshot });
    if (created) queued += 1;
    else alreadySent += 1;
  }
  return { queued, alreadySent };
}

type CampaignForDigest = {
  id: string;
  slug: string;
  titleEn: string;
  titleAr: string | null;
  demands: { textEn: string; textAr: string | null }[];
  owners: { organisation: { name: string; nameAr: string | null } }[];
};

async function queueDigest(options: {
  campaign: CampaignForDigest;
  recipient: { id: string; name: string; email: string; preferredLocale: Locale };
  item: Due;
  snapshot: CountSnapshot;
}): Promise<boolean> {
  const { campaign, recipient, item, snapshot } = options;
  const locale = recipient.preferredLocale;
  const outboxKey = digestOutboxKey(campaign.id, recipient.id, item.periodKey);
  return db.$transaction(async (tx) => {
    const previous = await tx.digest.findFirst({
      where: { campaignId: campaign.id, decisionMakerId: recipient.id },
      orderBy: { countedAt: "desc" },
      select: { countedAt: true },
    });
    const newSignatures = previous
      ? await tx.signature.count({ where: { campaignId: campaign.id, state: "CONFIRMED", confirmedAt: { gt: previous.countedAt, lte: snapshot.countedAt } } })
      : snapshot.total;
    // INSERT ... ON CONFLICT DO NOTHING: of two runs racing, exactly one inserts and sends.
    const inserted = await tx.digest.createMany({
      data: [
        {
          campaignId: campaign.id,
          decisionMakerId: recipient.id,
          kind: item.kind,
          periodKey: item.periodKey,
          newSignatures,
          totalSignatures: snapshot.total,
          fingerprint: snapshot.fingerprint,
          countedAt: snapshot.countedAt,
          locale,
          outboxKey,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return false;
    await sendEmail(tx, {
      template: "digest",
      to: recipient.email,
      locale,
      idempotencyKey: outboxKey,
      props: {
        locale,
        recipientName: recipient.name,
        campaignTitle: localized(locale, { en: campaign.titleEn, ar: campaign.titleAr }).text,
        organisers: campaign.owners.map((owner) => localized(locale, { en: owner.organisation.name, ar: owner.organisation.nameAr }).text).join(locale === "ar" ? "، " : ", "),
        demands: campaign.demands.map((demand) => localized(locale, { en: demand.textEn, ar: demand.textAr }).text),
        kind: item.kind,
        ...(item.goal ? { milestoneGoal: item.goal } : {}),
        newSignatures,
        totalSignatures: snapshot.total,
        previousAt: previous?.countedAt.toISOString() ?? null,
        countedAt: snapshot.countedAt.toISOString(),
        topCountries: snapshot.topCountries,
        comments: snapshot.comments,
        campaignUrl: `${env.APP_URL}/${locale}/campaigns/${encodeURIComponent(campaign.slug)}`,
        fingerprint: snapshot.fingerprint,
      },
    });
    return true;
  });
}
