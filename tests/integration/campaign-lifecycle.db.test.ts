import { beforeAll, describe, expect, it } from "vitest";
import { getPublicCampaign } from "../../lib/campaigns/get-campaign";
import { isClosed, isOpen, isPublic, isUpcoming } from "../../lib/campaigns/lifecycle";
import { listOpenCampaigns } from "../../lib/campaigns/list-campaigns";
import { database, db } from "../../lib/db";
import { createCampaign } from "../fixtures/factories";

// Whether a campaign is public, upcoming, open or closed is one rule, asked three ways: in
// JavaScript, as a Prisma condition and in SQL. All three must pick the same campaigns.
const day = 86_400_000;
type Campaign = Awaited<ReturnType<typeof createCampaign>>;
let campaigns: Record<"draft" | "open" | "betweenDates" | "upcoming" | "pastClosing" | "closed" | "closedEarly", Campaign>;

beforeAll(async () => {
  const now = Date.now();
  campaigns = {
    draft: await createCampaign({ status: "DRAFT", closesAt: new Date(now - day) }),
    open: await createCampaign(),
    betweenDates: await createCampaign({ opensAt: new Date(now - day), closesAt: new Date(now + day) }),
    upcoming: await createCampaign({ opensAt: new Date(now + day) }),
    pastClosing: await createCampaign({ closesAt: new Date(now - day) }),
    closed: await createCampaign({ status: "CLOSED" }),
    closedEarly: await createCampaign({ status: "CLOSED", closesAt: new Date(now + day) }),
  };
});

describe("the campaign lifecycle", () => {
  it.each([
    ["isPublic", isPublic, ["open", "betweenDates", "upcoming", "pastClosing", "closed", "closedEarly"]],
    ["isOpen", isOpen, ["open", "betweenDates"]],
    ["isUpcoming", isUpcoming, ["upcoming"]],
    ["isClosed", isClosed, ["pastClosing", "closed", "closedEarly"]],
  ] as const)("%s picks the same campaigns in JavaScript, in Prisma and in SQL", async (_name, rule, expected) => {
    const ids = Object.values(campaigns).map((campaign) => campaign.id);
    const named = (found: string[]) => Object.entries(campaigns).filter(([, campaign]) => found.includes(campaign.id)).map(([name]) => name).sort();
    const rows = await db.campaign.findMany({ where: { id: { in: ids } } });
    const inJavaScript = rows.filter((row) => rule(row)).map((row) => row.id);
    const inPrisma = (await db.campaign.findMany({ where: { AND: [{ id: { in: ids } }, rule.where()] }, select: { id: true } })).map((row) => row.id);
    const inSql = (await database().sql<{ id: string }>({ name: `lifecycle-${_name}`, text: `SELECT c.id FROM campaigns c WHERE c.id = ANY($1::text[]) AND ${rule.sql("c")}` }, [ids])).map((row) => row.id);
    expect(named(inJavaScript)).toEqual([...expected].sort());
    expect(named(inPrisma)).toEqual([...expected].sort());
    expect(named(inSql)).toEqual([...expected].sort());
  });

  it("lists on the home page only campaigns that take signatures now", async () => {
    const listed = (await listOpenCampaigns()).map((card) => card.slug);
    expect(listed).toEqual(expect.arrayContaining([campaigns.open.slug, campaigns.betweenDates.slug]));
    for (const name of ["draft", "upcoming", "pastClosing", "closed", "closedEarly"] as const) expect(listed, name).not.toContain(campaigns[name].slug);
  });

  it('tells the public page a campaign past its closing date is closed, not "not yet open"', async () => {
    expect(await getPublicCampaign(campaigns.pastClosing.slug)).toMatchObject({ phase: "closed", isOpen: false });
    expect(await getPublicCampaign(campaigns.upcoming.slug)).toMatchObject({ phase: "upcoming", isOpen: false });
    expect(await getPublicCampaign(campaigns.betweenDates.slug)).toMatchObject({ phase: "open", isOpen: true });
  });
});
