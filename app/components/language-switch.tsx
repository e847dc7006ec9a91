"use client";

import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";

export function LanguageSwitch({ locale, label, text }: { locale: Locale; label: string; text: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const other: Locale = locale === "ar" ? "en" : "ar";
  const href = pathname.replace(/^\/(en|ar)(?=\/|$)/, `/${other}`);
  return (
    <a className="language-switch" href={href} hrefLang={other} lang={other} aria-label={label}>
      {text}
    </a>
  );
}
