import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Signed" });
  return { title: t("title"), robots: { index: false } };
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
