import type { Locale } from "../generated/prisma/enums";
import { statementAuthors, statementAuthorsSelect, type AuthorName } from "./authors";

// What every page that names a source statement says of it.
export type StatementFacts = {
  slug: string;
  title: { en: string; ar: string | null };
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
  titleAr: true,
  authorName: true,
  authors: statementAuthorsSelect,
  publishedOn: true,
  datePrecision: true,
  language: true,
} as const;

type StatementFactsRow = {
  slug: string;
  title: string;
  titleAr: string | null;
  authorName: string;
  authors?: { name: string; nameAr: string | null }[];
  publishedOn: Date;
  datePrecision: string;
  language: Locale;
};

export function statementFacts(row: StatementFactsRow): StatementFacts {
  return {
    slug: row.slug,
    title: { en: row.title, ar: row.titleAr },
    authors: statementAuthors(row),
    publishedOn: row.publishedOn,
    datePrecision: row.datePrecision,
    language: row.language,
  };
}
