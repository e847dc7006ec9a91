import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignArticle } from "@/app/components/campaign-article";
import { issueFormToken } from "@/lib/abuse/form-guard";
import { countryCodesInOrder } from "@/lib/countries";
import { localized, openGraphLocale } from "@/lib/i18n/locales";
import { inEveryLocale, publicPath, publicUrl } from "@/lib/public-urls";
import { loadPublicCampaign, publicCampaignFor, type CampaignParams } from "./public-campaign";
import { SignForm } from "./sign-form";

// The page is the same for every reader: rendered once, kept, and rendered again in the
// background at most every few seconds. The count on it keeps itself current in the browser
// (ProgressMeter polls the count endpoint); without JavaScript it is at most this old.
export const revalidate = 5;

// Every campaign is rendered on its first visit, then served from the cache.
export function generateStaticParams() {
  return [];
}

type Props = { params: CampaignParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug, campaign } = await publicCampaignFor(params);
  if (!campaign) return {};
  const t = await getTranslations({ locale, namespace: "ShareImage" });
  const title = localized(locale, campaign.title, campaign.primaryLocale).text;
  const description = localized(locale, campaign.summary, campaign.primaryLocale).text;
  const url = publicUrl.campaign(locale, campaign.slug);
  const image = { url: publicUrl.shareImage(locale, campaign.slug), width: 1200, height: 630, alt: t("alt", { title }), type: "image/png" };
  return {
    title,
    description,
    alternates: { canonical: url, languages: inEveryLocale((one) => publicPath.campaign(one, slug)) },
    openGraph: { type: "website", url, title, description, siteName: t("siteName"), locale: openGraphLocale[locale], images: [image] },
    twitter: { card: "summary_large_image", title, description, images: [image] },
  };
}

export default async function CampaignPage({ params }: Props) {
  const { locale, campaign } = await loadPublicCampaign(params);
  const t = await getTranslations({ locale, namespace: "Campaign" });
  const sign = campaign.isOpen ? (
    <SignForm campaignSlug={campaign.slug} locale={locale} source={null} formToken={issueFormToken(campaign.slug)} countries={countryCodesInOrder(locale)} />
  ) : (
    <p className="notice">{campaign.phase === "closed" ? t("closed") : t("notYetOpen")}</p>
  );
  return <CampaignArticle campaign={campaign} locale={locale} sign={sign} live />;
}
