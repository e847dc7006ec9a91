import { getTranslations } from "next-intl/server";
import { getAddresseeRecord } from "@/lib/deliveries/delivery-record";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { direction, localized, type Locale } from "@/lib/i18n/locales";
import { getCampaignResponses, type CampaignResponses } from "@/lib/response-thresholds/response-states";

// Who the petition is addressed to, each once, and beside each what was actually sent to them
// (digests the mail provider accepted, and what it reported of them) and what they answered
// (responses the organisers published). Never an e-mail address.
export async function DeliveryRecord({ campaignId, locale }: { campaignId: string; locale: Locale }) {
  const [record, due] = await Promise.all([getAddresseeRecord(campaignId), getCampaignResponses(campaignId)]);
  if (record.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "DeliveryRecord" });
  return (
    <section aria-labelledby="addressees-heading" className="addressees">
      <h2 id="addressees-heading">{t("heading")}</h2>
      <ul className="targets">
        {record.map((entry) => {
          const name = localized(locale, entry.name);
          const institution = localized(locale, entry.institution);
          const state = due.targets.find((target) => target.decisionMakerId === entry.decisionMakerId);
          return (
            <li key={entry.decisionMakerId}>
              <p className="addressee">
                <strong>
                  {/* Isolated: a name in another script keeps the punctuation after it on the reader's side. */}
                  {name.locale === locale ? (
                    <bdi>{name.text}</bdi>
                  ) : (
                    <bdi lang={name.locale} dir={direction(name.locale)}>
                      {name.text}
                    </bdi>
                  )}
                </strong>
                {entry.addressed ? null : <span className="meta"> ({t("noLongerAddressed")})</span>}
                {/* On a line of its own: an English institution run on after a name reads badly in Arabic. */}
                {institution.text !== name.text ? (
                  <>
                    <br />
                    <span lang={institution.locale} dir={institution.locale === locale ? undefined : direction(institution.locale)}>
                      {institution.text}
                    </span>
                  </>
                ) : null}
              </p>
              {entry.sent ? (
                <p className="meta">
                  {t("sent", { count: entry.sent.count, countText: formatNumber(entry.sent.count, locale), date: formatDate(entry.sent.lastAt, locale), total: formatNumber(entry.sent.lastTotal, locale), totalCount: entry.sent.lastTotal })}
                  {entry.sent.delivered > 0 ? ` ${t("delivered", { delivered: formatNumber(entry.sent.delivered, locale), count: entry.sent.count })}` : null}
                  {entry.sent.bounced > 0 ? ` ${t("bounced", { bounced: formatNumber(entry.sent.bounced, locale), count: entry.sent.bounced })}` : null}
                </p>
              ) : entry.handedOver ? null : (
                <p className="meta">{t("nothingSent")}</p>
              )}
              {entry.handedOver ? (
                <p className="meta">
                  {t("handedOver", { date: formatDate(entry.handedOver.at, locale), total: formatNumber(entry.handedOver.total, locale), totalCount: entry.handedOver.total })}{" "}
                  <span className="fingerprint-label">{t("fingerprint")}</span>{" "}
                  <code dir="ltr" className="fingerprint">
                    {entry.handedOver.fingerprint}
                  </code>
                  {entry.handedOver.paper ? (
                    <>
                      {" "}
                      <span className="fingerprint-label">{t("paperFingerprint", { count: formatNumber(entry.handedOver.paper.total, locale) })}</span>{" "}
                      <code dir="ltr" className="fingerprint">
                        {entry.handedOver.paper.fingerprint}
                      </code>
                    </>
                  ) : null}
                </p>
              ) : null}
              {entry.responses.map((response, index) => {
                const summary = localized(locale, response.summary);
                return (
                  <div key={index} className="delivery-response">
                    <p>
                      <strong>{t("responded", { date: formatDate(response.respondedOn, locale) })}</strong>
                    </p>
                    <p lang={summary.locale === locale ? undefined : summary.locale} dir="auto">
                      {summary.text}
                    </p>
                    {response.url ? (
                      <p>
                        <a href={response.url} rel="noopener noreferrer nofollow">
                          {t("readResponse")}
                        </a>
                      </p>
                    ) : null}
                  </div>
                );
              })}
              {state ? <ResponseDue state={state} threshold={due.thresholds[0] ?? null} locale={locale} /> : null}
              {(entry.sent || entry.handedOver) && entry.responses.length === 0 && state?.state !== "answered" ? <p className="meta">{t("noResponse")}</p> : null}
            </li>
          );
        })}
      </ul>
      {record.some((entry) => entry.handedOver) ? <p className="meta">{t("howToCheck")}</p> : null}
    </section>
  );
}

// The answer the campaign's threshold asks of one target, as the database holds it: awaited at a
// count, due by a date, overdue, or given but not published (a published one is quoted above).
async function ResponseDue({ state, threshold, locale }: { state: CampaignResponses["targets"][number]; threshold: CampaignResponses["thresholds"][number] | null; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "DeliveryRecord" });
  if (state.state === "notAsked") {
    return threshold ? <p className="meta response-state">{t("awaitingThreshold", { signatures: formatNumber(threshold.signatures, locale), signaturesCount: threshold.signatures, days: threshold.days })}</p> : null;
  }
  if (state.state === "answered") {
    return state.published ? null : <p className="meta response-state">{t("answeredPrivately", { date: formatDate(state.respondedOn, locale) })}</p>;
  }
  const due = formatDate(state.dueAt, locale);
  return (
    <p className={`response-state response-${state.state}`} data-response-state={state.state}>
      {state.state === "asked"
        ? t("responseDue", { due, asked: formatDate(state.askedAt, locale), signatures: formatNumber(state.signatures, locale), signaturesCount: state.signatures })
        : t("responseOverdue", { due })}
    </p>
  );
}
