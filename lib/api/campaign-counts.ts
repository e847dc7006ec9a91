import { confirmedCount, paperCount } from "../campaigns/counters";
import { readDb } from "../db";
import { findPublicCampaignId } from "./find-public-campaign";
import { campaignCounts, campaignHourlyCounts, type CampaignCounts, type CampaignHourlyCounts } from "./schema";

// GET /api/v1/campaigns/{slug}/counts. Confirmed is the counters' sum, paper the entered sheets' rows; the
// breakdowns group the confirmed rows on the (campaign, state, confirmed_at) and (campaign,
// country) indexes. Anonymised signatures keep their country, so they still count here.
export async function getApiCampaignCounts(options: { slug: string }): Promise<CampaignCounts> {
  const campaign = await findPublicCampaignId(options.slug);
  const [confirmed, paper, byCountry, byDay] = await Promise.all([
    confirmedCount(campaign.id, readDb),
    paperCount(campaign.id, readDb),
    readDb.signature.groupBy({
      by: ["country"],
      where: { campaignId: campaign.id, state: "CONFIRMED" },
      _count: { _all: true },
      orderBy: [{ _count: { country: "desc" } }, { country: "asc" }],
    }),
    // Stored times are UTC, so the day of a timestamp is its UTC day.
    readDb.$queryRaw<{ day: string; confirmed: number }[]>`
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

// GET /api/v1/campaigns/{slug}/counts/hourly: the same confirmed rows as byDay, grouped by UTC hour,
// on the same (campaign, state, confirmed_at) index. Apart from /counts so that its answer stays small.
export async function getApiCampaignHourlyCounts(options: { slug: string }): Promise<CampaignHourlyCounts> {
  const campaign = await findPublicCampaignId(options.slug);
  const byHour = await readDb.$queryRaw<{ hour: string; confirmed: number }[]>`
    SELECT to_char(date_trunc('hour', confirmed_at), 'YYYY-MM-DD"T"HH24":00:00Z"') AS hour, count(*)::int AS confirmed
      FROM signatures
     WHERE campaign_id = ${campaign.id} AND state = 'CONFIRMED' AND confirmed_at IS NOT NULL
     GROUP BY 1
     ORDER BY 1`;
  return campaignHourlyCounts.parse({ campaign: campaign.slug, byHour: byHour.map((row) => ({ hour: row.hour, confirmed: Number(row.confirmed) })) });
}
