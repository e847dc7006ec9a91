import { isOpen, isPublic } from "../campaigns/lifecycle";
import { db } from "../db";
import { locales, localized, type Locale } from "../i18n/locales";
import { readTranslatedLists, readTranslations, type Translations } from "../i18n/translations";

type LetterTemplate = { subjects: string[]; body: string };

export type LetterCampaign = {
  id: string;
  slug: string;
  title: Translations;
  // The language the campaign is written in: its letter is offered in it when not in the reader's.
  primaryLocale: Locale;
  isOpen: boolean;
  dailyCap: number;
  // The letter in each language it is written in.
  templates: Partial<Record<Locale, LetterTemplate>>;
  // The organisations that run the campaign, lead first: a letter names them and how to reach them.
  organisers: { name: Translations; website: string | null; contactEmail: string | null }[];
};

// The languages with a letter to send: subjects alone are not one.
function letterTemplates(subjectsJson: unknown, bodyJson: unknown): Partial<Record<Locale, LetterTemplate>> {
  const subjects = readTranslatedLists(subjectsJson);
  const bodies = readTranslations(bodyJson);
  const templates: Partial<Record<Locale, LetterTemplate>> = {};
  for (const locale of locales) {
    const body = bodies[locale];
    if (body?.trim()) templates[locale] = { subjects: subjects[locale] ?? [], body };
  }
  return templates;
}

// A public campaign with what its letters are made from; drafts are not public.
export async function getLetterCampaign(slug: string): Promise<LetterCampaign | null> {
  const campaign = await db.campaign.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      status: true,
      opensAt: true,
      closesAt: true,
      title: true,
      primaryLocale: true,
      letterSubjects: true,
      letterBody: true,
      letterDailyCap: true,
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], select: { organisation: { select: { name: true, website: true, contactEmail: true } } } },
    },
  });
  if (!campaign || !isPublic(campaign)) return null;
  return {
    id: campaign.id,
    slug: campaign.slug,
    title: readTranslations(campaign.title),
    primaryLocale: campaign.primaryLocale,
    isOpen: isOpen(campaign),
    dailyCap: campaign.letterDailyCap,
    templates: letterTemplates(campaign.letterSubjects, campaign.letterBody),
    organisers: campaign.owners.map(({ organisation }) => ({ name: readTranslations(organisation.name), website: organisation.website, contactEmail: organisation.contactEmail })),
  };
}

export function hasLetterTemplate(campaign: Pick<LetterCampaign, "templates">): boolean {
  return templateBodies(campaign).length > 0;
}

// The supporter's language when the campaign has a letter in it, otherwise the campaign's own
// (then English, then any it has).
export function letterLocale(campaign: Pick<LetterCampaign, "templates" | "primaryLocale">, locale: Locale): Locale {
  const bodies = Object.fromEntries(locales.map((language) => [language, campaign.templates[language]?.body]));
  return localized(locale, bodies, campaign.primaryLocale).locale;
}

// Every body the campaign offers: a personal paragraph must not be one of them.
export function templateBodies(campaign: Pick<LetterCampaign, "templates">): string[] {
  return locales.flatMap((locale) => campaign.templates[locale]?.body ?? []);
}

// Subject lines take turns, so the letters one office receives do not all read alike. `sequence`
// is how many letters of this campaign the recipient already has.
export function rotateSubject(subjects: readonly string[], sequence: number, fallback: string): string {
  if (subjects.length === 0) return fallback;
  return subjects[((sequence % subjects.length) + subjects.length) % subjects.length]!;
}
