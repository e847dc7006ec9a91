import { db } from "../db";
import { defaultLocale, localized, locales, type Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import type { SupporterLinks } from "../privacy/supporter-links";
import { publicUrl } from "../public-urls";
import type { SupporterUpdateProps } from "../../emails/supporter-update";
import { updateSenderName } from "./sender-name";

// What an update's message keeps in the outbox: the update by reference (its text is read when the
// message is sent, so a million messages do not each hold a copy), the reader's language and
// their own links.
export type UpdateMailPayload = { updateId: string; locale: Locale; supporterLinks: SupporterLinks; test?: boolean };

export const updateContentSelect = {
  id: true,
  subject: true,
  body: true,
  organisation: { select: { name: true, senderName: true } },
  campaign: { select: { slug: true, title: true, primaryLocale: true } },
} as const;

// Subject and body as stored (JSON per language), and the campaign the update is about, if one.
type UpdateContent = {
  subject: unknown;
  body: unknown;
  organisation: { name: unknown; senderName?: string | null };
  campaign: { slug: string; title: unknown; primaryLocale: Locale } | null;
};

export type UpdateTexts = { subject: Translations; body: Translations; primary: Locale };

// An update's text in each language it has both a subject and a message in, and the language it
// was written in first: its campaign's, or English for one about all the organisation's campaigns.
export function updateTexts(update: { subject: unknown; body: unknown; campaign: { primaryLocale: Locale } | null }): UpdateTexts {
  const subject = readTranslations(update.subject);
  const body = readTranslations(update.body);
  const result: UpdateTexts = { subject: {}, body: {}, primary: update.campaign?.primaryLocale ?? defaultLocale };
  for (const locale of locales) {
    if (subject[locale] && body[locale]) {
      result.subject[locale] = subject[locale];
      result.body[locale] = body[locale];
    }
  }
  return result;
}

// The language a reader of `wanted` gets an update in: theirs where the update has it, else the
// one it was written in first (else English, else any it has).
export function readingLocale(texts: UpdateTexts, wanted: Locale): Locale {
  return localized(wanted, texts.subject, texts.primary).locale;
}

// The e-mail a reader who asked for `wanted` gets: in their language where the update has it.
export function updateEmailProps(
  update: UpdateContent,
  options: { wanted: Locale; supporterLinks: SupporterLinks; test?: boolean },
): SupporterUpdateProps & { fromName: string } {
  const texts = updateTexts(update);
  const locale = readingLocale(texts, options.wanted);
  const campaign = update.campaign;
  const organisationName = readTranslations(update.organisation.name);
  const title = campaign ? localized(locale, readTranslations(campaign.title), campaign.primaryLocale) : null;
  return {
    locale,
    // The e-mail's note says the update is in English: only where it is.
    ...(options.wanted === "ar" && locale === "en" ? { arabicMissing: true } : {}),
    organisationName: localized(locale, organisationName).text,
    fromName: updateSenderName({ name: organisationName, senderName: update.organisation.senderName }, locale),
    subject: texts.subject[locale] ?? "",
    body: texts.body[locale] ?? "",
    ...(campaign && title
      ? // The campaign's page in the reader's own language, even where the update is in another.
        { campaignTitle: title.text, campaignTitleLocale: title.locale, campaignUrl: publicUrl.campaign(options.wanted, campaign.slug) }
      : {}),
    ...(options.test ? { test: true } : {}),
    supporterLinks: options.supporterLinks,
  };
}

// Read when the outbox sends the message. Once sending has begun an update's text no longer changes.
export async function loadUpdateEmail(payload: UpdateMailPayload): Promise<SupporterUpdateProps & { fromName: string }> {
  const update = await db.supporterUpdate.findUniqueOrThrow({ where: { id: payload.updateId }, select: updateContentSelect });
  return updateEmailProps(update, { wanted: payload.locale, supporterLinks: payload.supporterLinks, test: payload.test });
}
