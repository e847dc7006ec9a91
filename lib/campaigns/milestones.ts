import type { Tx } from "../db";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";

// Records every goal rung the campaign's count has reached and not yet recorded; returns the new
// ones. Called in the confirming transaction, and again by periodic jobs: two confirmations that
// cross a rung together may each see the count below it, and the next call catches that up.
export async function recordMilestones(tx: Tx, campaignId: string): Promise<number[]> {
  const [campaign, total] = await Promise.all([
    tx.campaign.findUnique({ where: { id: campaignId }, select: { slug: true, goals: true, owners: { select: { organisationId: true } } } }),
    tx.campaignCounter.aggregate({ where: { campaignId }, _sum: { confirmed: true } }),
  ]);
  if (!campaign) return [];
  const count = total._sum.confirmed ?? 0;
  const reached = campaign.goals.filter((goal) => goal > 0 && goal <= count);
  if (reached.length === 0) return [];
  const inserted = await tx.$queryRaw<{ goal: number }[]>`
    INSERT INTO campaign_milestones (campaign_id, goal, reached_at)
    SELECT ${campaignId}, goal, now() FROM unnest(${reached}::int[]) AS goal
    ON CONFLICT (campaign_id, goal) DO NOTHING
    RETURNING goal`;
  const goals = inserted.map((row) => row.goal).sort((a, b) => a - b);
  for (const goal of goals) {
    await queueWebhookEvent(tx, {
      organisationIds: campaign.owners.map((owner) => owner.organisationId),
      event: "milestone.reached",
      key: `${campaignId}:${goal}`,
      payload: { campaign: campaign.slug, goal, count },
    });
  }
  return goals;
}
