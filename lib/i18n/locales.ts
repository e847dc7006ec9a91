export const locales = ["en", "ar"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function direction(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

// Picks the locale's field of a per-locale record, falling back to English when it is missing.
export function localized<T extends string | null | undefined>(
  locale: Locale,
  values: { en: T; ar: T },
): { text: NonNullable<T> | ""; locale: Locale } {
  const preferred = values[locale];
  if (preferred) return { text: preferred as NonNullable<T>, locale };
  return { text: (values.en ?? "") as NonNullable<T> | "", locale: "en" };
}
