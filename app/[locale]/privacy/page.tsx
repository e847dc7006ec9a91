import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { inEveryLocale, publicPath } from "@/lib/public-urls";

// Rendered per request: its alternate-language links are absolute, from APP_URL as the running
// server has it; a page prerendered at build time would name the address the build had.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

const sections = ["collect", "sealed", "consent", "public", "letters", "erase", "retention", "logs", "security"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "PrivacyPage" });
  return { title: t("title"), alternates: { languages: inEveryLocale(publicPath.privacy) } };
}

export default async function PrivacyPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "PrivacyPage" });
  return (
    <article className="panel" aria-labelledby="privacy-heading">
      <h1 id="privacy-heading">{t("heading")}</h1>
      <p className="lede">{t("intro")}</p>
      {sections.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`${section}Heading`)}</h2>
          <p>{t(section)}</p>
        </section>
      ))}
    </article>
  );
}
