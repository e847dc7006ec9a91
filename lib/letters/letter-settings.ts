import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { MemberRole } from "../generated/prisma/enums";
import { locales, localized, type Locale } from "../i18n/locales";
import { readTranslatedLists, readTranslations, type Translations } from "../i18n/translations";
import { startOfUtcDay } from "./sent-letters";
import { letterTemplateFieldErrors, letterTemplateSchema, type LetterTemplateInput } from "./schema";

export type LetterSettings = {
  campaign: { id: string; slug: string; title: Translations; primaryLocale: Locale };
  role: MemberRole;
  template: LetterTemplateInput;
  // Per decision-maker who received letters of this campaign: all of them, and those of today (UTC).
  received: { decisionMakerId: string; name: Translations; institution: Translations; total: number; today: number }[];
};

// The campaign's letter and how many letters each decision-maker has received: any member reads it.
export async function getLetterSettings(options: { actor: Actor; campaignId: string; now?: Date }): Promise<LetterSettings> {
  const { role } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: options.campaignId },
    select: { id: true, slug: true, title: true, primaryLocale: true, letterSubjects: true, letterBody: true, letterDailyCap: true },
  });
  const since = startOfUtcDay(options.now ?? new Date());
  const [totals, today] = await Promise.all([
    db.letter.groupBy({ by: ["decisionMakerId"], where: { campaignId: campaign.id }, _count: { _all: true } }),
    db.letter.groupBy({ by: ["decisionMakerId"], where: { campaignId: campaign.id, createdAt: { gte: since } }, _count: { _all: true } }),
  ]);
  const people = await db.decisionMaker.findMany({
    where: { id: { in: totals.map((row) => row.decisionMakerId) } },
    select: { id: true, name: true, institution: true },
  });
  const todayBy = new Map(today.map((row) => [row.decisionMakerId, row._count._all]));
  // Ties in a fixed order: by name, in English where there is one.
  const collator = new Intl.Collator("en");
  const received = people
    .map((person) => ({
      decisionMakerId: person.id,
      name: readTranslations(person.name),
      institution: readTranslations(person.institution),
      total: totals.find((row) => row.decisionMakerId === person.id)?._count._all ?? 0,
      today: todayBy.get(person.id) ?? 0,
    }))
    .sort((a, b) => b.total - a.total || collator.compare(localized("en", a.name).text, localized("en", b.name).text));
  return {
    campaign: { id: campaign.id, slug: campaign.slug, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale },
    role,
    template: { letterSubjects: readTranslatedLists(campaign.letterSubjects), letterBody: readTranslations(campaign.letterBody), dailyCap: campaign.letterDailyCap },
    received,
  };
}

// Subject lines arrive as text, one per line.
function subjectLines(value: unknown): string[] {
  return typeof value === "string" ? value.split(/\r?\n/) : [];
}

// A field's values per language ({ "tr": "…" }), of the enabled languages only.
function perLanguage(value: unknown): Partial<Record<Locale, unknown>> {
  if (typeof value !== "object" || value === null) return {};
  const values = value as Record<string, unknown>;
  return Object.fromEntries(locales.filter((locale) => values[locale] !== undefined).map((locale) => [locale, values[locale]]));
}

// Owners and organisers change the letter; the change is audited. `input` carries each language's
// subject lines (text, one per line) and letter: { letterSubjects: { ar: "…" }, letterBody: { ar: "…" }, dailyCap }.
export async function updateLetterTemplate(options: { actor: Actor; campaignId: string; input: Record<string, unknown> }): Promise<LetterTemplateInput> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const { primaryLocale } = await db.campaign.findUniqueOrThrow({ where: { id: options.campaignId }, select: { primaryLocale: true } });
  const subjects = Object.entries(perLanguage(options.input.letterSubjects)).map(([locale, lines]) => [locale, subjectLines(lines)]);
  const parsed = letterTemplateSchema(primaryLocale).safeParse({
    letterSubjects: Object.fromEntries(subjects),
    letterBody: perLanguage(options.input.letterBody),
    dailyCap: options.input.dailyCap === "" ? undefined : options.input.dailyCap,
  });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: letterTemplateFieldErrors(parsed.error) });
  const value = parsed.data;
  await db.$transaction(async (tx) => {
    await tx.campaign.update({
      where: { id: options.campaignId },
      data: {
        letterSubjects: value.letterSubjects,
        letterBody: value.letterBody,
        letterDailyCap: value.dailyCap,
      },
    });
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "campaign.letter.update",
      campaignId: options.campaignId,
      details: { subjects: Object.fromEntries(Object.entries(value.letterSubjects).map(([locale, lines]) => [locale, lines.length])), dailyCap: value.dailyCap },
    });
  });
  return value;
}
