import { isPublic } from "../campaigns/lifecycle";
import { readDb } from "../db";
import { AppError } from "../errors";

// A campaign the public may read: any but a draft. A draft is "not found", like a slug that
// does not exist, so the API never reveals that it is there.
export async function findPublicCampaignId(slug: string): Promise<{ id: string; slug: string }> {
  const campaign = await readDb.campaign.findUnique({ where: { slug }, select: { id: true, slug: true, status: true } });
  if (!campaign || !isPublic(campaign)) throw new AppError("NOT_FOUND");
  return { id: campaign.id, slug: campaign.slug };
}
