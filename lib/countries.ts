// The package's entry without its 78 languages' names (the names come from Intl below).
import countries from "i18n-iso-countries/index";
import type { Locale } from "./i18n/locales";

// ISO 3166-1 alpha-2 codes; names come from the platform's own CLDR data, in the reader's language.
const countryCodes: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const codeSet = new Set(countryCodes);

export function isCountryCode(value: string): boolean {
  return codeSet.has(value);
}

// Codes the directory uses for bodies that belong to no one country.
const groupNames: Record<string, Record<Locale, string>> = {
  UN: { en: "United Nations", ar: "الأمم المتحدة", tr: "Birleşmiş Milletler", ku: "Neteweyên Yekbûyî", fr: "Nations unies", de: "Vereinte Nationen" },
  INT: { en: "International", ar: "دولي", tr: "Uluslararası", ku: "Navneteweyî", fr: "International", de: "International" },
};

export function countryName(code: string, locale: Locale): string {
  const group = groupNames[code];
  if (group) return group[locale];
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function countryOptions(locale: Locale): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale);
  return countryCodes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

// The codes in the order countryOptions lists them: what the sign form needs to name them itself.
export function countryCodesInOrder(locale: Locale): string[] {
  return countryOptions(locale).map((country) => country.code);
}
