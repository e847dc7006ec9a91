import { db } from "../db";
import { afterCursor, decodeCursor, pageOf } from "./cursor";
import { parseQuery } from "./parse-query";
import { campaignList, campaignListQuery, type CampaignList } from "./schema";
import { shapeSummaries, summaryCampaignSelect } from "./shape";

// GET /api/v1/campaigns: published campaigns, newest first, a page at a time. Drafts never appear.
export async function listApiCampaigns(options: { query: URLSearchParams }): Promise<CampaignList> {
  const query = parseQuery(campaignListQuery, options.query);
  const cursor = decodeCursor(query.cursor);
  const status = query.status === "open" ? (["OPEN"] as const) : query.status === "closed" ? (["CLOSED"] as const) : (["OPEN", "CLOSED"] as const);
  const rows = await db.campaign.findMany({
    where: { status: { in: [...status] }, ...afterCursor("createdAt", cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: summaryCampaignSelect,
  });
  const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return campaignList.parse({ data: await shapeSummaries(page.items), nextCursor: page.nextCursor });
}
