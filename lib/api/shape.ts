import { confirmedCounts, paperCounts } from "../campaigns/counters";
import { readDb } from "../db";
import { goalProgress } from "../campaigns/goals";
import { campaignPhase, type CampaignPhase } from "../campaigns/lifecycle";
import type { Prisma } from "../generated/prisma/client";
import type { CampaignStatus, DemandKind, DeliveryStatus, DigestKind } from "../generated/prisma/enums";
import { localized, type Locale } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";
import { decisionMakerProfile } from "../decision-makers/profile";
import { apiUrl, inEveryLocale, publicUrl } from "../public-urls";
import { statementAuthors, statementAuthorsSelect } from "../statements/authors";
import type { CampaignSummary } from "./schema";

// Database rows into the API's vocabulary: lower-case enum values, ISO times, every text keyed by
// the languages it has.

export const lower = <T extends CampaignStatus | DemandKind | DigestKind | DeliveryStatus>(value: T) => value.toLowerCase() as Lowercase<T>;

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export const summaryCampaignSelect = {
  id: true,
  slug: true,
  status: true,
  goals: true,
  primaryLocale: true,
  title: true,
  summary: true,
  opensAt: true,
  closesAt: true,
  createdAt: true,
  owners: { where: { lead: true }, select: { organisation: { select: { name: true } } } },
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  status: CampaignStatus;
  goals: number[];
  primaryLocale: Locale;
  title: unknown;
  summary: unknown;
  opensAt: Date | null;
  closesAt: Date | null;
  createdAt: Date;
  owners: { organisation: { name: unknown } }[];
};

function totalsOf(confirmed: number, paper: number, goals: number[]): CampaignSummary["totals"] {
  const progress = goalProgress(confirmed, goals, paper);
  return {
    confirmed,
    paper,
    total: progress.count,
    goals: [...goals].filter((goal) => goal > 0).sort((a, b) => a - b),
    nextGoal: progress.goal,
    percent: progress.percent,
    reachedAllGoals: progress.reachedAll,
  };
}

export async function shapeSummaries(rows: SummaryRow[]): Promise<CampaignSummary[]> {
  // The count is the sum of the campaigns' counter shards: one grouped query for the whole page.
  const ids = rows.map((row) => row.id);
  const [counts, paper] = await Promise.all([confirmedCounts(ids, readDb), paperCounts(ids, readDb)]);
  const now = new Date();
  return rows.map((row) => {
    const lead = row.owners[0]?.organisation;
    return {
      slug: row.slug,
      // Only published campaigns reach here: a draft is never shaped.
      status: campaignPhase(row, now) as Exclude<CampaignPhase, "draft">,
      primaryLocale: row.primaryLocale,
      title: readTranslations(row.title),
      summary: readTranslations(row.summary),
      leadOrganisation: lead ? readTranslations(lead.name) : null,
      opensAt: isoOrNull(row.opensAt),
      closesAt: isoOrNull(row.closesAt),
      createdAt: iso(row.createdAt),
      totals: totalsOf(counts.get(row.id) ?? 0, paper.get(row.id) ?? 0, row.goals),
      links: { self: apiUrl.campaign(row.slug), html: inEveryLocale((locale) => publicUrl.campaign(locale, row.slug)) },
    };
  });
}

export const decisionMakerSelect = { id: true, name: true, title: true, institution: true, country: true } as const;

export function shapeDecisionMaker(row: Prisma.DecisionMakerGetPayload<{ select: typeof decisionMakerSelect }>) {
  const { id, name, title, institution, country } = decisionMakerProfile(row);
  return { id, name, title, institution, country };
}

// The API has no reader: people are listed by their English name (else any), the same order every time.
const englishOrder = new Intl.Collator("en");
export function byEnglishName<Row extends { id: string; name: unknown }>(a: Row, b: Row): number {
  const nameOf = (row: Row) => localized("en", readTranslations(row.name)).text;
  return englishOrder.compare(nameOf(a), nameOf(b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export const statementSelect = { slug: true, title: true, authorName: true, authors: statementAuthorsSelect, publishedOn: true, datePrecision: true, language: true, url: true } as const;

export function shapeStatement(row: Prisma.SourceStatementGetPayload<{ select: typeof statementSelect }> | null) {
  if (!row) return null;
  const precision = row.datePrecision === "month" || row.datePrecision === "year" ? row.datePrecision : "day";
  return {
    slug: row.slug,
    title: readTranslations(row.title),
    authors: statementAuthors(row).map((name) => ({ name })),
    authorName: row.authorName,
    publishedOn: isoDay(row.publishedOn),
    datePrecision: precision,
    language: row.language,
    url: row.url,
    links: inEveryLocale((locale) => publicUrl.statement(locale, row.slug)),
  } as const;
}
