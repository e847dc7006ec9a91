import { languageName, locales, type Locale } from "@/lib/i18n/locales";
import type { Translations } from "@/lib/i18n/translations";

// Stored texts as the update form's fields hold them: every language, "" where none is written.
export function formTexts(values: Translations = {}): Record<Locale, string> {
  return Object.fromEntries(locales.map((language) => [language, values[language] ?? ""])) as Record<Locale, string>;
}

// Each language's name in the organiser's, named on the server so the form reads the same in every browser.
export function languageNames(reader: Locale): Record<Locale, string> {
  return Object.fromEntries(locales.map((language) => [language, languageName(reader, language)])) as Record<Locale, string>;
}
