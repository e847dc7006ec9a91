"use client";

import { usePathname } from "next/navigation";
import { direction, localeNames, locales, type Locale } from "@/lib/i18n/locales";

const localePrefix = new RegExp(`^/(${locales.join("|")})(?=/|$)`);

// The same page in another language, from the path the reader is on.
function useSamePageIn(locale: Locale): (other: Locale) => string {
  const pathname = usePathname() ?? `/${locale}`;
  return (other) => pathname.replace(localePrefix, `/${other}`);
}

// The header's one-click switch between Nida's two first languages: Arabic, and from an Arabic
// page English. Named in its own script, since the reader may not read the page's.
export function LanguageSwitch({ locale, label }: { locale: Locale; label: string }) {
  const samePageIn = useSamePageIn(locale);
  const other: Locale = locale === "ar" ? "en" : "ar";
  return (
    <a className="language-switch" href={samePageIn(other)} hrefLang={other} lang={other} dir={direction(other)} aria-label={label}>
      {localeNames[other]}
    </a>
  );
}

// Every other language of the interface, each named in itself (the footer's list).
export function LanguageList({ locale, label }: { locale: Locale; label: string }) {
  const samePageIn = useSamePageIn(locale);
  return (
    <nav aria-label={label} className="language-list">
      <ul>
        {locales
          .filter((other) => other !== locale)
          .map((other) => (
            <li key={other}>
              <a href={samePageIn(other)} hrefLang={other} lang={other} dir={direction(other)}>
                {localeNames[other]}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}
