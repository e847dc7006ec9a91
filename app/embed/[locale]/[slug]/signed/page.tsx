import { getTranslations, setRequestLocale } from "next-intl/server";
import type { CampaignParams } from "@/app/[locale]/campaigns/[slug]/public-campaign";
import { signedMetadata } from "@/app/[locale]/campaigns/[slug]/signed/signed-metadata";

type Props = { params: CampaignParams };

export function generateMetadata({ params }: Props) {
  return signedMetadata(params);
}

// "Check your e-mail", inside the partner's frame. The same whether or not the address signed before.
export default async function EmbedSignedPage({ params }: Props) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Signed" });
  const embed = await getTranslations({ locale, namespace: "Embed" });
  return (
    <section className="panel panel-success" aria-labelledby="signed-heading">
      <h1 id="signed-heading">{t("heading")}</h1>
      <p className="lede">{t("body")}</p>
      <p>{t("spam")}</p>
      <p>
        <a href={`/embed/${locale}/${encodeURIComponent(slug)}`}>{embed("back")}</a>
      </p>
    </section>
  );
}
