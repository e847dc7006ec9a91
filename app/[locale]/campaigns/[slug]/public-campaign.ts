import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { getPublicCampaign, type CampaignPage } from "@/lib/campaigns/get-campaign";
import type { Locale } from "@/lib/i18n/locales";

// The route parameters of every public page of one campaign (its own page, the embed, and the pages after signing).
export type CampaignParams = Promise<{ locale: Locale; slug: string }>;

// The campaign a page's metadata describes; null where the page itself will be "not found".
export async function publicCampaignFor(params: CampaignParams): Promise<{ locale: Locale; slug: string; campaign: CampaignPage | null }> {
  const { locale, slug } = await params;
  return { locale, slug, campaign: await getPublicCampaign(slug) };
}

// The campaign a public page renders, in the route's locale; an unknown or unpublished one is not found.
export async function loadPublicCampaign(params: CampaignParams): Promise<{ locale: Locale; campaign: CampaignPage }> {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  return { locale, campaign };
}
