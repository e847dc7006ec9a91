import type { Actor } from "../../auth/authorize";
import { requireCampaignRole, roleAtLeast } from "../../auth/authorize";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { CampaignStatus, DemandKind, MemberRole } from "../../generated/prisma/enums";
import { readTranslations, type Translations } from "../../i18n/translations";
import { confirmedCount } from "../counters";
import { listEditorChoices, type EditorChoices } from "./list-editor-choices";
import type { EditableCampaignFields } from "./form-values";

export type CampaignForEditing = EditableCampaignFields & {
  id: string;
  slug: string;
  status: CampaignStatus;
  // The actor's role through the organisation they act for; viewers read, organisers edit.
  role: MemberRole;
  canEdit: boolean;
  organisation: { id: string; name: Translations };
  demands: (EditableCampaignFields["demands"][number] & { kind: DemandKind })[];
  confirmedCount: number;
  updatedAt: Date;
  choices: EditorChoices;
};

// A campaign as the editor shows it, for any member of an owning organisation (viewers included).
export async function getCampaignForEditing(options: { actor: Actor; campaignId: string }): Promise<CampaignForEditing> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const campaign = await db.campaign.findUnique({
    where: { id: options.campaignId },
    include: {
      demands: { orderBy: { position: "asc" } },
      targets: { orderBy: { createdAt: "asc" }, select: { decisionMakerId: true } },
      owners: { where: { organisationId: access.organisationId }, include: { organisation: { select: { id: true, name: true } } } },
    },
  });
  const owner = campaign?.owners[0];
  if (!campaign || !owner) throw new AppError("NOT_FOUND");
  const decisionMakerIds = campaign.targets.map((target) => target.decisionMakerId);
  const [count, choices] = await Promise.all([
    confirmedCount(campaign.id),
    listEditorChoices({ organisationId: access.organisationId, includeDecisionMakerIds: decisionMakerIds }),
  ]);
  return {
    id: campaign.id,
    slug: campaign.slug,
    status: campaign.status,
    role: access.role,
    canEdit: roleAtLeast(access.role, "ORGANISER"),
    organisation: { id: owner.organisation.id, name: readTranslations(owner.organisation.name) },
    primaryLocale: campaign.primaryLocale,
    title: readTranslations(campaign.title),
    summary: readTranslations(campaign.summary),
    body: readTranslations(campaign.body),
    goals: campaign.goals,
    opensAt: campaign.opensAt,
    closesAt: campaign.closesAt,
    retentionMonths: campaign.retentionMonths,
    sourceStatementId: campaign.sourceStatementId,
    demands: campaign.demands.map((demand) => ({
      kind: demand.kind,
      text: readTranslations(demand.text),
      sourceQuote: demand.sourceQuote,
      sourceStatementId: demand.sourceStatementId,
    })),
    decisionMakerIds,
    confirmedCount: count,
    updatedAt: campaign.updatedAt,
    choices,
  };
}
