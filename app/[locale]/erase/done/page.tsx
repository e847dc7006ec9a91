import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import { SuccessPanel } from "@/app/components/success-panel";

// Rendered per request: its policy carries a fresh nonce (proxy.ts), and it is never cached.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Erase" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ErasedPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "Erase" });
  return (
    <SuccessPanel id="erase-heading" heading={t("doneHeading")} lede={t("doneBody")} />
  );
}
