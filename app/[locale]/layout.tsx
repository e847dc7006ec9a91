import "../fonts/fonts.css";
import "../globals.css";
import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageList, LanguageSwitch } from "@/app/components/language-switch";
import { env } from "@/lib/env";
import { clientMessages, publicClientNamespaces } from "@/lib/i18n/client-messages";
import { direction, isLocale, locales } from "@/lib/i18n/locales";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "Layout" });
  // metadataBase makes every alternate-language and canonical link absolute, as hreflang requires.
  return { metadataBase: new URL(env.APP_URL), title: { default: t("brand"), template: `%s · ${t("brand")}` }, description: t("brandMeaning") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5d3b" };

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Layout" });
  const links = await getTranslations({ locale, namespace: "PrivacyLinks" });
  return (
    <html lang={locale} dir={direction(locale)}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <header className="site-header">
          <div className="wrap site-header-inner">
            <a className="brand" href={`/${locale}`}>
              <span className="brand-name">{t("brand")}</span>
              <span className="brand-meaning">{t("brandMeaning")}</span>
            </a>
            <LanguageSwitch locale={locale} label={t("switchLanguageLabel")} />
          </div>
        </header>
        <NextIntlClientProvider messages={clientMessages(locale, publicClientNamespaces)}>
          <main id="main" className="wrap">
            {children}
          </main>
        </NextIntlClientProvider>
        <footer className="site-footer">
          <div className="wrap">
            <p>{t("footer")}</p>
            <p>
              <a href={`/${locale}/privacy`}>{links("footer")}</a>
            </p>
            <LanguageList locale={locale} label={t("otherLanguages")} />
          </div>
        </footer>
      </body>
    </html>
  );
}
