import type { Actor } from "../../auth/authorize";
import { requireCampaignRole } from "../../auth/authorize";
import { AppError } from "../../errors";
import { loadCampaignPage, type CampaignPage } from "../get-campaign";

// A campaign as the public page would show it, drafts included, for members of an owning
// organisation.
export async function getCampaignPreview(options: { actor: Actor; campaignId: string }): Promise<CampaignPage> {
  await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const campaign = await loadCampaignPage({ id: options.campaignId });
  if (!campaign) throw new AppError("NOT_FOUND");
  return campaign;
}
