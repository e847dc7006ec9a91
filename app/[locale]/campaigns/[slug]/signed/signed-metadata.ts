import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { CampaignParams } from "../public-campaign";

// "Check your e-mail", on the site and in a partner's frame: the same for everyone, so not indexed.
export async function signedMetadata(params: CampaignParams): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Signed" });
  return { title: t("title"), robots: { index: false } };
}
