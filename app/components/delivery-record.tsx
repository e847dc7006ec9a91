import { getTranslations } from "next-intl/server";
import { getDeliveryRecord } from "@/lib/deliveries/delivery-record";
import { formatDate } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";

// The public record: to whom the signatures were delivered and when, and what they answered
// (responses the organisers published). Institution and title only, never an e-mail address.
export async function DeliveryRecord({ campaignId, locale }: { campaignId: string; locale: Locale }) {
  const record = await getDeliveryRecord(campaignId);
  if (record.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "DeliveryRecord" });
  return (
    <section aria-labelledby="delivery-record-heading" className="delivery-record">
      <h2 id="delivery-record-heading">{t("heading")}</h2>
      <p className="hint">{t("intro")}</p>
      <ul>
        {record.map((entry) => {
          const institution = localized(locale, entry.institution);
          const title = localized(locale, entry.title);
          return (
            <li key={entry.decisionMakerId}>
              <p>
                <strong lang={institution.locale} dir={institution.locale === locale ? undefined : "ltr"}>
                  {institution.text}
                </strong>
                {title.text ? (
                  <>
                    ,{" "}
                    <span lang={title.locale} dir={title.locale === locale ? undefined : "ltr"}>
                      {title.text}
                    </span>
                  </>
                ) : null}
              </p>
              <p className="meta">
                {t("digests", { count: entry.digests, date: formatDate(entry.lastAt, locale) })}
                {entry.digests > 1 ? ` (${t("firstDelivered", { date: formatDate(entry.firstAt, locale) })})` : null}
              </p>
              {entry.responses.length === 0 ? (
                <p className="meta">{t("noResponse")}</p>
              ) : (
                entry.responses.map((response, index) => {
                  const summary = localized(locale, { en: response.summary, ar: response.summaryAr });
                  return (
                    <div key={index} className="delivery-response">
                      <p>
                        <strong>{t("responded", { date: formatDate(response.respondedOn, locale) })}</strong>
                      </p>
                      <p dir="auto">{summary.text}</p>
                      {response.url ? (
                        <p>
                          <a href={response.url} rel="noopener noreferrer nofollow">
                            {t("readResponse")}
                          </a>
                        </p>
                      ) : null}
                    </div>
                  );
                })
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
