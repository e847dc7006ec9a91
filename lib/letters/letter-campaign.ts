import { isOpen, isPublic } from "../campaigns/lifecycle";
import { db } from "../db";
import type { ContentLocale, Locale } from "../i18n/locales";

type LetterTemplate = { subjects: string[]; body: string };

export type LetterCampaign = {
  id: string;
  slug: string;
  title: { en: string; ar: string | null };
  isOpen: boolean;
  dailyCap: number;
  templates: { en: LetterTemplate | null; ar: LetterTemplate | null };
  // The organisations that run the campaign, lead first: a letter names them and how to reach them.
  organisers: { name: { en: string; ar: string | null }; website: string | null; contactEmail: string | null }[];
};

function template(subjects: string[], body: string | null): LetterTemplate | null {
  return body && body.trim() ? { subjects, body } : null;
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
      titleEn: true,
      titleAr: true,
      letterSubjectsEn: true,
      letterSubjectsAr: true,
      letterBodyEn: true,
      letterBodyAr: true,
      letterDailyCap: true,
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], select: { organisation: { select: { name: true, nameAr: true, website: true, contactEmail: true } } } },
    },
  });
  if (!campaign || !isPublic(campaign)) return null;
  return {
    id: campaign.id,
    slug: campaign.slug,
    title: { en: campaign.titleEn, ar: campaign.titleAr },
    isOpen: isOpen(campaign),
    dailyCap: campaign.letterDailyCap,
    templates: { en: template(campaign.letterSubjectsEn, campaign.letterBodyEn), ar: template(campaign.letterSubjectsAr, campaign.letterBodyAr) },
    organisers: campaign.owners.map(({ organisation }) => ({ name: { en: organisation.name, ar: organisation.nameAr }, website: organisation.website, contactEmail: organisation.contactEmail })),
  };
}

export function hasLetterTemplate(campaign: Pick<LetterCampaign, "templates">): boolean {
  return Boolean(campaign.templates.en || campaign.templates.ar);
}

// The supporter's language when the campaign has a letter in it, otherwise the one it has.
export function letterLocale(campaign: Pick<LetterCampaign, "templates">, locale: Locale): ContentLocale {
  if ((locale === "en" || locale === "ar") && campaign.templates[locale]) return locale;
  return campaign.templates.en ? "en" : "ar";
}

// Every body the campaign offers: a personal paragraph must not be one of them.
export function templateBodies(campaign: Pick<LetterCampaign, "templates">): string[] {
  return [campaign.templates.en?.body, campaign.templates.ar?.body].filter((body): body is string => Boolean(body));
}

// Subject lines take turns, so the letters one office receives do not all read alike. `sequence`
// is how many letters of this campaign the recipient already has.
export function rotateSubject(subjects: readonly string[], sequence: number, fallback: string): string {
  if (subjects.length === 0) return fallback;
  return subjects[((sequence % subjects.length) + subjects.length) % subjects.length]!;
}
