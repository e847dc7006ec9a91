import { languageName, locales, type Locale } from "@/lib/i18n/locales";

// Each language's name in the organiser's, named on the server so the form reads the same in every browser.
export function languageNames(reader: Locale): Record<Locale, string> {
  return Object.fromEntries(locales.map((language) => [language, languageName(reader, language)])) as Record<Locale, string>;
}
