import { db } from "../db";
import type { Locale } from "../i18n/locales";
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
  subjectEn: true,
  subjectAr: true,
  bodyEn: true,
  bodyAr: true,
  organisation: { select: { name: true, nameAr: true, senderName: true } },
  campaign: { select: { slug: true, titleEn: true, titleAr: true } },
} as const;

type UpdateContent = {
  subjectEn: string;
  subjectAr: string | null;
  bodyEn: string;
  bodyAr: string | null;
  organisation: { name: string; nameAr: string | null; senderName?: string | null };
  campaign: { slug: string; titleEn: string; titleAr: string | null } | null;
};

export function hasArabic(update: { subjectAr: string | null; bodyAr: string | null }): boolean {
  return Boolean(update.subjectAr?.trim() && update.bodyAr?.trim());
}

// The e-mail a reader who asked for `wanted` gets: in Arabic only where the update has it.
export function updateEmailProps(
  update: UpdateContent,
  options: { wanted: Locale; supporterLinks: SupporterLinks; test?: boolean },
): SupporterUpdateProps & { fromName: string } {
  const locale: Locale = options.wanted === "ar" && hasArabic(update) ? "ar" : "en";
  const campaign = update.campaign;
  return {
    locale,
    ...(options.wanted === "ar" && locale === "en" ? { arabicMissing: true } : {}),
    organisationName: (locale === "ar" ? update.organisation.nameAr : null) ?? update.organisation.name,
    fromName: updateSenderName(update.organisation, locale),
    subject: locale === "ar" ? update.subjectAr! : update.subjectEn,
    body: locale === "ar" ? update.bodyAr! : update.bodyEn,
    ...(campaign
      ? // The campaign's page in the reader's own language, even where the update is only in English.
        { campaignTitle: (locale === "ar" ? campaign.titleAr : null) ?? campaign.titleEn, campaignUrl: publicUrl.campaign(options.wanted, campaign.slug) }
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
