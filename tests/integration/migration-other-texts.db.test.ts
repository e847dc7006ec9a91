// Organisations, statements, their authors, decision-makers and their answers written in the
// per-language columns come through the migration to texts kept per language with nothing lost:
// every one of the seed's, and an organiser's entries with an English text only.
import { describe, expect, it } from "vitest";
import { localized } from "../../lib/i18n/locales";
import { readTranslations } from "../../lib/i18n/translations";
import { decisionMakers, organisations, statements } from "../../prisma/seed-data";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { databaseBeforeMigration } from "../fixtures/database-before-migration";

const migration = "20261207172236_other_texts_per_language";

describe(`migration ${migration}`, () => {
  const { own: opened, migrateToBefore } = databaseBeforeMigration(migration);

  it("keeps every name, title, summary and description in English and Arabic", async () => {
    await migrateToBefore();
    const own = opened();
    const sql = (text: string, ...values: unknown[]) => own.prisma.$executeRawUnsafe(text, ...values);

    for (const organisation of organisations) {
      await sql(
        `INSERT INTO organisations (id, slug, name, name_ar, description, description_ar, updated_at) VALUES ($1, $1, $2, $3, $4, $5, now())`,
        organisation.slug,
        organisation.name,
        organisation.nameAr,
        organisation.description,
        organisation.descriptionAr,
      );
    }
    // An organisation that gave only an English name and no description yet.
    await sql(`INSERT INTO organisations (id, slug, name, name_ar, description, description_ar, updated_at) VALUES ('o-new', 'o-new', 'Idlib Relief', NULL, NULL, '', now())`);
    for (const statement of statements) {
      await sql(
        `INSERT INTO source_statements (id, slug, author_name, title, title_ar, published_on, language, summary_en, summary_ar, updated_at)
         VALUES ($1, $1, $2, $3, $4, '2026-01-01', $5::"Locale", $6, $7, now())`,
        statement.slug,
        statement.authorName,
        statement.title,
        statement.titleAr,
        statement.language,
        statement.summaryEn,
        statement.summaryAr,
      );
      for (const [index, author] of statement.authors.entries()) {
        await sql(`INSERT INTO statement_authors (statement_id, position, name, name_ar) VALUES ($1, $2, $3, $4)`, statement.slug, index + 1, author.name, author.nameAr);
      }
    }
    for (const person of decisionMakers) {
      await sql(
        `INSERT INTO decision_makers (id, name, title, title_ar, institution, institution_ar, country, email, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
        person.key,
        person.name,
        person.title,
        null,
        person.institution,
        null,
        person.country,
        person.email,
      );
    }
    // An organiser's own entry, in both languages, with no office.
    await sql(
      `INSERT INTO decision_makers (id, organisation_id, name, title, title_ar, institution, institution_ar, country, email, updated_at)
       VALUES ('dm-own', 'o-new', 'Layla Haddad', NULL, NULL, 'Idlib Council', 'مجلس إدلب', 'SY', 'layla@example.org', now())`,
    );
    await sql(`INSERT INTO campaigns (id, slug, title, summary, updated_at) VALUES ('c1', 'c1', '{"en": "C"}', '{"en": "S"}', now())`);
    await sql(
      `INSERT INTO decision_maker_responses (id, campaign_id, decision_maker_id, responded_on, summary, summary_ar, updated_at) VALUES
        ('r1', 'c1', 'dm-own', '2026-12-01', 'We will raise it.', 'سنطرح الأمر.', now()),
        ('r2', 'c1', 'dm-own', '2026-12-02', 'Noted.', NULL, now()),
        ('r3', 'c1', 'dm-own', '2026-12-03', 'تلقينا العريضة، OCHA', NULL, now())`,
    );

    expect(await applyMigrations(own.migrationAdapter())).toContain(migration);

    const organisationRows = await own.prisma.$queryRawUnsafe<{ id: string; name: unknown; description: unknown }[]>(`SELECT id, name, description FROM organisations`);
    const organisationsById = new Map(organisationRows.map((row) => [row.id, row]));
    for (const organisation of organisations) {
      expect(organisationsById.get(organisation.slug)).toMatchObject({
        name: { en: organisation.name, ar: organisation.nameAr },
        description: { en: organisation.description, ar: organisation.descriptionAr },
      });
    }
    expect(organisationsById.get("o-new")).toEqual({ id: "o-new", name: { en: "Idlib Relief" }, description: {} });

    const statementRows = await own.prisma.$queryRawUnsafe<{ id: string; title: unknown; summary: unknown }[]>(`SELECT id, title, summary FROM source_statements`);
    const authorRows = await own.prisma.$queryRawUnsafe<{ statement_id: string; position: number; name: unknown }[]>(`SELECT statement_id, position, name FROM statement_authors ORDER BY statement_id, position`);
    for (const statement of statements) {
      expect(statementRows.find((row) => row.id === statement.slug)).toMatchObject({
        title: { en: statement.title, ar: statement.titleAr },
        summary: { en: statement.summaryEn, ar: statement.summaryAr },
      });
      expect(authorRows.filter((row) => row.statement_id === statement.slug).map((row) => row.name)).toEqual(statement.authors.map((author) => ({ en: author.name, ar: author.nameAr })));
    }

    const people = await own.prisma.$queryRawUnsafe<{ id: string; name: unknown; title: unknown; institution: unknown }[]>(`SELECT id, name, title, institution FROM decision_makers`);
    for (const person of decisionMakers) {
      expect(people.find((row) => row.id === person.key)).toEqual({ id: person.key, name: { en: person.name }, title: person.title ? { en: person.title } : {}, institution: { en: person.institution } });
    }
    const ownEntry = people.find((row) => row.id === "dm-own")!;
    expect(ownEntry).toEqual({ id: "dm-own", name: { en: "Layla Haddad" }, title: {}, institution: { en: "Idlib Council", ar: "مجلس إدلب" } });
    // What an Arabic reader is shown: the Arabic where there was one, the English marked as such where not.
    expect(localized("ar", readTranslations(ownEntry.institution))).toEqual({ text: "مجلس إدلب", locale: "ar" });
    expect(localized("ar", readTranslations(ownEntry.name))).toEqual({ text: "Layla Haddad", locale: "en" });

    const responses = await own.prisma.$queryRawUnsafe<{ id: string; summary: unknown }[]>(`SELECT id, summary FROM decision_maker_responses ORDER BY id`);
    expect(responses).toEqual([
      { id: "r1", summary: { en: "We will raise it.", ar: "سنطرح الأمر." } },
      { id: "r2", summary: { en: "Noted." } },
      // The form had one field: a summary typed there in Arabic is Arabic.
      { id: "r3", summary: { ar: "تلقينا العريضة، OCHA" } },
    ]);

    const columns = await own.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_name IN ('organisations', 'source_statements', 'statement_authors', 'decision_makers', 'decision_maker_responses') AND column_name ~ '_(en|ar)$'`,
    );
    expect(columns).toEqual([]);
  }, 120_000);
});
