import { readDb } from "../db";
import { isClosed, isOpen, isPublic, isUpcoming } from "../campaigns/lifecycle";
import type { Prisma } from "../generated/prisma/client";
import { afterCursor, decodeCursor, pageOf } from "./cursor";
import { parseQuery } from "./parse-query";
import { campaignList, campaignListQuery, type CampaignList } from "./schema";
import { shapeSummaries, summaryCampaignSelect } from "./shape";

const phases = { upcoming: isUpcoming, open: isOpen, closed: isClosed };

function statusCondition(status: keyof typeof phases | undefined, now: Date): Prisma.CampaignWhereInput {
  return status ? phases[status].where(now) : isPublic.where(now);
}

// GET /api/v1/campaigns: published campaigns, newest first, a page at a time. Drafts never appear.
export async function listApiCampaigns(options: { query: URLSearchParams }): Promise<CampaignList> {
  const query = parseQuery(campaignListQuery, options.query);
  const cursor = decodeCursor(query.cursor);
  const rows = await readDb.campaign.findMany({
    where: { AND: [statusCondition(query.status, new Date()), afterCursor("createdAt", cursor)] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: summaryCampaignSelect,
  });
  const page = pageOf(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
  return campaignList.parse({ data: await shapeSummaries(page.items), nextCursor: page.nextCursor });
}
