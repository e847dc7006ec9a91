import { confirmedCounts, paperCounts } from "../campaigns/counters";
import { readDb } from "../db";
import { goalProgress } from "../campaigns/goals";
import { campaignPhase, type CampaignPhase } from "../campaigns/lifecycle";
import type { Prisma } from "../generated/prisma/client";
import type { CampaignStatus, DemandKind, DeliveryStatus, DigestKind } from "../generated/prisma/enums";
import type { DecisionMakerProfile } from "../decision-makers/profile";
import type { Locale } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";
import { apiUrl, inEveryLocale, publicUrl } from "../public-urls";
import { statementAuthors, statementAuthorsSelect } from "../statements/authors";
import type { CampaignSummary } from "./schema";

// Database rows into the API's vocabulary: lower-case enum values, ISO times, a campaign's texts in
// the languages it has, other texts as {en, ar} pairs.

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
  owners: { where: { lead: true }, select: { organisation: { select: { name: true, nameAr: true } } } },
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
  owners: { organisation: { name: string; nameAr: string | null } }[];
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
      leadOrganisation: lead ? { en: lead.name, ar: lead.nameAr } : null,
      opensAt: isoOrNull(row.opensAt),
      closesAt: isoOrNull(row.closesAt),
      createdAt: iso(row.createdAt),
      totals: totalsOf(counts.get(row.id) ?? 0, paper.get(row.id) ?? 0, row.goals),
      links: { self: apiUrl.campaign(row.slug), html: inEveryLocale((locale) => publicUrl.campaign(locale, row.slug)) },
    };
  });
}

export const decisionMakerSelect = { id: true, name: true, title: true, titleAr: true, institution: true, institutionAr: true, country: true } as const;

export function shapeDecisionMaker(row: Omit<DecisionMakerProfile, "region">) {
  return {
    id: row.id,
    name: row.name,
    title: { en: row.title, ar: row.titleAr },
    institution: { en: row.institution, ar: row.institutionAr },
    country: row.country,
  };
}

export const statementSelect = { slug: true, title: true, titleAr: true, authorName: true, authors: statementAuthorsSelect, publishedOn: true, datePrecision: true, language: true, url: true } as const;

export function shapeStatement(row: Prisma.SourceStatementGetPayload<{ select: typeof statementSelect }> | null) {
  if (!row) return null;
  const precision = row.datePrecision === "month" || row.datePrecision === "year" ? row.datePrecision : "day";
  return {
    slug: row.slug,
    title: { en: row.title, ar: row.titleAr },
    authors: statementAuthors(row).map((name) => ({ name })),
    authorName: row.authorName,
    publishedOn: isoDay(row.publishedOn),
    datePrecision: precision,
    language: row.language,
    url: row.url,
    links: inEveryLocale((locale) => publicUrl.statement(locale, row.slug)),
  } as const;
}
