import { getTranslations } from "next-intl/server";
import { Markdown } from "@/app/components/markdown";
import { formatDate } from "@/lib/i18n/format";
import { direction, localized, type Locale } from "@/lib/i18n/locales";
import { listPublishedUpdates } from "@/lib/updates/list-updates";

// Sent updates the organisers chose to show on the campaign page, newest first, in the page's
// language; an update without that language is shown in the one it was written in, marked as such.
export async function UpdatesTimeline({ campaignId, locale }: { campaignId: string; locale: Locale }) {
  const updates = await listPublishedUpdates({ campaignId });
  if (updates.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "UpdatesTimeline" });
  return (
    <section aria-labelledby="updates-heading" className="updates-timeline">
      <h2 id="updates-heading">{t("heading")}</h2>
      <ol>
        {updates.map((update) => {
          const subject = localized(locale, update.subject, update.primaryLocale);
          const body = localized(locale, update.body, update.primaryLocale);
          const fallback = subject.locale !== locale;
          return (
            <li key={update.id} data-testid={`public-update-${update.id}`}>
              <article {...(fallback ? { lang: subject.locale, dir: direction(subject.locale) } : {})}>
                <h3>{subject.text}</h3>
                <p className="meta" lang={locale} dir={direction(locale)}>
                  {t("postedBy", { organisation: localized(locale, update.organisation).text, date: formatDate(update.sentAt, locale) })}
                </p>
                <Markdown>{body.text}</Markdown>
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
