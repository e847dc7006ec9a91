import type { Actor } from "../../auth/authorize";
import { changeCampaignStatus, type CampaignStatusChange } from "./change-campaign-status";

// CLOSED → OPEN: signing resumes; signatures gathered before still count.
export async function reopenCampaign(options: { actor: Actor; campaignId: string }): Promise<CampaignStatusChange> {
  return changeCampaignStatus({ ...options, transition: "reopen" });
}
