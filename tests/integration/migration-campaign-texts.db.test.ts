// Campaigns written in the per-language columns come through the migration to texts kept per
// language with nothing lost: every seed campaign, and a campaign an organiser wrote with a
// letter, a supporter update and a demand not yet translated, read the same in English and Arabic.
import { describe, expect, it } from "vitest";
import { localized } from "../../lib/i18n/locales";
import { readTranslatedLists, readTranslations } from "../../lib/i18n/translations";
import { campaignLetters, campaigns as seedCampaigns } from "../../prisma/seed-data";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { databaseBeforeMigration } from "../fixtures/database-before-migration";

const migration = "20261207160213_campaign_texts_per_language";

type CampaignRow = { slug: string; primary_locale: string; title: unknown; summary: unknown; body: unknown; letter_subjects: unknown; letter_body: unknown };

describe(`migration ${migration}`, () => {
  const { own: opened, migrateToBefore } = databaseBeforeMigration(migration);

  it("keeps every text of the seed and of an organiser's campaign, in English and Arabic", async () => {
    await migrateToBefore();
    const own = opened();
    const sql = (text: string, ...values: unknown[]) => own.prisma.$executeRawUnsafe(text, ...values);

    // The seed campaigns as the columns held them, letters included.
    for (const [index, campaign] of seedCampaigns.entries()) {
      const letter = campaignLetters[campaign.slug];
      await sql(
        `INSERT INTO campaigns (id, slug, status, goals, title_en, title_ar, summary_en, summary_ar, body_en, body_ar,
           letter_subjects_en, letter_subjects_ar, letter_body_en, letter_body_ar, updated_at)
         VALUES ($1, $2, 'OPEN', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())`,
        `seed-${index}`,
        campaign.slug,
        campaign.goals,
        campaign.titleEn,
        campaign.titleAr,
        campaign.summaryEn,
        campaign.summaryAr,
        campaign.bodyEn,
        campaign.bodyAr,
        letter?.subjectsEn ?? [],
        letter?.subjectsAr ?? [],
        letter?.bodyEn ?? "",
        letter?.bodyAr ?? null,
      );
      for (const [position, demand] of campaign.demands.entries()) {
        await sql(`INSERT INTO demands (id, campaign_id, position, kind, text_en, text_ar, source_quote) VALUES ($1, $2, $3, $4::"DemandKind", $5, $6, $7)`, `seed-${index}-${position}`, `seed-${index}`, position, demand.kind, demand.textEn, demand.textAr, demand.sourceQuote);
      }
    }
    // An organiser's draft: no Arabic title yet, an empty summary, a demand in English only, a letter
    // in English only, and an update of the organisation in both languages.
    await sql(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ('o1', 'o1', 'Idlib Relief', now())`);
    await sql(
      `INSERT INTO campaigns (id, slug, status, goals, title_en, title_ar, summary_en, summary_ar, body_en, body_ar, letter_subjects_en, letter_body_en, updated_at)
       VALUES ('c1', 'water-for-atmeh', 'DRAFT', '{100}', 'Water for Atmeh', NULL, '', NULL, 'Camps need **water**.', NULL, '{"Water for Atmeh, please"}', 'Dear minister,', now())`,
    );
    await sql(`INSERT INTO demands (id, campaign_id, position, kind, text_en, text_ar) VALUES ('d1', 'c1', 0, 'HUMANITARIAN_ACCESS', 'Let the water trucks in.', NULL)`);
    await sql(
      `INSERT INTO supporter_updates (id, organisation_id, campaign_id, subject_en, subject_ar, body_en, body_ar, updated_at)
       VALUES ('u1', 'o1', 'c1', 'Trucks arrived', 'وصلت الشاحنات', 'Thank you.', NULL, now())`,
    );

    expect(await applyMigrations(own.migrationAdapter())).toContain(migration);

    const rows = await own.prisma.$queryRawUnsafe<CampaignRow[]>(`SELECT slug, primary_locale::text, title, summary, body, letter_subjects, letter_body FROM campaigns ORDER BY id`);
    const bySlug = new Map(rows.map((row) => [row.slug, row]));
    for (const campaign of seedCampaigns) {
      const row = bySlug.get(campaign.slug)!;
      const letter = campaignLetters[campaign.slug];
      expect(row.primary_locale).toBe("en");
      expect(row.title).toEqual({ en: campaign.titleEn, ar: campaign.titleAr });
      expect(row.summary).toEqual({ en: campaign.summaryEn, ar: campaign.summaryAr });
      expect(row.body).toEqual({ en: campaign.bodyEn, ar: campaign.bodyAr });
      expect(readTranslatedLists(row.letter_subjects)).toEqual(letter ? { en: letter.subjectsEn, ar: letter.subjectsAr } : {});
      expect(readTranslations(row.letter_body)).toEqual(letter ? { en: letter.bodyEn, ar: letter.bodyAr } : {});
      // What a reader of each language is shown is what the columns held.
      expect(localized("ar", readTranslations(row.title), "en")).toEqual({ text: campaign.titleAr, locale: "ar" });
      expect(localized("en", readTranslations(row.title), "en")).toEqual({ text: campaign.titleEn, locale: "en" });
    }
    const demands = await own.prisma.$queryRawUnsafe<{ id: string; text: unknown }[]>(`SELECT id, text FROM demands ORDER BY campaign_id, position`);
    for (const [index, campaign] of seedCampaigns.entries()) {
      for (const [position, demand] of campaign.demands.entries()) {
        expect(demands.find((row) => row.id === `seed-${index}-${position}`)?.text).toEqual({ en: demand.textEn, ar: demand.textAr });
      }
    }

    const draft = bySlug.get("water-for-atmeh")!;
    expect(draft).toEqual({
      slug: "water-for-atmeh",
      primary_locale: "en",
      title: { en: "Water for Atmeh" },
      summary: {},
      body: { en: "Camps need **water**." },
      letter_subjects: { en: ["Water for Atmeh, please"] },
      letter_body: { en: "Dear minister," },
    });
    // An Arabic reader is shown the English title, marked as English.
    expect(localized("ar", readTranslations(draft.title), "en")).toEqual({ text: "Water for Atmeh", locale: "en" });
    expect(demands.find((row) => row.id === "d1")?.text).toEqual({ en: "Let the water trucks in." });
    const updates = await own.prisma.$queryRawUnsafe<{ subject: unknown; body: unknown }[]>(`SELECT subject, body FROM supporter_updates`);
    expect(updates).toEqual([{ subject: { en: "Trucks arrived", ar: "وصلت الشاحنات" }, body: { en: "Thank you." } }]);

    // The old columns are gone, so nothing can read a stale copy.
    const columns = await own.prisma.$queryRawUnsafe<{ column_name: string }[]>(
      `SELECT column_name FROM information_schema.columns WHERE table_name IN ('campaigns', 'demands', 'supporter_updates') AND column_name ~ '_(en|ar)$'`,
    );
    expect(columns).toEqual([]);
  }, 120_000);
});
