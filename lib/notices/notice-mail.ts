import type { CampaignNoticeProps, NoticeItem } from "../../emails/campaign-notice";
import { db } from "../db";
import { localized, type Locale } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";
import type { SupporterLinks } from "../privacy/supporter-links";
import { publicUrl } from "../public-urls";
import { updateSenderName } from "../updates/sender-name";

// What a notice's message keeps in the outbox: the notice by reference (its events are read when
// the message is sent), the reader's language and their own links.
export type NoticeMailPayload = { noticeId: string; locale: Locale; supporterLinks: SupporterLinks };

// Read when the outbox sends the message: the day's events in the order they happened, each
// addressee by institution (their name where it is the same), in the reader's language where the
// directory has it. An answer unpublished since the notice closed is left out.
export async function loadNoticeEmail(payload: NoticeMailPayload): Promise<CampaignNoticeProps & { fromName: string }> {
  const notice = await db.supporterUpdate.findUniqueOrThrow({
    where: { id: payload.noticeId },
    select: {
      organisation: { select: { name: true, senderName: true } },
      campaign: { select: { slug: true, title: true, primaryLocale: true } },
      noticeEvents: {
        where: { OR: [{ kind: "DELIVERED" }, { response: { published: true } }] },
        orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
        select: {
          kind: true,
          decisionMaker: { select: { institution: true } },
          response: { select: { summary: true } },
        },
      },
    },
  });
  const locale = payload.locale;
  const campaign = notice.campaign!;
  const title = localized(locale, readTranslations(campaign.title), campaign.primaryLocale);
  // The note names English: a title shown in the campaign's own language (Arabic, say) is not an English part.
  // The same for an institution or an answer shown in another language than the reader's.
  const inEnglish = (shown: { locale: Locale }) => shown.locale !== locale && shown.locale === "en";
  let englishParts = inEnglish(title);
  const items = notice.noticeEvents.map((event): NoticeItem => {
    const addressee = localized(locale, readTranslations(event.decisionMaker.institution));
    if (inEnglish(addressee)) englishParts = true;
    if (event.kind === "DELIVERED" || !event.response) return { kind: "delivered", addressee: addressee.text };
    const summary = localized(locale, readTranslations(event.response.summary));
    if (inEnglish(summary)) englishParts = true;
    return { kind: "answered", addressee: addressee.text, summary: summary.text };
  });
  const organisationName = readTranslations(notice.organisation.name);
  return {
    locale,
    ...(englishParts ? { englishParts: true } : {}),
    organisationName: localized(locale, organisationName).text,
    fromName: updateSenderName({ name: organisationName, senderName: notice.organisation.senderName }, locale),
    campaignTitle: title.text,
    campaignTitleLocale: title.locale,
    items,
    recordUrl: publicUrl.deliveryRecord(locale, campaign.slug),
    supporterLinks: payload.supporterLinks,
  };
}
