import type { Actor } from "../../auth/authorize";
import { changeCampaignStatus, type CampaignStatusChange } from "./change-campaign-status";

// OPEN → CLOSED: the page stays public with its count; signing is refused.
export async function closeCampaign(options: { actor: Actor; campaignId: string }): Promise<CampaignStatusChange> {
  return changeCampaignStatus({ ...options, transition: "close" });
}
