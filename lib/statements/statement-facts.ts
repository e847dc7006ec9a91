import type { Locale } from "../generated/prisma/enums";
import type { AuthorName } from "./authors";

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
