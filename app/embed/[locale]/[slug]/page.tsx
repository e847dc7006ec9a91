import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { loadPublicCampaign, publicCampaignFor, type CampaignParams } from "@/app/[locale]/campaigns/[slug]/public-campaign";
import { SignForm } from "@/app/[locale]/campaigns/[slug]/sign-form";
import { ProgressMeter } from "@/app/components/progress-meter";
import { issueFormToken } from "@/lib/abuse/form-guard";
import { countryCodesInOrder } from "@/lib/countries";
import { localized } from "@/lib/i18n/locales";
import { publicPath } from "@/lib/public-urls";

// Like the campaign page: the same for every reader, kept and refreshed every few seconds,
// with the count kept current in the browser.
export const revalidate = 5;

export function generateStaticParams() {
  return [];
}

type Props = { params: CampaignParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, campaign } = await publicCampaignFor(params);
  return campaign ? { title: localized(locale, campaign.title, campaign.primaryLocale).text, robots: { index: false } } : {};
}

// A campaign for other sites to frame: title, count, progress and the sign form. Links leave
// the frame (target _top is not used: a new tab keeps the partner's page where it was).
export default async function EmbedPage({ params }: Props) {
  const { locale, campaign } = await loadPublicCampaign(params);
  const t = await getTranslations({ locale, namespace: "Embed" });
  const campaignT = await getTranslations({ locale, namespace: "Campaign" });
  const title = localized(locale, campaign.title, campaign.primaryLocale);
  return (
    <article className="embed-campaign" aria-labelledby="embed-title">
      <p className="embed-brand">{t("brand")}</p>
      <h1 id="embed-title" lang={title.locale} dir={title.locale === "ar" ? "rtl" : "ltr"}>
        {title.text}
      </h1>
      <ProgressMeter progress={campaign.progress} locale={locale} liveSlug={campaign.slug} />
      <p>
        <a href={`${publicPath.campaign(locale, campaign.slug)}?s=embed`} target="_blank" rel="noopener">
          {t("readMore")}
        </a>
      </p>
      {campaign.isOpen ? (
        <section aria-labelledby="embed-sign-heading">
          <h2 id="embed-sign-heading">{campaignT("signHeading")}</h2>
          <SignForm campaignSlug={campaign.slug} locale={locale} source="embed" embedded formToken={issueFormToken(campaign.slug)} countries={countryCodesInOrder(locale)} />
        </section>
      ) : (
        <p className="notice">{campaign.phase === "closed" ? campaignT("closed") : campaignT("notYetOpen")}</p>
      )}
    </article>
  );
}
