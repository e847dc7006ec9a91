import type { Locale } from "../i18n/locales";

// One author of a statement, named in English (as the statement gives it) and in Arabic where known.
export type AuthorName = { en: string; ar: string | null };

// What every page that names a statement's authors reads.
export const statementAuthorsSelect = { orderBy: { position: "asc" }, select: { name: true, nameAr: true } } as const;

const listLocale: Record<Locale, string> = { en: "en-GB", ar: "ar", tr: "tr", ku: "ku", fr: "fr", de: "de" };

// How that language joins names in a sentence: "A and B", "A, B and C", "أ وب".
export function nameList(locale: Locale): Intl.ListFormat {
  return new Intl.ListFormat(listLocale[locale], { type: "conjunction" });
}

export function joinNames(names: string[], locale: Locale): string {
  return nameList(locale).format(names);
}

// A statement's authors, in order; a statement stored with none yet is by its byline.
export function statementAuthors(statement: { authorName: string; authors?: { name: string; nameAr: string | null }[] }): AuthorName[] {
  const authors = statement.authors ?? [];
  return authors.length > 0 ? authors.map((author) => ({ en: author.name, ar: author.nameAr })) : [{ en: statement.authorName, ar: null }];
}

// The English byline kept beside the authors (authorName): their English names joined.
export function englishByline(authors: { name: string }[]): string {
  return joinNames(
    authors.map((author) => author.name),
    "en",
  );
}
