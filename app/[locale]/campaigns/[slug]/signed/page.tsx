import { getTranslations, setRequestLocale } from "next-intl/server";
import type { CampaignParams } from "../public-campaign";
import { signedMetadata } from "./signed-metadata";
import { SignedPanel } from "./signed-panel";
import { publicPath } from "@/lib/public-urls";

type Props = { params: CampaignParams };

export function generateMetadata({ params }: Props) {
  return signedMetadata(params);
}

export default async function SignedPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Signed" });
  return <SignedPanel locale={locale} back={{ href: publicPath.campaign(locale, slug), text: t("back") }} />;
}
