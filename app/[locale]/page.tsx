import { getTranslations, setRequestLocale } from "next-intl/server";
import { LocalizedText } from "@/app/components/localized-text";
import { OrganisationName } from "@/app/components/organisation-card";
import { ProgressMeter } from "@/app/components/progress-meter";
import { listOpenCampaigns } from "@/lib/campaigns/list-campaigns";
import type { Locale } from "@/lib/i18n/locales";
import { publicPath } from "@/lib/public-urls";

export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Home" });
  const campaigns = await listOpenCampaigns();
  return (
    <>
      <section className="hero">
        <h1>{t("title")}</h1>
        <p className="lede">{t("intro")}</p>
      </section>
      <section aria-labelledby="open-campaigns">
        <h2 id="open-campaigns">{t("openCampaigns")}</h2>
        {campaigns.length === 0 ? <p>{t("noCampaigns")}</p> : null}
        <ul className="campaign-list">
          {campaigns.map((campaign) => (
            <li key={campaign.slug} className="campaign-card">
              <h3>
                <a href={publicPath.campaign(locale, campaign.slug)}>
                  <LocalizedText values={campaign.title} locale={locale} primary={campaign.primaryLocale} />
                </a>
              </h3>
              {campaign.leadOrganisation ? (
                <p className="meta">
                  {t("by")} <OrganisationName name={campaign.leadOrganisation} locale={locale} />
                </p>
              ) : null}
              <LocalizedText as="p" values={campaign.summary} locale={locale} primary={campaign.primaryLocale} />
              <ProgressMeter progress={campaign.progress} locale={locale} size="small" />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
