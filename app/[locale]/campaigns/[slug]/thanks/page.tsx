import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProgressMeter } from "@/app/components/progress-meter";
import { SharePanel } from "@/app/components/share-panel";
import { WriteLetterLink } from "@/app/components/write-letter-link";
import { getPublicCampaign } from "@/lib/campaigns/get-campaign";
import { localized, type Locale } from "@/lib/i18n/locales";
import { publicPath, publicUrl } from "@/lib/public-urls";
import { confirmedSignatureCookie, signatureStanding } from "@/lib/signatures/confirm-signature";
import { SuccessPanel } from "@/app/components/success-panel";

export const dynamic = "force-dynamic";

// instance: the Mastodon server named in the share form, sent here without JavaScript.
type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<{ instance?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Thanks" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ThanksPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const t = await getTranslations({ locale, namespace: "Thanks" });
  const title = localized(locale, campaign.title, campaign.primaryLocale).text;
  const campaignUrl = publicUrl.campaign(locale, campaign.slug);
  const { instance } = await searchParams;
  const named = Array.isArray(instance) ? instance[0] : instance;
  const mastodonInstance = named === undefined ? undefined : named.slice(0, 1000);
  // What is true of the signature confirmed in this browser, read now; without one, no claim at all.
  const signatureId = (await cookies()).get(confirmedSignatureCookie.name)?.value;
  const standing = (signatureId ? await signatureStanding({ campaignSlug: campaign.slug, signatureId }) : null) ?? "unknown";

  return (
    <SuccessPanel id="thanks-heading" heading={t(`${standing}.heading`)} lede={t(`${standing}.body`, { title })}>
      <ProgressMeter progress={campaign.progress} locale={locale} />
      <SharePanel campaignUrl={campaignUrl} slug={campaign.slug} locale={locale} title={title} mastodonInstance={mastodonInstance} />
      <WriteLetterLink slug={campaign.slug} locale={locale} variant="thanks" />
      <p>
        <a href={publicPath.campaign(locale, campaign.slug)}>{t("back")}</a>
      </p>
    </SuccessPanel>
  );
}
