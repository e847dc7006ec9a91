import { readFileSync } from "node:fs";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { storedTranslations } from "../lib/i18n/translations";
import { campaignLetters, campaigns, decisionMakers, decisionMakersInArabic, letterDecisionMakers, organisations, statements, type SeedStatement } from "./seed-data";

export type SeedReport = { campaignsCreated: string[] };

// Creates whatever of the seed content is missing and leaves existing rows alone, so it is safe
// on every start and never undoes an organiser's edits.
export async function seedDatabase(prisma: PrismaClient): Promise<SeedReport> {
  const organisationIds = new Map<string, string>();
  for (const organisation of organisations) {
    const row = await prisma.organisation.upsert({
      where: { slug: organisation.slug },
      create: {
        slug: organisation.slug,
        name: storedTranslations({ en: organisation.name, ar: organisation.nameAr }),
        description: storedTranslations({ en: organisation.description, ar: organisation.descriptionAr }),
        website: organisation.website,
        contactEmail: organisation.contactEmail,
        senderName: organisation.senderName,
      },
      update: {},
      select: { id: true },
    });
    organisationIds.set(organisation.slug, row.id);
  }

  const statementIds = new Map<string, string>();
  for (const statement of statements) {
    const row = await prisma.sourceStatement.upsert({
      where: { slug: statement.slug },
      create: {
        slug: statement.slug,
        authorOrganisationId: statement.authorOrganisationSlug ? organisationIds.get(statement.authorOrganisationSlug) : undefined,
        authorName: statement.authorName,
        title: storedTranslations({ en: statement.title, ar: statement.titleAr }),
        publishedOn: new Date(`${statement.publishedOn}T00:00:00Z`),
        datePrecision: statement.datePrecision,
        language: statement.language,
        summary: storedTranslations({ en: statement.summaryEn, ar: statement.summaryAr }),
        fullText: seedStatementText(statement),
        url: statement.url,
      },
      update: {},
      select: { id: true },
    });
    statementIds.set(statement.slug, row.id);
    // Installs seeded before statements kept their text and authors get them now; a statement
    // an organiser has edited has both already and is left as it is.
    await prisma.sourceStatement.updateMany({ where: { id: row.id, fullText: null }, data: { fullText: seedStatementText(statement) } });
    if ((await prisma.statementAuthor.count({ where: { statementId: row.id } })) === 0) {
      await prisma.statementAuthor.createMany({
        data: statement.authors.map((author, index) => ({ statementId: row.id, position: index + 1, name: storedTranslations({ en: author.name, ar: author.nameAr }) })),
        skipDuplicates: true,
      });
    }
  }

  // Directory entries shared by every organisation (organisation_id NULL).
  const decisionMakerIds = new Map<string, string>();
  for (const person of [...decisionMakers, ...letterDecisionMakers]) {
    const existing = await prisma.decisionMaker.findFirst({ where: { organisationId: null, email: person.email }, select: { id: true } });
    const row =
      existing ??
      (await prisma.decisionMaker.create({
        data: {
          name: storedTranslations({ en: person.name, ar: decisionMakersInArabic[person.key]?.name }),
          title: storedTranslations({ en: person.title, ar: decisionMakersInArabic[person.key]?.title }),
          institution: storedTranslations({ en: person.institution, ar: decisionMakersInArabic[person.key]?.institution }),
          country: person.country,
          region: (person as { region?: string }).region,
          email: person.email,
          contactUrl: person.contactUrl,
          preferredLocale: person.preferredLocale,
          riskToSigners: person.riskToSigners ?? false,
        },
        select: { id: true },
      }));
    // A safety mark reaches entries created before it existed; the seed only ever sets it.
    if (existing && person.riskToSigners) await prisma.decisionMaker.updateMany({ where: { id: existing.id, riskToSigners: false }, data: { riskToSigners: true } });
    decisionMakerIds.set(person.key, row.id);
  }

  const created: string[] = [];
  for (const campaign of campaigns) {
    const exists = await prisma.campaign.findUnique({ where: { slug: campaign.slug }, select: { id: true } });
    if (exists) continue;
    const statementId = statementIds.get(campaign.statementSlug);
    await prisma.campaign.create({
      data: {
        slug: campaign.slug,
        status: "OPEN",
        sourceStatementId: statementId,
        goals: campaign.goals,
        opensAt: new Date("2026-01-01T00:00:00Z"),
        primaryLocale: "en",
        title: storedTranslations({ en: campaign.titleEn, ar: campaign.titleAr }),
        summary: storedTranslations({ en: campaign.summaryEn, ar: campaign.summaryAr }),
        body: storedTranslations({ en: campaign.bodyEn, ar: campaign.bodyAr }),
        // Nothing goes to the decision-makers until an organiser chooses how often.
        digestCadence: null,
        milestoneDigests: false,
        owners: {
          create: campaign.ownerSlugs.map((slug, index) => ({ organisationId: required(organisationIds, slug), lead: index === 0 })),
        },
        demands: {
          create: campaign.demands.map((demand, index) => ({
            position: index + 1,
            kind: demand.kind,
            text: storedTranslations({ en: demand.textEn, ar: demand.textAr }),
            sourceQuote: demand.sourceQuote,
            sourceStatementId: statementId,
          })),
        },
        targets: { create: campaign.targetKeys.map((key) => ({ decisionMakerId: required(decisionMakerIds, key) })) },
      },
    });
    created.push(campaign.slug);
  }

  // Letter templates: given to seed campaigns that have none yet; an organiser's own is kept.
  for (const [slug, letter] of Object.entries(campaignLetters)) {
    await prisma.campaign.updateMany({
      where: { slug, letterBody: { equals: {} } },
      data: {
        letterSubjects: { en: letter.subjectsEn, ar: letter.subjectsAr },
        letterBody: storedTranslations({ en: letter.bodyEn, ar: letter.bodyAr }),
      },
    });
  }
  return { campaignsCreated: created };
}

function required(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`Seed data refers to unknown key "${key}"`);
  return value;
}

// The statement as published, from prisma/seed-statements/.
function seedStatementText(statement: SeedStatement): string {
  return readFileSync(new URL(`./seed-statements/${statement.fullTextFile}`, import.meta.url), "utf8").trimEnd();
}
