import { z } from "zod";
import { locales, type Locale } from "../i18n/locales";
import { translationsSchema } from "../i18n/translations";

// The statement editor's rules, run in the browser for instant feedback and again on the server.
// Messages are keys of "StatementEditor.errors", shown per field in the organiser's language.

export const statementLimits = {
  url: 2_000,
  // The longest seed statement is under 4,000 characters; a long report still fits.
  fullText: 100_000,
  authorName: 200,
  authors: 10,
  // Author rows a form may send, blank ones included; anything past this is not read at all.
  authorRows: 20,
  title: 300,
  summary: 3_000,
} as const;

const statementErrorKeys = ["required", "tooLong", "urlInvalid", "languageInvalid", "authorsRequired", "authorsTooMany", "invalidValue"] as const;
type StatementErrorKey = (typeof statementErrorKeys)[number];

// Keyed by the field's path: "url", "fullText", "language", "title.ar", "authors", "authors.1.name".
export type StatementFieldErrors = Record<string, StatementErrorKey>;

export type AuthorRowValues = { name: string; nameAr: string };
// The title and the summary (what the statement says, in Nida's words) per language.
export type StatementFormValues = { url: string; language: string; fullText: string; title: Record<Locale, string>; summary: Record<Locale, string>; authors: AuthorRowValues[] };

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

// A row left blank is no author: that is how an organiser removes one, and the spare rows stay empty.
const isBlankRow = (row: AuthorRowValues) => row.name.trim() === "" && row.nameAr.trim() === "";

const authorRow = z.object({
  name: z.string({ error: "invalidValue" }).trim().min(1, "required").max(statementLimits.authorName, "tooLong"),
  nameAr: z
    .string({ error: "invalidValue" })
    .trim()
    .max(statementLimits.authorName, "tooLong")
    .transform((value) => value || null),
});

export const statementInputSchema = z.object({
  // Only a web address a reader can open: no javascript:, mailto: or relative links.
  url: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "urlInvalid" }).max(statementLimits.url, "tooLong").nullable()),
  language: z.enum(locales, { error: "languageInvalid" }),
  title: translationsSchema(statementLimits.title, { tooLong: "tooLong", invalid: "invalidValue" }),
  summary: translationsSchema(statementLimits.summary, { tooLong: "tooLong", invalid: "invalidValue" }),
  // Line breaks as the statement has them, whichever a browser sends (a textarea posts CRLF).
  fullText: z
    .string({ error: "required" })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, "required").max(statementLimits.fullText, "tooLong")),
  authors: z
    .array(z.object({ name: z.string(), nameAr: z.string() }))
    .transform((rows) => rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row)))
    .pipe(
      z
        .array(z.object({ row: authorRow, index: z.number() }))
        .min(1, "authorsRequired")
        .max(statementLimits.authors, "authorsTooMany"),
    ),
})
  // A title in one language at least: asked for in the statement's own.
  .superRefine((input, context) => {
    if (Object.keys(input.title).length === 0) context.addIssue({ code: "custom", path: ["title", input.language], message: "required" });
  });


// Errors per field; an author row's error is keyed by the row the organiser sees, blank rows counted.
export function statementFieldErrors(error: z.ZodError, values: StatementFormValues): StatementFieldErrors {
  const shown = values.authors.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row));
  const result: StatementFieldErrors = {};
  for (const issue of error.issues) {
    const [field, position, , column] = issue.path;
    let path = String(field ?? "form");
    if (field === "authors" && typeof position === "number" && typeof column === "string") path = `authors.${shown[position]?.index ?? position}.${column}`;
    if ((field === "title" || field === "summary") && typeof position === "string") path = `${field}.${position}`;
    if (result[path]) continue;
    result[path] = (statementErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as StatementErrorKey) : "invalidValue";
  }
  return result;
}

// The form's fields: "url", "language", "fullText", "title.<language>", "summary.<language>", and
// author rows "authors.<row>.name" / ".nameAr".
export function statementValuesFromFormData(formData: FormData): StatementFormValues {
  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const authors: AuthorRowValues[] = [];
  for (const [name, value] of formData.entries()) {
    const match = /^authors\.(\d{1,2})\.(name|nameAr)$/.exec(name);
    if (!match || typeof value !== "string") continue;
    const row = Number(match[1]);
    if (row >= statementLimits.authorRows) continue;
    while (authors.length <= row) authors.push({ name: "", nameAr: "" });
    authors[row]![match[2] as "name" | "nameAr"] = value;
  }
  const perLanguage = (field: string) => Object.fromEntries(locales.map((locale) => [locale, read(`${field}.${locale}`)])) as Record<Locale, string>;
  return { url: read("url"), language: read("language"), fullText: read("fullText"), title: perLanguage("title"), summary: perLanguage("summary"), authors };
}

// The id of a field's control in the form.
export function statementFieldId(path: string): string {
  return `statement-${path.replaceAll(".", "-")}`;
}
