import { confirmedCount, paperCount } from "../campaigns/counters";
import { db } from "../db";
import { findPublicCampaignId } from "./find-public-campaign";
import { campaignCounts, type CampaignCounts } from "./schema";

// GET /api/v1/campaigns/{slug}/counts. Confirmed is the counters' sum, paper the entered sheets' rows; the
// breakdowns group the confirmed rows on the (campaign, state, confirmed_at) and (campaign,
// country) indexes. Anonymised signatures keep their country, so they still count here.
export async function getApiCampaignCounts(options: { slug: string }): Promise<CampaignCounts> {
  const campaign = await findPublicCampaignId(options.slug);
  const [confirmed, paper, byCountry, byDay] = await Promise.all([
    confirmedCount(campaign.id),
    paperCount(campaign.id),
    db.signature.groupBy({
      by: ["country"],
      where: { campaignId: campaign.id, state: "CONFIRMED" },
      _count: { _all: true },
      orderBy: [{ _count: { country: "desc" } }, { country: "asc" }],
    }),
    // Stored times are UTC, so the day of a timestamp is its UTC day.
    db.$queryRaw<{ day: string; confirmed: number }[]>`
      SELECT to_char(date_trunc('day', confirmed_at), 'YYYY-MM-DD') AS day, count(*)::int AS confirmed
        FROM signatures
       WHERE campaign_id = ${campaign.id} AND state = 'CONFIRMED' AND confirmed_at IS NOT NULL
       GROUP BY 1
       ORDER BY 1`,
  ]);
  return campaignCounts.parse({
    campaign: campaign.slug,
    confirmed,
    paper,
    byCountry: byCountry.map((group) => ({ country: group.country, confirmed: group._count._all })),
    byDay: byDay.map((row) => ({ day: row.day, confirmed: Number(row.confirmed) })),
  });
}
