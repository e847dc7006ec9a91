import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CampaignArticle } from "@/app/components/campaign-article";
import { issueFormToken } from "@/lib/abuse/form-guard";
import { getPublicCampaign } from "@/lib/campaigns/get-campaign";
import { countryOptions } from "@/lib/countries";
import { localized, type Locale } from "@/lib/i18n/locales";
import { SignForm } from "./sign-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<{ source?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return {};
  return {
    title: localized(locale, campaign.title).text,
    description: localized(locale, campaign.summary).text,
    alternates: { languages: { en: `/en/campaigns/${slug}`, ar: `/ar/campaigns/${slug}` } },
  };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const t = await getTranslations({ locale, namespace: "Campaign" });
  const { source } = await searchParams;
  const sourceTag = typeof source === "string" && /^[a-z0-9-]{1,32}$/.test(source) ? source : null;
  const sign = campaign.isOpen ? (
    <SignForm campaignSlug={campaign.slug} locale={locale} source={sourceTag} formToken={issueFormToken(campaign.slug)} countries={countryOptions(locale)} />
  ) : (
    <p className="notice">{campaign.status === "CLOSED" ? t("closed") : t("notYetOpen")}</p>
  );
  return <CampaignArticle campaign={campaign} locale={locale} sign={sign} />;
}
