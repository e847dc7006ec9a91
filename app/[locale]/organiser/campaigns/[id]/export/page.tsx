import { getTranslations } from "next-intl/server";
import { countryOptions } from "@/lib/countries";
import { exportColumns } from "@/lib/exports/csv";
import { getExportCampaign } from "@/lib/exports/get-export-campaign";
import { localized, type Locale } from "@/lib/i18n/locales";
import { ExportDownload } from "./export-download";
import { openCampaignPage, organiserPageMetadata } from "../../../page-access";
import { BackLink, campaignOverviewPath } from "../../../back-link";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; id: string }> };

export const generateMetadata = organiserPageMetadata("Export", "metaTitle", { noIndex: true });

export default async function ExportPage({ params }: Props) {
  const { locale, loaded: campaign } = await openCampaignPage(params, getExportCampaign);
  const t = await getTranslations({ locale, namespace: "Export" });
  const title = localized(locale, campaign.title, campaign.primaryLocale);
  const organisation = localized(locale, campaign.organisation.name).text;

  return (
    <div className="export-page">
      <BackLink href={campaignOverviewPath(locale, campaign.id)}>{t("back")}</BackLink>
      <h1>{t("title")}</h1>
      <p className="lede">{t("intro", { campaign: title.text })}</p>
      <p>{t("confirmedCount", { count: campaign.confirmed })}</p>

      {campaign.canExport ? (
        <ExportDownload
          action={`/api/organiser/campaigns/${encodeURIComponent(campaign.id)}/export`}
          locale={locale}
          organisation={organisation}
          countries={countryOptions(locale)}
        />
      ) : (
        <p className="notice">{t("viewerNotice", { organisation })}</p>
      )}

      <section aria-labelledby="export-columns-heading" className="export-about">
        <h2 id="export-columns-heading">{t("columnsHeading")}</h2>
        <p>{t("headerNote")}</p>
        <dl className="export-columns">
          {exportColumns.map((column) => (
            <div key={column}>
              <dt>
                {t(`header.${column}`)} ·{" "}
                <code lang="en" dir="ltr">
                  {column}
                </code>
              </dt>
              <dd>{t(`columns.${column}`, { organisation })}</dd>
            </div>
          ))}
        </dl>
        <p>{t("emailNote", { organisation })}</p>
        <p>{t("formulaNote")}</p>
        <p className="notice">{t("privacyNote")}</p>
      </section>
    </div>
  );
}
