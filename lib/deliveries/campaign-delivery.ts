import { z } from "zod";
import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { isOpen } from "../campaigns/lifecycle";
import { listEditorChoices, type DecisionMakerChoice } from "../campaigns/editor/list-editor-choices";
import { db } from "../db";
import { digestDeliverySelect } from "../digests/delivery-record";
import { runDigestJob, type DigestJobReport } from "../digests/run-digest-job";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { openSignatures } from "../sealing/signer-data";
import { getCampaignResponses, type CampaignResponses } from "../response-thresholds/response-states";
import { runResponseJob } from "../response-thresholds/run-response-job";
import type { DeliveryStatus, DigestCadence, DigestKind, MemberRole } from "../generated/prisma/enums";

const cadences = ["OFF", "DAILY", "WEEKLY"] as const satisfies readonly DigestCadence[];

/** Who a digest or a response concerns, as the directory names them in each language. */
type DecisionMakerLabel = { name: Translations; institution: Translations };

type DeliveryLogEntry = {
  id: string;
  decisionMaker: DecisionMakerLabel;
  kind: DigestKind;
  periodKey: string;
  newSignatures: number;
  totalSignatures: number;
  fingerprint: string;
  paperSignatures: number | null;
  paperFingerprint: string | null;
  status: DeliveryStatus;
  queuedAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  bouncedAt: Date | null;
  complainedAt: Date | null;
  failedAt: Date | null;
};

export type DeliveryOverview = {
  role: MemberRole;
  // digestCadence null: no organiser has chosen one yet, so nothing is scheduled.
  campaign: { id: string; slug: string; title: Translations; primaryLocale: Locale; status: string; digestCadence: DigestCadence | null; milestoneDigests: boolean; supporterNotices: boolean; goals: number[] };
  targetIds: string[];
  choices: DecisionMakerChoice[];
  comments: { id: string; comment: string; country: string; approved: boolean; confirmedAt: Date | null }[];
  log: DeliveryLogEntry[];
  responses: { id: string; decisionMaker: DecisionMakerLabel; respondedOn: Date; summary: Translations; url: string | null; published: boolean }[];
  // The response threshold and where each target stands with the answer it asks for.
  responsesDue: CampaignResponses;
};

const commentListLimit = 100;

function decisionMakerLabel(row: { name: unknown; institution: unknown }): DecisionMakerLabel {
  return { name: readTranslations(row.name), institution: readTranslations(row.institution) };
}

// Everything the campaign's delivery page shows; viewers read it all. The decision-makers to choose
// from come in the order `locale` (the reader's) sorts them.
export async function getDeliveryOverview(options: { actor: Actor; campaignId: string; locale?: Locale }): Promise<DeliveryOverview> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: options.campaignId },
    select: {
      id: true,
      slug: true,
      title: true,
      primaryLocale: true,
      status: true,
      digestCadence: true,
      milestoneDigests: true,
      supporterNotices: true,
      goals: true,
      targets: { orderBy: { createdAt: "asc" }, select: { decisionMakerId: true } },
    },
  });
  const targetIds = campaign.targets.map((target) => target.decisionMakerId);
  const [choices, comments, log, responses, responsesDue] = await Promise.all([
    listEditorChoices({ organisationId: access.organisationId, includeDecisionMakerIds: targetIds, locale: options.locale }),
    db.signature.findMany({
      where: { campaignId: campaign.id, state: "CONFIRMED", comment: { not: null } },
      orderBy: [{ commentApproved: "desc" }, { confirmedAt: "desc" }],
      take: commentListLimit,
      select: { id: true, comment: true, country: true, commentApproved: true, confirmedAt: true },
    }),
    db.digest.findMany({
      where: { campaignId: campaign.id },
      orderBy: [{ queuedAt: "desc" }, { id: "asc" }],
      take: 200,
      select: { ...digestDeliverySelect, complainedAt: true, decisionMaker: { select: { name: true, institution: true } } },
    }),
    db.decisionMakerResponse.findMany({
      where: { campaignId: campaign.id },
      orderBy: [{ respondedOn: "desc" }, { createdAt: "desc" }],
      select: { id: true, respondedOn: true, summary: true, url: true, published: true, decisionMaker: { select: { name: true, institution: true } } },
    }),
    getCampaignResponses(campaign.id),
  ]);
  return {
    role: access.role,
    campaign: {
      id: campaign.id,
      slug: campaign.slug,
      title: readTranslations(campaign.title),
      primaryLocale: campaign.primaryLocale,
      status: campaign.status,
      digestCadence: campaign.digestCadence,
      milestoneDigests: campaign.milestoneDigests,
      supporterNotices: campaign.supporterNotices,
      goals: campaign.goals,
    },
    targetIds,
    choices: choices.decisionMakers,
    // Sealed, an empty comment no longer reads "" in SQL: it is left out once opened.
    comments: (await openSignatures(comments)).flatMap((row) => (row.comment ? [{ id: row.id, comment: row.comment, country: row.country, approved: row.commentApproved, confirmedAt: row.confirmedAt }] : [])),
    log: log.map((digest) => ({ ...digest, decisionMaker: decisionMakerLabel(digest.decisionMaker) })),
    responses: responses.map((response) => ({ ...response, summary: readTranslations(response.summary), decisionMaker: decisionMakerLabel(response.decisionMaker) })),
    responsesDue,
  };
}

const settingsSchema = z.object({
  cadence: z.enum(cadences, { error: "cadenceInvalid" }),
  milestoneDigests: z.boolean(),
  decisionMakerIds: z.array(z.string().min(1).max(64)).max(100, "tooManyTargets"),
});

// Targets, cadence and milestone digests. A target must be in the shared directory or the
// organisation's own (and not retired); one the campaign already addresses may stay.
export async function updateDeliverySettings(options: { actor: Actor; campaignId: string; cadence: unknown; milestoneDigests: boolean; decisionMakerIds: string[] }): Promise<void> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const parsed = settingsSchema.safeParse({ cadence: options.cadence, milestoneDigests: options.milestoneDigests, decisionMakerIds: [...new Set(options.decisionMakerIds)] });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: { [String(parsed.error.issues[0]?.path[0] ?? "cadence")]: parsed.error.issues[0]?.message ?? "invalidValue" } });
  const { cadence, milestoneDigests, decisionMakerIds } = parsed.data;
  await db.$transaction(async (tx) => {
    const current = (await tx.campaignTarget.findMany({ where: { campaignId: options.campaignId }, select: { decisionMakerId: true } })).map((t) => t.decisionMakerId);
    const added = decisionMakerIds.filter((id) => !current.includes(id));
    if (added.length > 0) {
      const allowed = await tx.decisionMaker.count({ where: { id: { in: added }, retiredAt: null, OR: [{ organisationId: null }, { organisationId: access.organisationId }] } });
      if (allowed !== added.length) throw new AppError("VALIDATION", { fields: { decisionMakerIds: "decisionMakerUnknown" } });
    }
    const removed = current.filter((id) => !decisionMakerIds.includes(id));
    await tx.campaignTarget.deleteMany({ where: { campaignId: options.campaignId, decisionMakerId: { in: removed } } });
    if (added.length > 0) await tx.campaignTarget.createMany({ data: added.map((decisionMakerId) => ({ campaignId: options.campaignId, decisionMakerId })), skipDuplicates: true });
    await tx.campaign.update({ where: { id: options.campaignId }, data: { digestCadence: cadence, milestoneDigests } });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "delivery.settings",
      campaignId: options.campaignId,
      affected: added.length + removed.length,
      details: { cadence, milestoneDigests, added, removed },
    });
  });
}

// Only comments an organiser approved are quoted to decision-makers.
export async function setCommentApproval(options: { actor: Actor; campaignId: string; signatureId: string; approved: boolean }): Promise<void> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  await db.$transaction(async (tx) => {
    const updated = await tx.signature.updateMany({ where: { id: options.signatureId, campaignId: options.campaignId }, data: { commentApproved: options.approved } });
    if (updated.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: options.approved ? "delivery.comment.approve" : "delivery.comment.withdraw",
      campaignId: options.campaignId,
      affected: 1,
      details: { signature: options.signatureId },
    });
  });
}

// Why "Send due digests now" sent nothing, in the order an organiser would look for it.
export const idleReasons = ["notOpen", "off", "noTargets", "noSignatures", "nothingNew", "alreadySent", "nothingDue"] as const;
export type IdleReason = (typeof idleReasons)[number];

export type DigestRunOutcome = { queued: number; idle: IdleReason | null };

// "Send due digests now": the same job the schedule runs, for this campaign; sends nothing twice,
// and nothing that has nothing to report.
export async function runDigestsNow(options: { actor: Actor; campaignId: string }): Promise<DigestRunOutcome> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  // A threshold reached since the job last looked is asked first, so the digest can name the due date.
  await runResponseJob({ campaignId: options.campaignId });
  const report = await runDigestJob({ campaignId: options.campaignId });
  await recordAudit(db, { organisationId: access.organisationId, actor: options.actor, action: "delivery.run", campaignId: options.campaignId, affected: report.queued });
  return { queued: report.queued, idle: report.queued > 0 ? null : await idleReason(options.campaignId, report) };
}

async function idleReason(campaignId: string, report: DigestJobReport): Promise<IdleReason> {
  const campaign = await db.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { status: true, opensAt: true, closesAt: true } });
  if (!isOpen(campaign)) return "notOpen";
  if (report.campaigns === 0) return "off";
  if ((await db.campaignTarget.count({ where: { campaignId, decisionMaker: { retiredAt: null } } })) === 0) return "noTargets";
  if (!(await db.signature.findFirst({ where: { campaignId, state: "CONFIRMED" }, select: { id: true } }))) return "noSignatures";
  if (report.nothingNew > 0) return "nothingNew";
  if (report.alreadySent > 0) return "alreadySent";
  return "nothingDue";
}
