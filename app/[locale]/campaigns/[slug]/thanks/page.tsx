import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CopyLink } from "@/app/components/copy-link";
import { ProgressMeter } from "@/app/components/progress-meter";
import { WriteLetterLink } from "@/app/components/write-letter-link";
import { getPublicCampaign } from "@/lib/campaigns/get-campaign";
import { shareLinks } from "@/lib/campaigns/share-links";
import { env } from "@/lib/env";
import { localized, type Locale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

const channelNames = { whatsapp: "WhatsApp", telegram: "Telegram", x: "X", facebook: "Facebook" } as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Thanks" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ThanksPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const t = await getTranslations({ locale, namespace: "Thanks" });
  const title = localized(locale, campaign.title).text;
  const campaignUrl = `${env.APP_URL}/${locale}/campaigns/${campaign.slug}`;
  const links = shareLinks({ campaignUrl, text: t("shareText", { title }), subject: title });

  return (
    <section className="panel panel-success" aria-labelledby="thanks-heading">
      <h1 id="thanks-heading">{t("heading")}</h1>
      <p className="lede">{t("body", { title })}</p>
      <ProgressMeter progress={campaign.progress} locale={locale} />
      <h2>{t("shareHeading")}</h2>
      <ul className="share-links">
        {links.map((link) => (
          <li key={link.channel}>
            <a className={`share share-${link.channel}`} href={link.href} target="_blank" rel="noopener noreferrer">
              {link.channel === "email" ? t("email") : channelNames[link.channel]}
            </a>
          </li>
        ))}
      </ul>
      <CopyLink url={`${campaignUrl}?source=link`} label={t("copyLink")} copiedLabel={t("copied")} />
      <WriteLetterLink slug={campaign.slug} locale={locale} variant="thanks" />
      <p>
        <a href={`/${locale}/campaigns/${campaign.slug}`}>{t("back")}</a>
      </p>
    </section>
  );
}
