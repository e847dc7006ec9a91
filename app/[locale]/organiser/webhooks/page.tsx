import { OrganisationSwitch } from "@/app/components/organisation-switch";
import { codeTag } from "@/app/components/code-tag";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatDate, formatNumber, formatUtcMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { deliveryLogLength, listWebhookEndpoints } from "@/lib/webhooks/list-endpoints";
import { CreateEndpointForm } from "./create-endpoint-form";
import { EndpointList } from "./endpoint-list";
import { eventMessageKey } from "./event-names";
import { organiserPageMetadata, requireOwnedOrganisation } from "../page-access";
import { OrganiserTable } from "../organiser-table";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateMetadata = organiserPageMetadata("OrganiserWebhooks", "title");

// Owners only: the organisation's webhook endpoints, a form to add one, and the delivery log.
// Anyone else, and an organisation the actor does not own, gets "not found".
export default async function WebhooksPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { actor, organisation, name, otherOwned } = await requireOwnedOrganisation(locale, (await searchParams).organisation);
  const [t, { endpoints, deliveries }] = await Promise.all([
    getTranslations({ locale, namespace: "OrganiserWebhooks" }),
    listWebhookEndpoints({ actor, organisationId: organisation.id }),
  ]);
  const eventName = (event: string) => {
    const key = eventMessageKey(event);
    return key ? t(`eventNames.${key}`) : event;
  };

  return (
    <>
      <h1>{t("heading", { organisation: name })}</h1>
      <p className="lede">{t.rich("intro", { code: codeTag })}</p>
      <OrganisationSwitch label={t("otherOrganisations")} organisations={otherOwned} pagePath={`/${locale}/organiser/webhooks`} locale={locale} />
      <section aria-labelledby="endpoints-heading" className="organiser-section">
        <h2 id="endpoints-heading">{t("endpointsHeading")}</h2>
        <EndpointList
          locale={locale}
          endpoints={endpoints.map((endpoint) => ({
            id: endpoint.id,
            url: endpoint.url,
            events: endpoint.events,
            includePersonalData: endpoint.includePersonalData,
            standardSignatures: endpoint.signatureScheme === "STANDARD",
            active: endpoint.active,
            addedOn: formatDate(endpoint.createdAt, locale),
          }))}
        />
      </section>
      <section aria-labelledby="create-endpoint-heading" className="organiser-section organiser-panel">
        <h2 id="create-endpoint-heading">{t("createHeading")}</h2>
        <p>{t("createIntro")}</p>
        <CreateEndpointForm locale={locale} organisationId={organisation.id} />
      </section>
      <section aria-labelledby="delivery-log-heading" className="organiser-section">
        <h2 id="delivery-log-heading">{t("logHeading")}</h2>
        <p>{t("logIntro", { count: formatNumber(deliveryLogLength, locale) })}</p>
        {deliveries.length === 0 ? (
          <p>{t("noDeliveries")}</p>
        ) : (
          <OrganiserTable labelledBy="delivery-log-caption" className="organiser-table webhook-log stack-on-phone" captionId="delivery-log-caption" captionHidden caption={t("logCaption")} withRoles columns={[{ label: t("when") }, { label: t("endpoint") }, { label: t("event") }, { label: t("status") }, { label: t("attempts"), numeric: true }, { label: t("response") }]}>
            {deliveries.map((delivery) => (
              <tr role="row" key={delivery.id} data-delivery={delivery.id} data-status={delivery.status}>
                <td role="cell" data-label={t("when")}>
                  <time dateTime={delivery.createdAt.toISOString()}>{formatUtcMoment(delivery.createdAt, locale)}</time>
                </td>
                <td role="cell" data-label={t("endpoint")}>
                  <bdi dir="ltr">{delivery.endpointUrl}</bdi>
                </td>
                <td role="cell" data-label={t("event")}>{eventName(delivery.event)}</td>
                <td role="cell" data-label={t("status")}>
                  {t(`statuses.${delivery.status}`)}
                  {delivery.status === "SENT" && delivery.deliveredAt ? <span className="audit-detail">{t("deliveredAt", { time: formatUtcMoment(delivery.deliveredAt, locale) })}</span> : null}
                  {delivery.status === "PENDING" && delivery.attempts > 0 ? (
                    <span className="audit-detail">{t("nextAttempt", { time: formatUtcMoment(delivery.nextAttemptAt, locale) })}</span>
                  ) : null}
                </td>
                <td role="cell" className="numeric" data-label={t("attempts")}>
                  {formatNumber(delivery.attempts, locale)}
                </td>
                <td role="cell" data-label={t("response")}>
                  {delivery.lastStatusCode !== null ? <bdi dir="ltr">HTTP {delivery.lastStatusCode}</bdi> : delivery.attempts > 0 ? t("noResponse") : null}
                  {delivery.lastError && delivery.lastStatusCode === null ? (
                    <span className="audit-detail">
                      <bdi dir="ltr">{delivery.lastError}</bdi>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </OrganiserTable>
        )}
      </section>
      <section aria-labelledby="verify-heading" className="organiser-section">
        <h2 id="verify-heading">{t("verifyHeading")}</h2>
        <p>{t.rich("verifyText", { code: codeTag })}</p>
      </section>
    </>
  );
}
