// The interface's languages. Adding one: its messages in lib/i18n/messages/<code>/ (every file of
// en/, with index.ts), its code here and in the Locale enum of prisma/schema.prisma (a migration),
// its name below; the README's "Languages" section says the rest.
export const locales = ["en", "ar", "tr", "ku", "fr", "de"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

// The languages content is written in (campaigns, statements, letters, profiles), and so those of
// what is printed or handed over from it (sign sheets, posters, delivery packs): English and Arabic.
export const contentLocales = ["en", "ar"] as const;
export type ContentLocale = (typeof contentLocales)[number];

// Open Graph's names of the languages (language_TERRITORY).
export const openGraphLocale: Record<Locale, string> = { en: "en_GB", ar: "ar_AR", tr: "tr_TR", ku: "ku_TR", fr: "fr_FR", de: "de_DE" };

// Each language's name in itself, for the language menu.
export const localeNames: Record<Locale, string> = { en: "English", ar: "العربية", tr: "Türkçe", ku: "Kurmancî", fr: "Français", de: "Deutsch" };

// A language's name in the reader's language ("İngilizce" for en, to a Turkish reader).
export function languageName(reader: Locale, language: Locale): string {
  return new Intl.DisplayNames([reader], { type: "language" }).of(language) ?? language;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function direction(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

// Picks the locale's field of a per-locale record, falling back to English when it is missing
// (content is written in English and Arabic; the other languages read it in English).
export function localized<T extends string | null | undefined>(
  locale: Locale,
  values: { en: T; ar: T },
): { text: NonNullable<T> | ""; locale: Locale } {
  const preferred = (values as Partial<Record<Locale, T>>)[locale];
  if (preferred) return { text: preferred as NonNullable<T>, locale };
  return { text: (values.en ?? "") as NonNullable<T> | "", locale: "en" };
}
