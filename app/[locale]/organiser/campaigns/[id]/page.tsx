import { getTranslations } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { InlineSignatureMap } from "@/app/components/signature-map";
import { roleAtLeast } from "@/lib/auth/authorize";
import { isPublic } from "@/lib/campaigns/lifecycle";
import { countryName } from "@/lib/countries";
import { formatNumber, formatter } from "@/lib/i18n/format";
import { localized, type Locale } from "@/lib/i18n/locales";
import { campaignStats } from "@/lib/moderation/campaign-stats";
import { organiserStates } from "@/lib/moderation/signature-states";
import { StatusForm } from "../_editor/status-form";
import { CampaignReach } from "./campaign-reach";
import { SignaturesPerDayChart } from "./signatures-per-day-chart";
import { openCampaignPage, organiserPageMetadata } from "../../page-access";
import { BackLink } from "../../back-link";
import { OrganiserTable } from "../../organiser-table";
import { Notice } from "../../notice";

export const dynamic = "force-dynamic";

const periods = [7, 30, 90] as const;
const defaultPeriod = 30;

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<{ days?: string | string[]; done?: string | string[] }> };

export const generateMetadata = organiserPageMetadata("CampaignOverview", "metaTitle", { noIndex: true });

function percent(part: number, whole: number, locale: Locale): { value: number; text: string } {
  const share = whole > 0 ? part / whole : 0;
  return { value: Math.round(share * 1000) / 10, text: formatter(locale).number(share, { style: "percent", maximumFractionDigits: 1 }) };
}

export default async function CampaignOverviewPage({ params, searchParams }: Props) {
  const query = await searchParams;
  const requested = Number(query.days);
  const days = (periods as readonly number[]).includes(requested) ? requested : defaultPeriod;
  const { locale, actor, loaded: stats } = await openCampaignPage(params, (input) => campaignStats({ ...input, days }));
  const [t, states, statuses, editor] = await Promise.all([
    getTranslations({ locale, namespace: "CampaignOverview" }),
    getTranslations({ locale, namespace: "SignatureStates" }),
    getTranslations({ locale, namespace: "CampaignStatuses" }),
    getTranslations({ locale, namespace: "CampaignEditor" }),
  ]);
  const base = `/${locale}/organiser/campaigns/${encodeURIComponent(stats.campaign.id)}`;
  const canChange = roleAtLeast(stats.role, "ORGANISER");

  const format = formatter(locale);
  const perDay = stats.perDay.map((entry) => {
    const date = new Date(`${entry.day}T00:00:00Z`);
    return { ...entry, label: format.dateTime(date, "shortDay"), longLabel: format.dateTime(date, "weekday") };
  });
  const inPeriod = perDay.reduce((sum, entry) => sum + entry.count, 0);
  const busiest = perDay.reduce((best, entry) => (entry.count > best.count ? entry : best), perDay[0]!);
  const chartLabel =
    inPeriod === 0
      ? t("chartLabelEmpty", { days })
      : t("chartLabel", { days, total: formatNumber(inPeriod, locale), day: busiest.longLabel, count: formatNumber(busiest.count, locale) });
  const confirmed = stats.totals.CONFIRMED;
  const title = localized(locale, stats.campaign.title, stats.campaign.primaryLocale).text;

  return (
    <div className="overview">
      <BackLink href={`/${locale}/organiser`}>{t("back")}</BackLink>
      <header className="overview-header">
        <LocalizedText as="h1" values={stats.campaign.title} primary={stats.campaign.primaryLocale} locale={locale} />
        <p className="meta">
          <span className={`status status-${stats.campaign.status.toLowerCase()}`}>{statuses(stats.campaign.status)}</span>
          {isPublic(stats.campaign) ? (
            <>
              {" · "}
              <a href={`/${locale}/campaigns/${encodeURIComponent(stats.campaign.slug)}`}>{t("publicPage")}</a>
            </>
          ) : null}
        </p>
      </header>
      {/* Said only while true: a campaign closed since it was published is not "accepting signatures". */}
      {query.done === "published" && stats.campaign.status === "OPEN" ? <Notice tone="success">{editor("done.published")}</Notice> : null}

      <nav className="overview-tools" aria-label={t("toolsLabel", { title })}>
        <ul>
          {canChange ? (
            <li>
              <a className="button button-secondary" href={`${base}/edit`}>
                {t("edit")}
              </a>
            </li>
          ) : null}
          <li>
            <a className="button button-secondary" href={`${base}/preview`}>
              {t("preview")}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={`${base}/letters`}>
              {(await getTranslations({ locale, namespace: "LetterLinks" }))("organiser")}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={`${base}/signatures`}>
              {canChange ? t("moderate") : t("signatures")}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={`${base}/paper`}>
              {(await getTranslations({ locale, namespace: "PaperLinks" }))("organiser")}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={`${base}/updates`}>
              {(await getTranslations({ locale, namespace: "Updates" }))("nav")}
            </a>
          </li>
          <li><a className="button button-secondary" href={`${base}/delivery`}>{(await getTranslations({ locale, namespace: "DeliveryShell" }))("delivery")}</a></li>
          {canChange ? (
            <li>
              <a className="button button-secondary" href={`${base}/export`}>
                {t("export")}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>

      {stats.campaign.status === "DRAFT" && canChange ? (
        <section className="organiser-section organiser-panel overview-publish" aria-labelledby="publish-heading">
          <h2 id="publish-heading">{editor("status.publishHeading")}</h2>
          <p>{t("draftHint")}</p>
          <StatusForm campaignId={stats.campaign.id} locale={locale} transition="publish" returnTo="overview" />
        </section>
      ) : null}

      <section aria-labelledby="totals-heading">
        <h2 id="totals-heading" className="visually-hidden">
          {t("totalsHeading")}
        </h2>
        <dl className="stat-grid">
          {organiserStates.map((state) => (
            <div key={state} className={`stat stat-${state.toLowerCase()}`}>
              <dt>{states(state)}</dt>
              <dd data-testid={`total-${state.toLowerCase()}`}>{formatNumber(state === "HELD" ? stats.totals.HELD + stats.totals.FRAUDULENT : stats.totals[state], locale)}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t("totalsHint")}</p>
      </section>

      <section aria-labelledby="per-day-heading" className="overview-section">
        <h2 id="per-day-heading">{t("perDayHeading")}</h2>
        <nav aria-label={t("periodLabel")} className="period-switch">
          <ul>
            {periods.map((period) => (
              <li key={period}>
                <a href={`${base}?days=${period}`} aria-current={period === days ? "page" : undefined}>
                  {t("lastDays", { days: period })}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t("perDaySummary", { days, count: inPeriod })}</p>
        <figure className="day-chart-figure">
          <SignaturesPerDayChart perDay={perDay} locale={locale} label={chartLabel} />
        </figure>
        <details className="chart-data">
          <summary>{t("showTable")}</summary>
          <OrganiserTable labelledBy="per-day-caption" className="organiser-table overview-table" captionId="per-day-caption" caption={t("perDayCaption", { days })} columns={[{ label: t("day") }, { label: t("confirmedOnDay"), numeric: true }]}>
            {perDay.map((entry) => (
              <tr key={entry.day}>
                <th scope="row">
                  <time dateTime={entry.day}>{entry.longLabel}</time>
                </th>
                <td className="numeric">{formatNumber(entry.count, locale)}</td>
              </tr>
            ))}
          </OrganiserTable>
        </details>
      </section>

      <section aria-labelledby="countries-heading" className="overview-section">
        <h2 id="countries-heading">{t("countriesHeading")}</h2>
        <InlineSignatureMap counts={stats.byCountry} locale={locale} />
        {stats.topCountries.length === 0 ? (
          <p>{t("noCountries")}</p>
        ) : (
          <OrganiserTable labelledBy="countries-caption" className="organiser-table overview-table country-table" captionId="countries-caption" caption={t("countriesCaption", { count: stats.topCountries.length })} columns={[{ label: t("country") }, { label: t("confirmed"), numeric: true }, { label: t("share") }]}>
            {[
              ...stats.topCountries.map((row) => ({ key: row.country, name: countryName(row.country, locale), count: row.count })),
              ...(stats.otherCountries > 0 ? [{ key: "other", name: t("otherCountries"), count: stats.otherCountries }] : []),
            ].map((row) => {
              const share = percent(row.count, confirmed, locale);
              return (
                <tr key={row.key}>
                  <th scope="row">{row.name}</th>
                  <td className="numeric">{formatNumber(row.count, locale)}</td>
                  <td>
                    <span className="country-share">
                      <span className="country-share-bar" aria-hidden="true">
                        <span style={{ inlineSize: `${share.value}%` }} />
                      </span>
                      <span className="country-share-text">{share.text}</span>
                    </span>
                  </td>
                </tr>
              );
            })}
          </OrganiserTable>
        )}
      </section>

      <CampaignReach actor={actor} campaign={stats.campaign} locale={locale} />
    </div>
  );
}
