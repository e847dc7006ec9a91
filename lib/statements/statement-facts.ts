import type { Locale } from "../generated/prisma/enums";
import { readTranslations, type Translations } from "../i18n/translations";
import { statementAuthors, statementAuthorsSelect, type AuthorName } from "./authors";

// What every page that names a source statement says of it.
export type StatementFacts = {
  slug: string;
  title: Translations;
  // Everyone the statement is by, in its byline's order.
  authors: AuthorName[];
  publishedOn: Date;
  datePrecision: string;
  // The language the statement, and so its quotes, are written in.
  language: Locale;
};

// The columns StatementFacts are made of, for a select or an include.
export const statementFactsSelect = {
  slug: true,
  title: true,
  authorName: true,
  authors: statementAuthorsSelect,
  publishedOn: true,
  datePrecision: true,
  language: true,
} as const;

type StatementFactsRow = {
  slug: string;
  title: unknown;
  authorName: string;
  authors?: { name: unknown }[];
  publishedOn: Date;
  datePrecision: string;
  language: Locale;
};

export function statementFacts(row: StatementFactsRow): StatementFacts {
  return {
    slug: row.slug,
    title: readTranslations(row.title),
    authors: statementAuthors(row),
    publishedOn: row.publishedOn,
    datePrecision: row.datePrecision,
    language: row.language,
  };
}
