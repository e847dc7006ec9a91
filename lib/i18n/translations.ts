import { z } from "zod";
import { isLocale, locales, type Locale } from "./locales";

// Content written per language: a campaign's title, its demands, an update. Stored as one JSON
// object per text ({"ar": "…", "en": "…"}), with only the languages it is written in, never an
// empty string; a language more needs no column more.
export type Translations = Partial<Record<Locale, string>>;
export type TranslatedLists = Partial<Record<Locale, string[]>>;

// A stored value as Translations: keys that are not enabled languages, and values that are not
// non-empty strings, are left out (a column's default is {}).
export function readTranslations(value: unknown): Translations {
  const result: Translations = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return result;
  for (const [key, text] of Object.entries(value)) {
    if (isLocale(key) && typeof text === "string" && text !== "") result[key] = text;
  }
  return result;
}

export function readTranslatedLists(value: unknown): TranslatedLists {
  const result: TranslatedLists = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return result;
  for (const [key, list] of Object.entries(value)) {
    if (!isLocale(key) || !Array.isArray(list)) continue;
    const texts = list.filter((text): text is string => typeof text === "string" && text !== "");
    if (texts.length > 0) result[key] = texts;
  }
  return result;
}

// Translations as stored: empty and blank texts dropped, the rest kept as written.
export function storedTranslations(values: Partial<Record<Locale, string | null | undefined>>): Translations {
  const result: Translations = {};
  for (const locale of locales) {
    const text = values[locale];
    if (typeof text === "string" && text.trim() !== "") result[locale] = text;
  }
  return result;
}

// Texts as a form's fields hold them: every enabled language, "" where none is written.
export function formTexts(values: Translations = {}): Record<Locale, string> {
  return Object.fromEntries(locales.map((locale) => [locale, values[locale] ?? ""])) as Record<Locale, string>;
}

// The languages a text is written in, in the order of the enabled languages.
export function writtenIn(values: Translations): Locale[] {
  return locales.filter((locale) => Boolean(values[locale]));
}

// The languages a text is written in, the one it was first written in first (whether or not it
// has it yet: a draft's title may still be empty).
export function languagesOf(values: Translations, primary: Locale): Locale[] {
  return [primary, ...writtenIn(values).filter((locale) => locale !== primary)];
}

// One text per language as a form or an API sends it: {"ar": "…", "tr": "…"}, each trimmed and
// at most `max` characters; blank ones are dropped. Unknown languages are refused.
export function translationsSchema<Message extends string>(max: number, messages: { tooLong: Message; invalid: Message }) {
  return z
    .partialRecord(z.enum(locales, { error: messages.invalid }), z.string({ error: messages.invalid }).trim().max(max, messages.tooLong).nullish(), { error: messages.invalid })
    .nullish()
    .transform((values) => storedTranslations(values ?? {}));
}

// A form field's name for a text in one language: the English text keeps the plain name ("name"),
// each other language's adds its code ("nameAr", "nameTr"), as forms and CSV files give them.
type OtherLocale = Exclude<Locale, "en">;
export type LanguageKey<Field extends string> = Field | `${Field}${Capitalize<OtherLocale>}`;

export function languageKey<Field extends string>(field: Field, locale: Locale): LanguageKey<Field> {
  return locale === "en" ? field : `${field}${(locale.charAt(0).toUpperCase() + locale.slice(1)) as Capitalize<OtherLocale>}`;
}

// Every language's key of each field, field by field.
export function languageKeys<Field extends string>(fields: readonly Field[]): LanguageKey<Field>[] {
  return fields.flatMap((field) => locales.map((locale) => languageKey(field, locale)));
}

// Which field and language a key names, or null for a key of no translated field.
export function parseLanguageKey<Field extends string>(fields: readonly Field[], key: string): { field: Field; locale: Locale } | null {
  for (const field of fields) for (const locale of locales) if (languageKey(field, locale) === key) return { field, locale };
  return null;
}

// The other way: each field's texts under their language keys, `missing` where a language has none
// (the values a form or a CSV row shows).
export function languageKeyed<Field extends string, Missing extends string | null>(
  fields: readonly Field[],
  texts: Readonly<Record<Field, Translations>>,
  missing: Missing,
): Record<LanguageKey<Field>, string | Missing> {
  return Object.fromEntries(fields.flatMap((field) => locales.map((locale) => [languageKey(field, locale), texts[field][locale] ?? missing]))) as Record<LanguageKey<Field>, string | Missing>;
}

// Every language's key of `field` but English's (the plain one), each with `value`: the optional
// translations of a form's text, one schema for all of them.
export function otherLanguageKeys<Field extends string, Value>(field: Field, value: Value): Record<Exclude<LanguageKey<Field>, Field>, Value> {
  return Object.fromEntries(locales.filter((locale) => locale !== "en").map((locale) => [languageKey(field, locale), value])) as Record<Exclude<LanguageKey<Field>, Field>, Value>;
}

// A text's languages as a form or a CSV row gives them under their language keys.
export function keyedTranslations<Field extends string>(values: { readonly [Key in LanguageKey<Field>]?: string | null }, field: Field): Translations {
  return storedTranslations(Object.fromEntries(locales.map((locale) => [locale, values[languageKey(field, locale)]])));
}
