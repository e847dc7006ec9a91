import { db } from "../db";
import { confirmedCount, paperCount } from "./counters";
import { goalProgress, type GoalProgress } from "./goals";
import { isPublic } from "./lifecycle";

// The public count of a campaign and its progress toward the next goal: what the live count,
// the share image and the embed show. Drafts have none.
export async function getCampaignProgress(slug: string): Promise<GoalProgress | null> {
  const campaign = await db.campaign.findUnique({ where: { slug }, select: { id: true, status: true, goals: true } });
  if (!campaign || !isPublic(campaign)) return null;
  const [online, paper] = await Promise.all([confirmedCount(campaign.id), paperCount(campaign.id)]);
  return goalProgress(online, campaign.goals, paper);
}
