import { describe, expect, it } from "vitest";
import { getPublicCampaign, isCampaignOpen } from "../../lib/campaigns/get-campaign";
import { listOpenCampaigns } from "../../lib/campaigns/list-campaigns";
import { db } from "../../lib/db";
import { getAddresseeRecord } from "../../lib/deliveries/delivery-record";
import { DemandKind } from "../../lib/generated/prisma/enums";
import { seedDatabase } from "../../prisma/seed";
import { campaigns as seedCampaigns, decisionMakers as seedDecisionMakers } from "../../prisma/seed-data";

const slugs = seedCampaigns.map((campaign) => campaign.slug);
const arabic = /[\u0600-\u06FF]/;

async function seededCampaigns() {
  return db.campaign.findMany({
    where: { slug: { in: slugs } },
    include: { demands: { orderBy: { position: "asc" } }, targets: { include: { decisionMaker: true } }, owners: true },
    orderBy: { slug: "asc" },
  });
}

describe("seedDatabase", () => {
  it("creates the five first campaigns once, and a second run changes nothing", async () => {
    expect(new Set(slugs).size).toBe(5);

    const first = await seedDatabase(db);
    expect(slugs).toEqual(expect.arrayContaining(first.campaignsCreated));
    const afterFirst = await seededCampaigns();
    expect(afterFirst.map((campaign) => campaign.slug).sort()).toEqual([...slugs].sort());

    for (const campaign of afterFirst) {
      expect(campaign.status, campaign.slug).toBe("OPEN");
      expect(isCampaignOpen(campaign), campaign.slug).toBe(true);
      expect(campaign.titleEn.length, campaign.slug).toBeGreaterThan(0);
      expect(campaign.titleAr, campaign.slug).toMatch(arabic);
      expect(campaign.summaryAr, campaign.slug).toMatch(arabic);
      expect(campaign.goals.length, campaign.slug).toBeGreaterThan(0);
      expect(campaign.goals, campaign.slug).toEqual([...campaign.goals].sort((a, b) => a - b));
      expect(campaign.owners.filter((owner) => owner.lead), campaign.slug).toHaveLength(1);

      expect(campaign.demands.length, campaign.slug).toBeGreaterThanOrEqual(2);
      expect(campaign.demands.length, campaign.slug).toBeLessThanOrEqual(4);
      expect(campaign.demands.map((demand) => demand.position), campaign.slug).toEqual(campaign.demands.map((_, index) => index + 1));
      for (const demand of campaign.demands) {
        expect(Object.values(DemandKind), campaign.slug).toContain(demand.kind);
        expect(demand.textAr, campaign.slug).toMatch(arabic);
        expect(demand.sourceQuote?.length, campaign.slug).toBeGreaterThan(0);
        expect(demand.sourceStatementId, campaign.slug).toBe(campaign.sourceStatementId);
      }

      expect(campaign.targets.length, campaign.slug).toBeGreaterThanOrEqual(1);
      for (const { decisionMaker } of campaign.targets) {
        // Reserved addresses only, until an organiser enters verified contacts.
        expect(decisionMaker.email, campaign.slug).toMatch(/^[^@\s]+@example\.org$/);
      }
    }

    // Every seeded campaign is public and listed.
    const listed = (await listOpenCampaigns()).map((card) => card.slug);
    for (const slug of slugs) {
      expect(listed).toContain(slug);
      const page = await getPublicCampaign(slug);
      expect(page, slug).not.toBeNull();
      expect(page!.isOpen, slug).toBe(true);
      expect((await getAddresseeRecord(page!.id)).length, slug).toBeGreaterThanOrEqual(1);
    }

    const decisionMakersBefore = await db.decisionMaker.count({ where: { organisationId: null, email: { in: seedDecisionMakers.map((person) => person.email) } } });
    const demandsBefore = await db.demand.count({ where: { campaign: { slug: { in: slugs } } } });

    const second = await seedDatabase(db);
    expect(second.campaignsCreated).toEqual([]);
    expect((await seededCampaigns()).map((campaign) => campaign.id)).toEqual(afterFirst.map((campaign) => campaign.id));
    expect(await db.demand.count({ where: { campaign: { slug: { in: slugs } } } })).toBe(demandsBefore);
    expect(await db.organisation.count({ where: { slug: { in: ["syrian-civil-defence", "snhr"] } } })).toBe(2);
    for (const person of seedDecisionMakers) {
      expect(await db.decisionMaker.count({ where: { organisationId: null, email: person.email } }), person.email).toBe(1);
    }
    expect(decisionMakersBefore).toBe(seedDecisionMakers.length);
  });

  it("never undoes an organiser's edits on a later run", async () => {
    await seedDatabase(db);
    const slug = slugs[0]!;
    const edited = `Edited by an organiser ${Date.now()}`;
    await db.campaign.update({ where: { slug }, data: { titleEn: edited, status: "CLOSED" } });
    try {
      expect((await seedDatabase(db)).campaignsCreated).toEqual([]);
      expect(await db.campaign.findUniqueOrThrow({ where: { slug } })).toMatchObject({ titleEn: edited, status: "CLOSED" });
    } finally {
      const original = seedCampaigns[0]!;
      await db.campaign.update({ where: { slug }, data: { titleEn: original.titleEn, status: "OPEN" } });
    }
  });

  it("marks the Syrian and Russian governments' entries as a risk to writers, on a new install and on one seeded before the mark existed", async () => {
    await seedDatabase(db);
    const risky = ["sy-foreign-ministry@example.org", "ru-foreign-ministry@example.org"];
    const marks = async () =>
      Object.fromEntries(
        (await db.decisionMaker.findMany({ where: { organisationId: null, email: { in: seedDecisionMakers.map((person) => person.email) } }, select: { email: true, riskToSigners: true } })).map((row) => [row.email, row.riskToSigners]),
      );
    const expected = Object.fromEntries(seedDecisionMakers.map((person) => [person.email, risky.includes(person.email)]));
    expect(await marks()).toEqual(expected);

    // An install seeded earlier has the entries without the mark: the next start gives it to them.
    await db.decisionMaker.updateMany({ where: { organisationId: null, email: { in: risky } }, data: { riskToSigners: false } });
    await seedDatabase(db);
    expect(await marks()).toEqual(expected);
  });
});
