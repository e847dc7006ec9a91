// The interface's languages. Adding one: its messages in lib/i18n/messages/<code>/ (every file of
// en/, with index.ts), its code here and in the Locale enum of prisma/schema.prisma (a migration),
// its name below; the README's "Languages" section says the rest. The codes are in
// locale-codes.js, which the security headers read too.
import { localeCodes } from "./locale-codes.js";

export const locales = localeCodes;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

// The languages of what is printed or handed over (sign sheets, posters, delivery packs): English
// and Arabic. Campaigns themselves are written in any of the interface's languages.
export const contentLocales = ["en", "ar"] as const;

// Open Graph's names of the languages (language_TERRITORY).
export const openGraphLocale: Record<Locale, string> = { en: "en_GB", ar: "ar_AR", tr: "tr_TR", ku: "ku_TR", fr: "fr_FR", de: "de_DE" };

// Each language's name in itself, for the language menu.
export const localeNames: Record<Locale, string> = { en: "English", ar: "العربية", tr: "Türkçe", ku: "Kurmancî", fr: "Français", de: "Deutsch" };

// A language's name in the reader's language ("İngilizce" for en, to a Turkish reader).
export function languageName(reader: Locale, language: Locale): string {
  return new Intl.DisplayNames([reader], { type: "language" }).of(language) ?? language;
}

// Each language's name in the reader's, named on the server so a form reads the same in every browser.
export function languageNames(reader: Locale): Record<Locale, string> {
  return Object.fromEntries(locales.map((language) => [language, languageName(reader, language)])) as Record<Locale, string>;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function direction(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

// A text in the reader's language when it is written in it, else in the language it was written in
// (a campaign's primary language), else in English, else in whichever language it has. `locale`
// says which it is, so the page can mark it with lang and dir.
export function localized(
  locale: Locale,
  values: Partial<Record<Locale, string | null | undefined>>,
  primary: Locale = defaultLocale,
): { text: string; locale: Locale } {
  const preferred = values[locale];
  if (preferred) return { text: preferred, locale };
  const fallback = [primary, defaultLocale, ...locales].find((one) => values[one]) ?? primary;
  return { text: values[fallback] ?? "", locale: fallback };
}
