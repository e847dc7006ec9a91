import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";

// Removes one entered batch and exactly its signatures, in one action, audited.
export async function removePaperImport(options: { actor: Actor; campaignId: string; importId: string }): Promise<{ removed: number; slug: string }> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  return db.$transaction(async (tx) => {
    const batch = await tx.paperImport.findFirst({ where: { id: options.importId, campaignId: options.campaignId }, select: { id: true, label: true, campaign: { select: { slug: true } } } });
    if (!batch) throw new AppError("NOT_FOUND");
    const { count } = await tx.paperSignature.deleteMany({ where: { importId: batch.id } });
    await tx.paperImport.delete({ where: { id: batch.id } });
    await recordAudit(tx, { organisationId: access.organisationId, actor: options.actor, action: "paper.remove", campaignId: options.campaignId, affected: count, details: { import: batch.id, label: batch.label } });
    return { removed: count, slug: batch.campaign.slug };
  });
}
