import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";

// Owners and organisers turn a campaign's notices to supporters on or off. Turning them off also
// drops the notice of the day not yet sent: nothing more goes out.
export async function setSupporterNotices(options: { actor: Actor; campaignId: string; enabled: boolean }): Promise<void> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  await db.$transaction(async (tx) => {
    await tx.campaign.update({ where: { id: options.campaignId }, data: { supporterNotices: options.enabled } });
    const dropped = options.enabled ? { count: 0 } : await tx.supporterUpdate.deleteMany({ where: { campaignId: options.campaignId, kind: "NOTICE", status: "DRAFT" } });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: options.enabled ? "notices.on" : "notices.off",
      campaignId: options.campaignId,
      affected: dropped.count,
    });
  });
}
