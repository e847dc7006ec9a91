import type { Actor } from "../../auth/authorize";
import { requireCampaignRole } from "../../auth/authorize";
import { AppError } from "../../errors";
import type { MemberRole } from "../../generated/prisma/enums";
import { loadCampaignPage, type CampaignPage } from "../get-campaign";

// A campaign as the public page would show it, drafts included, for members of an owning
// organisation; with the member's role, so the page offers publishing only to those who may.
export async function getCampaignPreview(options: { actor: Actor; campaignId: string }): Promise<CampaignPage & { role: MemberRole }> {
  const { role } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const campaign = await loadCampaignPage({ id: options.campaignId });
  if (!campaign) throw new AppError("NOT_FOUND");
  return { ...campaign, role };
}
