import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { listOpenTrendingFlags } from "@/lib/abuse/trending-flags";
import { roleAtLeast } from "@/lib/auth/authorize";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";
import { organiserStates } from "@/lib/moderation/signature-states";
import { organiserDashboard } from "@/lib/organisations/organiser-dashboard";
import { listOrganisationOverdue } from "@/lib/response-thresholds/overdue-responses";
import { DecisionMakerName } from "./campaigns/[id]/delivery/decision-maker-name";
import { requireOrganiser } from "./require-organiser";
import { TrendingFlagsSection } from "./trending-flags";
import { organiserPageMetadata } from "./page-access";
import { OrganiserTable } from "./organiser-table";

type Props = { params: Promise<{ locale: Locale }> };

export const generateMetadata = organiserPageMetadata("OrganiserDashboard", "title");

export default async function OrganiserDashboardPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireOrganiser(locale);
  const [t, roles, states, statuses, organisations, flags, abuse, overdue] = await Promise.all([
    getTranslations({ locale, namespace: "OrganiserDashboard" }),
    getTranslations({ locale, namespace: "OrganiserRoles" }),
    getTranslations({ locale, namespace: "SignatureStates" }),
    getTranslations({ locale, namespace: "CampaignStatuses" }),
    organiserDashboard(actor, locale),
    listOpenTrendingFlags(actor),
    getTranslations({ locale, namespace: "TrendingFlags" }),
    listOrganisationOverdue({ actor }),
  ]);
  const base = `/${locale}/organiser`;

  return (
    <>
      <h1>{t("heading")}</h1>
      <TrendingFlagsSection flags={flags} locale={locale} />
      {organisations.map((organisation) => {
        const headingId = `organisation-${organisation.id}`;
        const name = organisation.name;
        const query = `?organisation=${encodeURIComponent(organisation.id)}`;
        return (
          <section key={organisation.id} className="organiser-section" aria-labelledby={headingId}>
            <h2 id={headingId}>
              <LocalizedText values={name} locale={locale} />
            </h2>
            <p className="meta">{t("yourRole", { role: roles(organisation.role) })}</p>
            <ul className="organiser-links">
              {roleAtLeast(organisation.role, "ORGANISER") ? (
                <li>
                  <a href={`${base}/campaigns/new${query}`}>{t("newCampaign")}</a>
                </li>
              ) : null}
              {organisation.role === "OWNER" ? (
                <>
                  <li>
                    <a href={`${base}/members${query}`}>{t("members")}</a>
                  </li>
                  <li>
                    <a href={`${base}/audit${query}`}>{t("auditLog")}</a>
                  </li>
                  <li>
                    <a href={`${base}/settings${query}`}>{abuse("settingsLink")}</a>
                  </li>
                </>
              ) : null}
            </ul>
            {overdue.get(organisation.id)?.length ? (
              <div className="organiser-panel overdue-responses">
                <h3 id={`${headingId}-overdue`}>{t("overdueHeading")}</h3>
                <p className="hint">{t("overdueIntro")}</p>
                <OrganiserTable labelledBy={`${headingId}-overdue`} className="organiser-table stack-on-phone" columns={[{ label: t("overdueDecisionMaker") }, { label: t("overdueCampaign") }, { label: t("overdueDue") }, { label: t("overdueRecord") }]}>
                  {overdue.get(organisation.id)!.map((item) => (
                    <tr key={item.askId} data-overdue={item.decisionMaker.id}>
                      <th scope="row">
                        <DecisionMakerName name={item.decisionMaker.name} locale={locale} />
                        <LocalizedText as="div" className="hint" locale={locale} values={item.decisionMaker.institution} />
                      </th>
                      <td data-label={t("overdueCampaign")}>
                        <LocalizedText values={item.campaign.title} locale={locale} primary={item.campaign.primaryLocale} />
                      </td>
                      <td data-label={t("overdueDue")}>{formatDate(item.dueAt, locale)}</td>
                      <td data-label={t("overdueRecord")}>
                        <a href={`${base}/campaigns/${encodeURIComponent(item.campaign.id)}/delivery#responses-heading`}>{t("overdueRecord")}</a>
                      </td>
                    </tr>
                  ))}
                </OrganiserTable>
              </div>
            ) : null}
            {organisation.campaigns.length === 0 ? (
              <p>{t("noCampaigns")}</p>
            ) : (
              <OrganiserTable labelledBy={`${headingId}-caption`} className="organiser-table stack-on-phone" captionId={`${headingId}-caption`} captionHidden caption={t("caption", { organisation: localized(locale, name).text })} withRoles columns={[{ label: t("campaign") }, { label: t("status") }, ...organiserStates.map((state) => ({ label: states(state), numeric: true }))]}>
                {organisation.campaigns.map((campaign) => (
                  <tr role="row" key={campaign.id}>
                    <th scope="row" role="rowheader">
                      <a href={`${base}/campaigns/${encodeURIComponent(campaign.id)}`}>
                        <LocalizedText values={campaign.title} locale={locale} primary={campaign.primaryLocale} />
                      </a>
                    </th>
                    <td role="cell" data-label={t("status")}>
                      <span className={`status status-${campaign.status.toLowerCase()}`}>{statuses(campaign.status)}</span>
                    </td>
                    {organiserStates.map((state) => (
                      <td key={state} role="cell" className="numeric" data-label={states(state)}>
                        {state === "HELD" && campaign.totals.HELD > 0 ? (
                          <a href={`${base}/campaigns/${encodeURIComponent(campaign.id)}/signatures?state=HELD`}>{formatNumber(campaign.totals.HELD, locale)}</a>
                        ) : (
                          formatNumber(campaign.totals[state], locale)
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </OrganiserTable>
            )}
          </section>
        );
      })}
    </>
  );
}
