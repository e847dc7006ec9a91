import "../../fonts/fonts.css";
import "../../globals.css";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { clientMessages, publicClientNamespaces } from "@/lib/i18n/client-messages";
import { direction, isLocale, locales } from "@/lib/i18n/locales";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

// The embed's own document: no site header or footer, since it lives inside a partner's page.
export default async function EmbedLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} dir={direction(locale)}>
      <body className="embed-body">
        <NextIntlClientProvider messages={clientMessages(locale, publicClientNamespaces)}>
          <main className="embed">{children}</main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
