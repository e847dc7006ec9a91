import { localized, type Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";

// One author of a statement, named in each language it is known in (English as the statement gives it).
export type AuthorName = Translations;

// What every page that names a statement's authors reads.
export const statementAuthorsSelect = { orderBy: { position: "asc" }, select: { name: true } } as const;

const listLocale: Record<Locale, string> = { en: "en-GB", ar: "ar", tr: "tr", ku: "ku", fr: "fr", de: "de" };

// How that language joins names in a sentence: "A and B", "A, B and C", "أ وب".
export function nameList(locale: Locale): Intl.ListFormat {
  return new Intl.ListFormat(listLocale[locale], { type: "conjunction" });
}

export function joinNames(names: string[], locale: Locale): string {
  return nameList(locale).format(names);
}

// A statement's authors, in order; a statement stored with none yet is by its byline.
export function statementAuthors(statement: { authorName: string; authors?: { name: unknown }[] }): AuthorName[] {
  const authors = statement.authors ?? [];
  return authors.length > 0 ? authors.map((author) => readTranslations(author.name)) : [{ en: statement.authorName }];
}

// The English byline kept beside the authors (authorName): their English names joined.
export function englishByline(authors: { name: Translations }[]): string {
  return joinNames(
    authors.map((author) => localized("en", author.name).text),
    "en",
  );
}
