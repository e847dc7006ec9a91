import { isOpen } from "../campaigns/lifecycle";
import { recordMilestones } from "../campaigns/milestones";
import { db } from "../db";
import { env } from "../env";
import { publicUrl } from "../public-urls";
import type { DigestKind, Locale } from "../generated/prisma/enums";
import { localized } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";
import type { PeriodicJob } from "../jobs/scheduler";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import { countSnapshot, type CountSnapshot } from "./count-snapshot";
// Whoever can queue a digest's e-mail has registered what its delivery means to the digest.
import "./delivery-status";
import { digestPeriod, milestonePeriod } from "./period";
import { awaitedResponse } from "../response-thresholds/awaited-response";

// queued: digests written (with their e-mail); alreadySent: this period's digest exists;
// nothingNew: due, but nobody has confirmed a signature since that target's last digest (or at
// all), so nothing is sent.
export type DigestJobReport = { campaigns: number; queued: number; alreadySent: number; nothingNew: number };

// The digests this job sends by mail; in-person deliveries are recorded by the delivery pack.
type Due = { decisionMakerId: string; kind: Exclude<DigestKind, "IN_PERSON">; periodKey: string; goal?: number };

function digestOutboxKey(campaignId: string, decisionMakerId: string, periodKey: string): string {
  return `digest:${campaignId}:${decisionMakerId}:${periodKey}`;
}

// Sends every digest that is due and has something to say: for each open campaign whose
// organisers chose a cadence, one per active target and period, once someone has confirmed a
// signature since that target's last digest; and, with milestone digests on, one per goal rung
// crossed since the target was added. Safe to run at any moment, twice, or on two servers at
// once: the unique (campaign, decision-maker, period) index admits one digest, and its e-mail is
// written in the same transaction as the row.
export async function runDigestJob(options: { now?: Date; campaignId?: string } = {}): Promise<DigestJobReport> {
  const now = options.now ?? new Date();
  const campaigns = await db.campaign.findMany({
    where: {
      AND: [isOpen.where(now), { OR: [{ digestCadence: { in: ["DAILY", "WEEKLY"] } }, { milestoneDigests: true }] }],
      ...(options.campaignId ? { id: options.campaignId } : {}),
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  const report: DigestJobReport = { campaigns: campaigns.length, queued: 0, alreadySent: 0, nothingNew: 0 };
  for (const campaign of campaigns) {
    const result = await runCampaignDigests(campaign.id, now);
    report.queued += result.queued;
    report.alreadySent += result.alreadySent;
    report.nothingNew += result.nothingNew;
  }
  if (report.queued > 0) wakeOutbox();
  return report;
}

// Every DIGEST_JOB_INTERVAL_MS on one of the servers, first tried as a server starts. How often does
// not matter for correctness: each digest is sent once per period.
export const digestJob: PeriodicJob = {
  name: "digests",
  periodMs: env.DIGEST_JOB_INTERVAL_MS,
  run: async (now) => {
    const report = await runDigestJob({ now });
    if (report.queued > 0) console.info(`[digests] queued ${report.queued} digest(s)`);
    return report;
  },
};

async function runCampaignDigests(campaignId: string, now: Date): Promise<Omit<DigestJobReport, "campaigns">> {
  // Two confirmations crossing a rung together may both miss it: catch up before looking.
  await db.$transaction((tx) => recordMilestones(tx, campaignId));
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    select: {
      id: true,
      slug: true,
      title: true,
      primaryLocale: true,
      digestCadence: true,
      milestoneDigests: true,
      demands: { orderBy: { position: "asc" }, select: { text: true } },
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], select: { organisation: { select: { name: true, website: true, contactEmail: true } } } },
      targets: {
        where: { decisionMaker: { retiredAt: null } },
        select: { createdAt: true, decisionMaker: { select: { id: true, name: true, email: true, preferredLocale: true } } },
      },
      milestones: { orderBy: { goal: "asc" }, select: { goal: true, reachedAt: true } },
    },
  });

  const cadence = campaign.digestCadence === "DAILY" || campaign.digestCadence === "WEEKLY" ? campaign.digestCadence : null;
  const due: Due[] = [];
  for (const target of campaign.targets) {
    const decisionMakerId = target.decisionMaker.id;
    if (cadence) due.push({ decisionMakerId, kind: "SCHEDULED", periodKey: digestPeriod(cadence, now) });
    if (campaign.milestoneDigests) {
      for (const milestone of campaign.milestones) {
        // A target added later is not sent the rungs crossed before it was addressed.
        if (milestone.reachedAt >= target.createdAt) due.push({ decisionMakerId, kind: "MILESTONE", periodKey: milestonePeriod(milestone.goal), goal: milestone.goal });
      }
    }
  }
  const result = { queued: 0, alreadySent: 0, nothingNew: 0 };
  if (due.length === 0) return result;

  const existing = await db.digest.findMany({
    where: { campaignId, periodKey: { in: [...new Set(due.map((d) => d.periodKey))] } },
    select: { decisionMakerId: true, periodKey: true },
  });
  const sent = new Set(existing.map((row) => `${row.decisionMakerId}|${row.periodKey}`));
  const notSent = due.filter((d) => !sent.has(`${d.decisionMakerId}|${d.periodKey}`));
  result.alreadySent = due.length - notSent.length;

  // Cheap checks first (an index look-up each), so that a quiet week does not recount a large
  // campaign every time the job runs: nothing confirmed at all, or nothing since a target's last
  // digest, means nothing to send.
  const [latest, lastDigests] = await Promise.all([
    db.signature.aggregate({ where: { campaignId, state: "CONFIRMED" }, _max: { confirmedAt: true } }),
    // A pack handed over in person does not stand for a mailed digest: "nothing new" is since the last one mailed.
    db.digest.groupBy({ by: ["decisionMakerId"], where: { campaignId, kind: { not: "IN_PERSON" } }, _max: { countedAt: true } }),
  ]);
  const latestConfirmedAt = latest._max.confirmedAt;
  const lastCountedAt = new Map(lastDigests.map((row) => [row.decisionMakerId, row._max.countedAt]));
  const pending = notSent.filter((item) => {
    if (!latestConfirmedAt) return false;
    if (item.kind === "MILESTONE") return true;
    const previous = lastCountedAt.get(item.decisionMakerId);
    return !previous || latestConfirmedAt > previous;
  });
  result.nothingNew = notSent.length - pending.length;
  if (pending.length === 0) return result;

  const snapshot = await countSnapshot(campaignId);
  for (const item of pending) {
    const target = campaign.targets.find((t) => t.decisionMaker.id === item.decisionMakerId)!.decisionMaker;
    const outcome = await queueDigest({ campaign, recipient: target, item, snapshot, now });
    result[outcome] += 1;
  }
  return result;
}

type CampaignForDigest = {
  id: string;
  slug: string;
  title: unknown;
  primaryLocale: Locale;
  demands: { text: unknown }[];
  owners: { organisation: { name: unknown; website: string | null; contactEmail: string | null } }[];
};

async function queueDigest(options: {
  campaign: CampaignForDigest;
  recipient: { id: string; name: unknown; email: string; preferredLocale: Locale };
  item: Due;
  snapshot: CountSnapshot;
  now: Date;
}): Promise<"queued" | "alreadySent" | "nothingNew"> {
  const { campaign, recipient, item, snapshot } = options;
  const locale = recipient.preferredLocale;
  const outboxKey = digestOutboxKey(campaign.id, recipient.id, item.periodKey);
  // A reply reaches the lead organisation's public contact address, the one the digest names.
  const replyTo = campaign.owners.find((owner) => owner.organisation.contactEmail)?.organisation.contactEmail ?? null;
  return db.$transaction(async (tx) => {
    const previous = await tx.digest.findFirst({
      where: { campaignId: campaign.id, decisionMakerId: recipient.id, kind: { not: "IN_PERSON" } },
      orderBy: { countedAt: "desc" },
      select: { countedAt: true },
    });
    const newSignatures = previous
      ? await tx.signature.count({ where: { campaignId: campaign.id, state: "CONFIRMED", confirmedAt: { gt: previous.countedAt, lte: snapshot.countedAt } } })
      : snapshot.total;
    // The counted set decides: a digest that would report nobody, or (scheduled) nobody new, is not sent.
    if (snapshot.total === 0 || (item.kind === "SCHEDULED" && newSignatures === 0)) return "nothingNew";
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
          paperSignatures: snapshot.paper.total,
          paperFingerprint: snapshot.paper.fingerprint,
          countedAt: snapshot.countedAt,
          locale,
          outboxKey,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return "alreadySent";
    const responseDue = await awaitedResponse(tx, campaign.id, recipient.id, options.now);
    const title = localized(locale, readTranslations(campaign.title), campaign.primaryLocale);
    const demands = campaign.demands.map((demand) => localized(locale, readTranslations(demand.text), campaign.primaryLocale));
    await sendEmail(tx, {
      template: "digest",
      to: recipient.email,
      locale,
      idempotencyKey: outboxKey,
      ...(replyTo ? { replyTo } : {}),
      props: {
        locale,
        // Named in the digest's language where the directory has it.
        recipientName: localized(locale, readTranslations(recipient.name)).text,
        campaignTitle: title.text,
        campaignTitleLocale: title.locale,
        organisers: campaign.owners.map((owner) => localized(locale, readTranslations(owner.organisation.name)).text).join(locale === "ar" ? "، " : ", "),
        organiserContacts: campaign.owners.map(({ organisation }) => {
          const name = localized(locale, readTranslations(organisation.name));
          return { name: name.text, nameLocale: name.locale, website: organisation.website, email: organisation.contactEmail };
        }),
        replyTo,
        demands: demands.map((demand) => demand.text),
        demandLocales: demands.map((demand) => demand.locale),
        kind: item.kind,
        ...(item.goal ? { milestoneGoal: item.goal } : {}),
        newSignatures,
        totalSignatures: snapshot.total,
        previousAt: previous?.countedAt.toISOString() ?? null,
        countedAt: snapshot.countedAt.toISOString(),
        topCountries: snapshot.topCountries,
        comments: snapshot.comments,
        campaignUrl: publicUrl.campaign(locale, campaign.slug),
        fingerprint: snapshot.fingerprint,
        paperSignatures: snapshot.paper.total,
        paperFingerprint: snapshot.paper.fingerprint,
        responseDue,
      },
    });
    return "queued";
  });
}
