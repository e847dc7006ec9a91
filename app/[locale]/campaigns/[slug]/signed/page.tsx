import { getTranslations, setRequestLocale } from "next-intl/server";
import type { CampaignParams } from "../public-campaign";
import { signedMetadata } from "./signed-metadata";

type Props = { params: CampaignParams };

export function generateMetadata({ params }: Props) {
  return signedMetadata(params);
}

// The same page whether or not the address had signed before.
export default async function SignedPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Signed" });
  return (
    <section className="panel panel-success" aria-labelledby="signed-heading">
      <h1 id="signed-heading">{t("heading")}</h1>
      <p className="lede">{t("body")}</p>
      <p>{t("spam")}</p>
      <p>
        <a href={`/${locale}/campaigns/${encodeURIComponent(slug)}`}>{t("back")}</a>
      </p>
    </section>
  );
}
