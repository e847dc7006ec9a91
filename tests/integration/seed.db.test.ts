import { describe, expect, it } from "vitest";
import { getPublicCampaign } from "../../lib/campaigns/get-campaign";
import { isOpen } from "../../lib/campaigns/lifecycle";
import { listOpenCampaigns } from "../../lib/campaigns/list-campaigns";
import { db } from "../../lib/db";
import { readTranslations } from "../../lib/i18n/translations";
import { getAddresseeRecord } from "../../lib/deliveries/delivery-record";
import { DemandKind } from "../../lib/generated/prisma/enums";
import { readFileSync } from "node:fs";
import { getStatement } from "../../lib/campaigns/get-statement";
import { englishByline } from "../../lib/statements/authors";
import { seedDatabase } from "../../prisma/seed";
import { campaigns as seedCampaigns, decisionMakers as seedDecisionMakers, statements as seedStatements } from "../../prisma/seed-data";

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
      expect(isOpen(campaign), campaign.slug).toBe(true);
      const title = readTranslations(campaign.title);
      expect(title.en?.length, campaign.slug).toBeGreaterThan(0);
      expect(title.ar, campaign.slug).toMatch(arabic);
      expect(readTranslations(campaign.summary).ar, campaign.slug).toMatch(arabic);
      expect(campaign.goals.length, campaign.slug).toBeGreaterThan(0);
      expect(campaign.goals, campaign.slug).toEqual([...campaign.goals].sort((a, b) => a - b));
      expect(campaign.owners.filter((owner) => owner.lead), campaign.slug).toHaveLength(1);

      expect(campaign.demands.length, campaign.slug).toBeGreaterThanOrEqual(2);
      expect(campaign.demands.length, campaign.slug).toBeLessThanOrEqual(4);
      expect(campaign.demands.map((demand) => demand.position), campaign.slug).toEqual(campaign.demands.map((_, index) => index + 1));
      for (const demand of campaign.demands) {
        expect(Object.values(DemandKind), campaign.slug).toContain(demand.kind);
        expect(readTranslations(demand.text).ar, campaign.slug).toMatch(arabic);
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
    const original = seedCampaigns[0]!;
    await db.campaign.update({ where: { slug }, data: { title: { en: edited, ar: original.titleAr }, status: "CLOSED" } });
    try {
      expect((await seedDatabase(db)).campaignsCreated).toEqual([]);
      expect(await db.campaign.findUniqueOrThrow({ where: { slug } })).toMatchObject({ title: { en: edited }, status: "CLOSED" });
    } finally {
      await db.campaign.update({ where: { slug }, data: { title: { en: original.titleEn, ar: original.titleAr }, status: "OPEN" } });
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

  it("stores each statement's full text as published and every one of its authors, in English and Arabic", async () => {
    await seedDatabase(db);
    for (const seed of seedStatements) {
      const row = await db.sourceStatement.findUniqueOrThrow({ where: { slug: seed.slug }, include: { authors: { orderBy: { position: "asc" } } } });
      const published = readFileSync(new URL(`../../prisma/seed-statements/${seed.fullTextFile}`, import.meta.url), "utf8");
      expect(row.fullText, seed.slug).toBe(published.trimEnd());
      const authors = row.authors.map((author) => ({ name: readTranslations(author.name) }));
      expect(authors, seed.slug).toEqual(seed.authors.map((author) => ({ name: { en: author.name, ar: author.nameAr } })));
      for (const author of authors) expect(author.name.ar, seed.slug).toMatch(arabic);
      expect(row.authorName, seed.slug).toBe(englishByline(authors));
      // The seed files carry no addresses of the statements, and Nida makes none up.
      expect(row.url, seed.slug).toBeNull();
      expect((await getStatement(seed.slug))!.url, seed.slug).toBeNull();
    }

    // The joint statement names both of its authors, not only the first.
    const joint = await getStatement("c4ssa-setf-joint-statement-2023");
    expect(joint!.authors).toEqual([
      { en: "Citizens for a Secure and Safe America (C4SSA)", ar: "مواطنون من أجل أمريكا آمنة ومأمونة (C4SSA)" },
      { en: "Syrian Emergency Task Force (SETF)", ar: "المنظمة السورية للطوارئ (SETF)" },
    ]);

    // A reader can find every quote a campaign shows in the statement it is attributed to.
    for (const campaign of await seededCampaigns()) {
      for (const demand of campaign.demands) {
        const statement = await db.sourceStatement.findUniqueOrThrow({ where: { id: demand.sourceStatementId! } });
        expect(statement.fullText, `${campaign.slug} #${demand.position}`).toContain(demand.sourceQuote!.replace(/\.$/, ""));
      }
    }
  });

  it("gives an install seeded before statements kept their text the full text and authors, once, and keeps an organiser's edits", async () => {
    await seedDatabase(db);
    const slugsOfStatements = seedStatements.map((statement) => statement.slug);
    // As an install seeded by an earlier version has them: no text, no authors.
    await db.sourceStatement.updateMany({ where: { slug: { in: slugsOfStatements } }, data: { fullText: null } });
    await db.statementAuthor.deleteMany({ where: { statement: { slug: { in: slugsOfStatements } } } });
    const edited = seedStatements[1]!;
    try {
      await seedDatabase(db);
      await seedDatabase(db);
      expect(await db.sourceStatement.count({ where: { slug: { in: slugsOfStatements } } })).toBe(seedStatements.length);
      expect(await db.sourceStatement.count({ where: { slug: { in: slugsOfStatements }, fullText: null } })).toBe(0);
      expect(await db.statementAuthor.count({ where: { statement: { slug: { in: slugsOfStatements } } } })).toBe(seedStatements.reduce((sum, statement) => sum + statement.authors.length, 0));

      // An organiser's text and authors stay as they left them.
      const row = await db.sourceStatement.update({ where: { slug: edited.slug }, data: { fullText: "Entered by an organiser." } });
      await db.statementAuthor.deleteMany({ where: { statementId: row.id, position: { gt: 1 } } });
      await seedDatabase(db);
      const after = await db.sourceStatement.findUniqueOrThrow({ where: { slug: edited.slug }, include: { authors: true } });
      expect(after.fullText).toBe("Entered by an organiser.");
      expect(after.authors).toHaveLength(1);
    } finally {
      const row = await db.sourceStatement.update({ where: { slug: edited.slug }, data: { fullText: null } });
      await db.statementAuthor.deleteMany({ where: { statementId: row.id } });
      await seedDatabase(db);
    }
  });
});
