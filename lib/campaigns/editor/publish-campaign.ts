import type { Actor } from "../../auth/authorize";
import { changeCampaignStatus, type CampaignStatusChange } from "./change-campaign-status";

// DRAFT → OPEN: the campaign appears on the site and accepts signatures.
export async function publishCampaign(options: { actor: Actor; campaignId: string }): Promise<CampaignStatusChange> {
  return changeCampaignStatus({ ...options, transition: "publish" });
}
