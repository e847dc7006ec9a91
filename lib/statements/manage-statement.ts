import { recordAudit, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { Locale } from "../generated/prisma/enums";
import { readTranslations, storedTranslations, type Translations } from "../i18n/translations";
import { englishByline, statementAuthorsSelect } from "./authors";
import { statementFieldErrors, statementInputSchema, type StatementFormValues } from "./schema";
import { statementFacts, type StatementFacts } from "./statement-facts";
import { editingOrganisationIds, requireStatementEditor, statementsAnsweredForBy } from "./statement-access";

export type EditableStatement = StatementFacts & {
  id: string;
  url: string | null;
  hasFullText: boolean;
};

export type StatementForEditing = EditableStatement & { summary: Translations; fullText: string; updatedAt: Date };

const editableSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  authorName: true,
  publishedOn: true,
  datePrecision: true,
  language: true,
  url: true,
  fullText: true,
  updatedAt: true,
  authors: statementAuthorsSelect,
} as const;

type EditableRow = {
  id: string;
  slug: string;
  title: unknown;
  summary: unknown;
  authorName: string;
  publishedOn: Date;
  datePrecision: string;
  language: Locale;
  url: string | null;
  fullText: string | null;
  updatedAt: Date;
  authors: { name: unknown }[];
};

function shapeEditable(row: EditableRow): StatementForEditing {
  return {
    id: row.id,
    ...statementFacts(row),
    url: row.url,
    hasFullText: Boolean(row.fullText),
    summary: readTranslations(row.summary),
    fullText: row.fullText ?? "",
    updatedAt: row.updatedAt,
  };
}

// The statements the actor may change (see statement-access.ts), newest first.
export async function listEditableStatements(options: { actor: Actor }): Promise<EditableStatement[]> {
  const organisationIds = editingOrganisationIds(options.actor);
  if (organisationIds.length === 0) return [];
  const rows = await db.sourceStatement.findMany({ where: statementsAnsweredForBy(organisationIds), orderBy: [{ publishedOn: "desc" }, { slug: "asc" }], select: editableSelect });
  return rows.map((row) => {
    const { id, slug, title, authors, publishedOn, datePrecision, language, url, hasFullText } = shapeEditable(row);
    return { id, slug, title, authors, publishedOn, datePrecision, language, url, hasFullText };
  });
}

export async function getStatementForEditing(options: { actor: Actor; statementId: string }): Promise<StatementForEditing> {
  await requireStatementEditor(options.actor, options.statementId);
  const row = await db.sourceStatement.findUnique({ where: { id: options.statementId }, select: editableSelect });
  if (!row) throw new AppError("NOT_FOUND");
  return shapeEditable(row);
}

// Saves the link, language, title, summary, full text and authors, and logs what changed in the audit log of the
// organisation the actor acts for. Invalid input is VALIDATION, with a message key per field, and
// changes nothing.
export async function updateStatement(options: { actor: Actor; statementId: string; values: StatementFormValues }): Promise<{ changed: string[] }> {
  const access = await requireStatementEditor(options.actor, options.statementId);
  const parsed = statementInputSchema.safeParse(options.values);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: statementFieldErrors(parsed.error, options.values) });
  const input = parsed.data;
  const entered = input.authors.map(({ row }) => storedTranslations({ en: row.name, ar: row.nameAr }));

  return db.$transaction(async (tx) => {
    const before = await tx.sourceStatement.findUnique({ where: { id: options.statementId }, select: { slug: true, title: true, summary: true, url: true, language: true, fullText: true, authors: statementAuthorsSelect } });
    if (!before) throw new AppError("NOT_FOUND");
    const previous = before.authors.map((author) => readTranslations(author.name));
    // The form edits the English and Arabic names: an author's name in any other language stays
    // while their English name does.
    const authors = entered.map((name, index) => ({ position: index + 1, name: { ...otherLanguages(previous.find((known) => known.en === name.en)), ...name } }));
    const sameAuthors = previous.length === authors.length && previous.every((name, index) => sameTranslations(name, authors[index]!.name));
    const changed = [
      before.url !== input.url ? "url" : null,
      before.language !== input.language ? "language" : null,
      sameTranslations(readTranslations(before.title), input.title) ? null : "title",
      sameTranslations(readTranslations(before.summary), input.summary) ? null : "summary",
      before.fullText !== input.fullText ? "fullText" : null,
      sameAuthors ? null : "authors",
    ].filter((field): field is string => field !== null);
    if (changed.length === 0) return { changed };

    await tx.sourceStatement.update({
      where: { id: options.statementId },
      data: { url: input.url, language: input.language, title: input.title, summary: input.summary, fullText: input.fullText, authorName: englishByline(authors) },
    });
    if (!sameAuthors) {
      await tx.statementAuthor.deleteMany({ where: { statementId: options.statementId } });
      await tx.statementAuthor.createMany({ data: authors.map((author) => ({ ...author, statementId: options.statementId })) });
    }
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "statement.update",
      affected: 1,
      details: { statement: options.statementId, slug: before.slug, title: input.title, changed, url: input.url },
    });
    return { changed };
  });
}

function otherLanguages(name: Translations | undefined): Translations {
  return Object.fromEntries(Object.entries(name ?? {}).filter(([locale]) => locale !== "en" && locale !== "ar"));
}

function sameTranslations(a: Translations, b: Translations): boolean {
  const keys = Object.keys(a) as (keyof Translations)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
