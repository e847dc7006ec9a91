import { getTranslations, setRequestLocale } from "next-intl/server";
import type { CampaignParams } from "@/app/[locale]/campaigns/[slug]/public-campaign";
import { signedMetadata } from "@/app/[locale]/campaigns/[slug]/signed/signed-metadata";
import { SignedPanel } from "@/app/[locale]/campaigns/[slug]/signed/signed-panel";
import { publicPath } from "@/lib/public-urls";

type Props = { params: CampaignParams };

export function generateMetadata({ params }: Props) {
  return signedMetadata(params);
}

// Inside the partner's frame: back to the embedded form, not to the site.
export default async function EmbedSignedPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const embed = await getTranslations({ locale, namespace: "Embed" });
  return <SignedPanel locale={locale} back={{ href: publicPath.embed(locale, slug), text: embed("back") }} />;
}
