import type { Actor } from "../../auth/authorize";
import { recordAudit, requireCampaignRole } from "../../auth/authorize";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { CampaignStatus } from "../../generated/prisma/enums";
import { lockCampaign } from "./lock-campaign";
import { readTranslations } from "../../i18n/translations";
import { publishProblems, type ErrorKey } from "./schema";
import { forgetSigningCampaigns } from "../../signatures/signing-campaign";

export type CampaignStatusChange = { id: string; slug: string; status: CampaignStatus };

const transitions = {
  publish: { from: "DRAFT", to: "OPEN", refusal: "statusNotDraft" },
  close: { from: "OPEN", to: "CLOSED", refusal: "statusNotOpen" },
  reopen: { from: "CLOSED", to: "OPEN", refusal: "statusNotClosed" },
} as const satisfies Record<string, { from: CampaignStatus; to: CampaignStatus; refusal: ErrorKey }>;

export type CampaignTransition = keyof typeof transitions;

// The one path from one state to the next: DRAFT → OPEN (publish), OPEN → CLOSED (close),
// CLOSED → OPEN (reopen). Anything else is refused and changes nothing. A campaign going public
// must have a title and summary in the language it is written in, a demand, and a closing date
// still ahead.
export async function changeCampaignStatus(options: { actor: Actor; campaignId: string; transition: CampaignTransition }): Promise<CampaignStatusChange> {
  const { actor, campaignId } = options;
  const transition = transitions[options.transition];
  const access = await requireCampaignRole(actor, campaignId, "ORGANISER");

  const changed = await db.$transaction(async (tx) => {
    await lockCampaign(tx, campaignId);
    const campaign = await tx.campaign.findUnique({
      where: { id: campaignId },
      select: { id: true, slug: true, status: true, primaryLocale: true, title: true, summary: true, closesAt: true, _count: { select: { demands: true } } },
    });
    if (!campaign) throw new AppError("NOT_FOUND");
    if (campaign.status !== transition.from) {
      throw new AppError("VALIDATION", { detail: `cannot ${options.transition} a campaign that is ${campaign.status}`, fields: { status: transition.refusal } });
    }
    if (transition.to === "OPEN") {
      const problems = publishProblems({
        primaryLocale: campaign.primaryLocale,
        title: readTranslations(campaign.title),
        summary: readTranslations(campaign.summary),
        demandCount: campaign._count.demands,
        closesAt: campaign.closesAt,
      });
      if (Object.keys(problems).length > 0) throw new AppError("VALIDATION", { detail: `cannot ${options.transition}: the campaign is incomplete`, fields: problems });
    }
    await tx.campaign.update({ where: { id: campaignId }, data: { status: transition.to } });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor,
      action: `campaign.${options.transition}`,
      campaignId,
      affected: 1,
      details: { from: transition.from, to: transition.to },
    });
    return { id: campaign.id, slug: campaign.slug, status: transition.to };
  });
  forgetSigningCampaigns();
  return changed;
}
