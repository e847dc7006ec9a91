import type { Locale } from "./locales";

// Western digits in both languages: they are what Syrian news and civil-society sites mostly use,
// and counts read the same whichever language a screenshot is shared in.
const numberLocale: Record<Locale, string> = { en: "en-GB", ar: "ar-u-nu-latn" };

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(numberLocale[locale]).format(value);
}

export function formatDate(date: Date, locale: Locale, precision: string = "day"): string {
  const options: Intl.DateTimeFormatOptions =
    precision === "year" ? { year: "numeric" } : precision === "month" ? { year: "numeric", month: "long" } : { year: "numeric", month: "long", day: "numeric" };
  return new Intl.DateTimeFormat(numberLocale[locale], { ...options, timeZone: "UTC" }).format(date);
}
