import { createFormatter } from "next-intl";
import type { Locale } from "./locales";

// Western digits in both languages: they are what Syrian news and civil-society sites mostly use,
// and counts read the same whichever language a screenshot is shared in.
const numberLocale: Record<Locale, string> = { en: "en-GB", ar: "ar-u-nu-latn", tr: "tr", ku: "ku", fr: "fr", de: "de" };

// The ways Nida writes a moment, named once: every page, chart and e-mail formats through these.
const formats = {
  dateTime: {
    day: { year: "numeric", month: "long", day: "numeric" },
    month: { year: "numeric", month: "long" },
    year: { year: "numeric" },
    moment: { dateStyle: "medium", timeStyle: "short" },
    momentSeconds: { dateStyle: "medium", timeStyle: "medium" },
    mediumDay: { dateStyle: "medium" },
    shortTime: { timeStyle: "short" },
    shortDay: { day: "numeric", month: "short" },
    weekday: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
    dayAndTime: { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" },
  },
} as const;

type Formatter = ReturnType<typeof createFormatter>;
const formatters = new Map<Locale, Formatter>();

// next-intl's formatter for a language, in UTC (stored moments are UTC, and a page must read the
// same wherever it is rendered), with Nida's named formats.
export function formatter(locale: Locale): Formatter {
  let found = formatters.get(locale);
  if (!found) {
    found = createFormatter({ locale: numberLocale[locale], timeZone: "UTC", formats });
    formatters.set(locale, found);
  }
  return found;
}

// A moment to the second, said to be UTC: for logs an organiser reads (deliveries, jobs).
export function formatUtcMoment(date: Date, locale: Locale): string {
  return formatter(locale).dateTime(date, "momentSeconds") + " UTC";
}

export function formatNumber(value: number, locale: Locale): string {
  return formatter(locale).number(value);
}

export function formatDate(date: Date, locale: Locale, precision: string = "day"): string {
  return formatter(locale).dateTime(date, precision === "year" ? "year" : precision === "month" ? "month" : "day");
}
