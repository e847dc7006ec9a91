import { z } from "zod";
import { isCountryCode } from "../countries";
import { isLocale, locales, type Locale } from "../i18n/locales";
import { translationsSchema, writtenIn, type TranslatedLists } from "../i18n/translations";

// Messages are keys of "LetterForm.errors", shown per field in the writer's language.
export const personalMinLength = 40;
export const personalMaxLength = 2000;
const bodyMaxLength = 6000;

// Whitespace and case do not make a copied paragraph one's own.
function normaliseLetterText(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLocaleLowerCase();
}

// A personal paragraph that is the template, or a piece of it, is not personal.
/** @internal exported for its tests */
export function isTemplateText(personal: string, templates: readonly string[]): boolean {
  const own = normaliseLetterText(personal);
  if (!own) return false;
  return templates.some((template) => {
    const known = normaliseLetterText(template);
    return known.length > 0 && (known.includes(own) || own === known);
  });
}

const recipientSchema = z.string({ error: "recipientRequired" }).trim().min(1, "recipientRequired").max(64, "recipientRequired");

// A ticked checkbox arrives as "yes" (or "on"); an unticked one does not arrive at all.
export function isTicked(value: unknown): boolean {
  return value === "yes" || value === "on" || value === true;
}
const ticked = z.unknown().optional().transform(isTicked);

// The letter as written on the page. `templates` are the campaign's letter bodies, against
// which the personal paragraph is checked.
export function letterInputSchema(templates: readonly string[]) {
  return z.object({
    recipient: recipientSchema,
    name: z.string({ error: "nameRequired" }).trim().min(1, "nameRequired").max(100, "nameTooLong"),
    body: z.string({ error: "bodyRequired" }).trim().min(1, "bodyRequired").max(bodyMaxLength, "bodyTooLong"),
    personal: z
      .string({ error: "personalRequired" })
      .trim()
      .min(1, "personalRequired")
      .min(personalMinLength, "personalTooShort")
      .max(personalMaxLength, "personalTooLong")
      .refine((text) => !isTemplateText(text, templates), "personalIsTemplate"),
    // Nothing about the writer but the name line leaves with the letter unless they tick these.
    replyToMe: ticked,
    copyToMe: ticked,
    // Required when the recipient is marked as a risk to writers: checked against the directory.
    acknowledgeRisk: ticked,
  });
}

export type LetterInput = z.infer<ReturnType<typeof letterInputSchema>>;
export type LetterField = "recipient" | "acknowledgeRisk" | "name" | "body" | "personal";
const letterFields: LetterField[] = ["recipient", "acknowledgeRisk", "name", "body", "personal"];
export type LetterFieldErrors = Partial<Record<LetterField, string>>;

export function letterFieldErrors(error: z.ZodError): LetterFieldErrors {
  const fields: LetterFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (letterFields as string[]).includes(field) && !fields[field as LetterField]) {
      fields[field as LetterField] = issue.message;
    }
  }
  return fields;
}

// Where the writer lives: a country code, and a region when the directory has regions there.
export const letterPlaceSchema = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => isCountryCode(code))
    .optional()
    .catch(undefined),
  region: z.string().trim().max(100).optional().catch(undefined).transform((value) => value || undefined),
});

// One language's subject lines, as the organiser typed them: blank lines dropped, ten at most.
const subjectLinesSchema = z
  .array(z.string({ error: "generic" }).trim().max(200, "subjectTooLong"), { error: "generic" })
  .transform((lines) => lines.filter(Boolean))
  .pipe(z.array(z.string()).max(10, "tooManySubjects"));

// Per language, only those with subject lines: a language without any is left out, as stored.
const subjectsSchema = z
  .partialRecord(z.enum(locales, { error: "generic" }), subjectLinesSchema, { error: "generic" })
  .nullish()
  .transform((lists) => {
    const kept: TranslatedLists = {};
    for (const locale of locales) if (lists?.[locale]?.length) kept[locale] = lists[locale];
    return kept;
  });

// What an organiser edits: subject variants (one per line) and the letter, per language, and the
// cap. Each language's subjects and letter go together; the campaign's own language is the one
// the letter needs, since readers of a language it is not written in are given that one.
export function letterTemplateSchema(primaryLocale: Locale) {
  return z
    .object({
      letterSubjects: subjectsSchema,
      letterBody: translationsSchema(bodyMaxLength, { tooLong: "bodyTooLong", invalid: "generic" }),
      dailyCap: z.coerce.number({ error: "capInvalid" }).int("capInvalid").min(0, "capInvalid").max(10_000, "capInvalid"),
    })
    .superRefine((value, ctx) => {
      // A letter needs words to send; subjects without a body (or the reverse) would be half a template.
      for (const locale of locales) {
        const subjects = value.letterSubjects[locale] ?? [];
        const body = value.letterBody[locale];
        if (body && subjects.length === 0) ctx.addIssue({ code: "custom", path: ["letterSubjects", locale], message: "subjectsRequired" });
        if (subjects.length > 0 && !body) ctx.addIssue({ code: "custom", path: ["letterBody", locale], message: "bodyRequired" });
      }
      const written = writtenIn(value.letterBody).length > 0 || Object.keys(value.letterSubjects).length > 0;
      const inPrimary = Boolean(value.letterBody[primaryLocale]) || Boolean(value.letterSubjects[primaryLocale]);
      if (written && !inPrimary) ctx.addIssue({ code: "custom", path: ["letterBody", primaryLocale], message: "primaryRequired" });
    });
}

export type LetterTemplateInput = z.infer<ReturnType<typeof letterTemplateSchema>>;
// A form field: one language's subject lines or letter ("letterBody.tr"), or the cap.
export type LetterTemplateField = `letterSubjects.${Locale}` | `letterBody.${Locale}` | "dailyCap";
export type LetterTemplateFieldErrors = Partial<Record<LetterTemplateField, string>>;

export function letterTemplateFields(locale: Locale): [`letterSubjects.${Locale}`, `letterBody.${Locale}`] {
  return [`letterSubjects.${locale}`, `letterBody.${locale}`];
}

export function letterTemplateFieldErrors(error: z.ZodError): LetterTemplateFieldErrors {
  const fields: LetterTemplateFieldErrors = {};
  for (const issue of error.issues) {
    const [name, locale] = issue.path;
    const field = (name === "letterSubjects" || name === "letterBody") && isLocale(locale) ? (`${name}.${locale}` as const) : name === "dailyCap" ? "dailyCap" : null;
    if (field && !fields[field]) fields[field] = issue.message;
  }
  return fields;
}
