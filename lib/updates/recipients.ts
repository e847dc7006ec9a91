import { db, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { defaultLocale, isLocale, type Locale } from "../i18n/locales";

// Who an update goes to: one row per supporter with a CONFIRMED signature on the update's
// campaign (or any of the organisation's campaigns) who consented to hear from THIS organisation,
// has not unsubscribed or been erased, and whose address has not bounced or complained about an
// earlier update. Counting and sending both read this one relation, so the number an organiser is
// shown is the number of people the update is queued for. A notice (anyOwner) goes to those who
// consented to hear from any of the campaign's organisations.
export type UpdateScope = { organisationId: string; campaignId: string | null; anyOwner?: boolean };

function recipientsSql(scope: UpdateScope): Prisma.Sql {
  const campaigns = scope.campaignId
    ? Prisma.sql`s.campaign_id = ${scope.campaignId}`
    : Prisma.sql`s.campaign_id IN (SELECT o.campaign_id FROM campaign_owners o WHERE o.organisation_id = ${scope.organisationId})`;
  const consent = scope.anyOwner
    ? Prisma.sql`c.organisation_id IN (SELECT o.organisation_id FROM campaign_owners o WHERE o.campaign_id = s.campaign_id)`
    : Prisma.sql`c.organisation_id = ${scope.organisationId}`;
  return Prisma.sql`
    SELECT sup.id AS supporter_id, sup.locale AS locale
      FROM signatures s
      JOIN signature_consents c ON c.signature_id = s.id AND ${consent}
      JOIN supporters sup ON sup.id = s.supporter_id
     WHERE s.state = 'CONFIRMED' AND ${campaigns}
       AND sup.unsubscribed_at IS NULL AND sup.erased_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM update_recipients b
                        WHERE b.supporter_id = sup.id AND (b.bounced_at IS NOT NULL OR b.complained_at IS NOT NULL))
     GROUP BY sup.id, sup.locale`;
}

// How many recipients get the update in each language: `languages.ar` read it in Arabic.
export type RecipientCount = { total: number; languages: Partial<Record<Locale, number>> };

// The language each recipient reads the update in, from their own (lib/updates/update-mail.ts
// readingLocale; a notice is in every reader's own).
export type ReadingLocale = (supporterLocale: Locale) => Locale;

function byLocaleSql(relation: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT r.locale::text AS locale, count(*)::int AS count FROM (${relation}) r GROUP BY r.locale`;
}

function tally(rows: { locale: string; count: number }[], readIn: ReadingLocale): RecipientCount {
  const result: RecipientCount = { total: 0, languages: {} };
  for (const row of rows) {
    const locale = readIn(isLocale(row.locale) ? row.locale : defaultLocale);
    result.total += row.count;
    result.languages[locale] = (result.languages[locale] ?? 0) + row.count;
  }
  return result;
}

// "This will go to 12,408 supporters: 9,311 in Arabic and 3,097 in English."
export async function countRecipients(client: Tx | typeof db, scope: UpdateScope & { readIn: ReadingLocale }): Promise<RecipientCount> {
  return tally(await client.$queryRaw<{ locale: string; count: number }[]>(byLocaleSql(recipientsSql(scope))), scope.readIn);
}

// Fixes an update's recipients in one statement, however many there are; the unique (update,
// supporter) pair makes a second call (a retry, another server) add nobody twice. Rows go in in
// supporter order, each keyed by the update and its place in that order, so every index grows at
// its right-hand end: a million recipients cost half the time random keys do. The key says nothing
// of the supporter, so an erased supporter's row (kept for the update's figures) leads nowhere.
export async function insertRecipients(tx: Tx, options: UpdateScope & { updateId: string; readIn: ReadingLocale }): Promise<RecipientCount> {
  await tx.$executeRaw`
    INSERT INTO update_recipients (id, update_id, supporter_id, locale, created_at)
    SELECT ${options.updateId} || ':' || lpad((row_number() OVER (ORDER BY r.supporter_id))::text, 10, '0'),
           ${options.updateId}, r.supporter_id, r.locale, now() AT TIME ZONE 'UTC'
      FROM (${recipientsSql(options)}) r
     ORDER BY r.supporter_id
    ON CONFLICT (update_id, supporter_id) DO NOTHING`;
  const queued = Prisma.sql`SELECT supporter_id, locale FROM update_recipients WHERE update_id = ${options.updateId}`;
  return tally(await tx.$queryRaw<{ locale: string; count: number }[]>(byLocaleSql(queued)), options.readIn);
}
