import { z } from "zod";
import { AppError } from "../../errors";
import { DemandKind } from "../../generated/prisma/enums";
import { isLocale, locales, type Locale } from "../../i18n/locales";
import { translationsSchema, type Translations } from "../../i18n/translations";

// Validation messages are keys of the "CampaignEditor.errors" translations, so each field's error
// is shown in the organiser's language, in the browser and after a plain POST alike. The schema
// takes the editor form's own values (strings), so the browser and the server run the same rules.

export const editorLimits = {
  title: 150,
  summary: 600,
  body: 20_000,
  demandText: 600,
  sourceQuote: 1_000,
  goals: 10,
  goal: 1_000_000_000,
  demands: 20,
  // Rows a form may send, blank ones included; anything past this is not read at all.
  demandRows: 40,
  decisionMakers: 100,
} as const;

export const demandKinds = Object.values(DemandKind) as [DemandKind, ...DemandKind[]];

/** @internal exported for its tests */
export const errorKeys = [
  "titleRequired",
  "titleTooLong",
  "summaryTooLong",
  "bodyTooLong",
  "goalsRequired",
  "goalsInvalid",
  "goalsNotAscending",
  "goalsTooMany",
  "dateInvalid",
  "closesBeforeOpens",
  "demandKindRequired",
  "demandTextRequired",
  "demandTextTooLong",
  "sourceQuoteTooLong",
  "demandsTooMany",
  "statementUnknown",
  "decisionMakerUnknown",
  "decisionMakersTooMany",
  // Checked when a campaign is (or already is) public.
  "summaryRequiredToPublish",
  "demandsRequiredToPublish",
  "closesAtPassed",
  // State transitions.
  "statusNotDraft",
  "statusNotOpen",
  "statusNotClosed",
  "invalidValue",
] as const;
export type ErrorKey = (typeof errorKeys)[number];

// Keyed by the field's path: "title.ar", "goals", "demands", "demands.2.text.ar", "status".
export type FieldErrors = Record<string, ErrorKey>;

const text = (max: number, tooLong: ErrorKey) => z.string({ error: "invalidValue" }).trim().max(max, tooLong);

const optionalText = (max: number, tooLong: ErrorKey) =>
  text(max, tooLong)
    .nullish()
    .transform((value) => (value ? value : null));

// One text in each language the organiser wrote it in; which one is required is the campaign's
// primary language, checked once the whole form is read.
const texts = (max: number, tooLong: ErrorKey) => translationsSchema<ErrorKey>(max, { tooLong, invalid: "invalidValue" });

const optionalId = z
  .string({ error: "invalidValue" })
  .trim()
  .max(64, "invalidValue")
  .nullish()
  .transform((value) => (value ? value : null));

// Digits typed on an Arabic keyboard (٠١٢… or ۰۱۲…) count as the digits they are.
function westernDigits(value: string): string {
  return value.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => String((digit.charCodeAt(0) & 0xf) % 10));
}

// "1000, 10000, 100000" (the form) or [1000, 10000, 100000] (a script): ascending positive integers.
const goalsSchema = z.union([z.string(), z.array(z.number())], { error: "goalsRequired" }).transform((value, context) => {
  const parts = typeof value === "string" ? westernDigits(value).split(/[,،;\s]+/).filter(Boolean) : value.map(String);
  const fail = (message: ErrorKey) => {
    context.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  if (parts.length === 0) return fail("goalsRequired");
  if (parts.length > editorLimits.goals) return fail("goalsTooMany");
  if (!parts.every((part) => /^\d{1,10}$/.test(part))) return fail("goalsInvalid");
  const goals = parts.map(Number);
  if (goals.some((goal) => goal < 1 || goal > editorLimits.goal)) return fail("goalsInvalid");
  if (goals.some((goal, index) => index > 0 && goal <= goals[index - 1]!)) return fail("goalsNotAscending");
  return goals;
});

// Months after closing before the signers' personal data is anonymised: 1 to 120; empty keeps 6.
const defaultRetentionMonths = 6;
const retentionSchema = z
  .union([z.string(), z.number()], { error: "invalidValue" })
  .nullish()
  .transform((value, context) => {
    const text = westernDigits(String(value ?? "")).trim();
    if (text === "") return defaultRetentionMonths;
    const months = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
    if (!(months >= 1 && months <= 120)) {
      context.addIssue({ code: "custom", message: "invalidValue" });
      return z.NEVER;
    }
    return months;
  });

// A date input's value, "YYYY-MM-DD", as midnight UTC; empty means no date.
const dateSchema = z
  .string({ error: "dateInvalid" })
  .nullish()
  .transform((value, context) => {
    const day = value?.trim();
    if (!day) return null;
    const date = new Date(`${day}T00:00:00.000Z`);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
    if (!valid || date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
      context.addIssue({ code: "custom", message: "dateInvalid" });
      return z.NEVER;
    }
    return date;
  });

const demandFields = ["kind", "text", "sourceQuote", "sourceStatementId"] as const;

const isBlank = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (typeof value === "object" && !Array.isArray(value) && Object.values(value).every(isBlank));

// A row with nothing written in it. The form always offers a couple of these, to add demands
// without JavaScript.
export function isEmptyDemandRow(row: unknown): boolean {
  if (row === null || row === undefined) return true;
  if (typeof row !== "object") return false;
  const values = row as Record<string, unknown>;
  return demandFields.every((field) => isBlank(values[field]));
}

// Empty rows, and rows the organiser ticked "Remove", mean nothing.
function isDroppedDemandRow(row: unknown): boolean {
  const remove = typeof row === "object" && row !== null ? (row as { remove?: unknown }).remove : undefined;
  return remove === true || remove === "on" || isEmptyDemandRow(row);
}

const demandSchema = z.object({
  kind: z.enum(demandKinds, { error: "demandKindRequired" }),
  text: texts(editorLimits.demandText, "demandTextTooLong"),
  sourceQuote: optionalText(editorLimits.sourceQuote, "sourceQuoteTooLong"),
  sourceStatementId: optionalId,
});
// `row` is the demand's row in the form, so later checks (an unknown statement) can point at it.
type DemandInput = z.infer<typeof demandSchema> & { row: number };

// Dropped rows keep their place until after validation, so an error's path is the row the organiser sees.
const demandsSchema = z
  .array(z.preprocess((row) => (isDroppedDemandRow(row) ? null : row), demandSchema.nullable()), { error: "invalidValue" })
  .max(editorLimits.demandRows, "demandsTooMany")
  .nullish()
  .transform((rows) => (rows ?? []).flatMap((demand, row): DemandInput[] => (demand ? [{ ...demand, row }] : [])))
  .refine((rows) => rows.length <= editorLimits.demands, "demandsTooMany");

const idListSchema = z
  .array(z.string({ error: "invalidValue" }).trim().min(1, "invalidValue").max(64, "invalidValue"), { error: "invalidValue" })
  .max(editorLimits.decisionMakers, "decisionMakersTooMany")
  .nullish()
  .transform((ids) => [...new Set(ids ?? [])]);

export const campaignInputSchema = z
  .object({
    // The language the campaign is written in: the one its title and demands must have.
    primaryLocale: z.enum(locales, { error: "invalidValue" }),
    title: texts(editorLimits.title, "titleTooLong"),
    summary: texts(editorLimits.summary, "summaryTooLong"),
    // Markdown, stored as written; rendered without raw HTML by app/components/markdown.tsx.
    body: texts(editorLimits.body, "bodyTooLong"),
    goals: goalsSchema,
    opensAt: dateSchema,
    closesAt: dateSchema,
    retentionMonths: retentionSchema,
    sourceStatementId: optionalId,
    demands: demandsSchema,
    decisionMakerIds: idListSchema,
  })
  .superRefine(
    (input, context) => {
      const { opensAt, closesAt, primaryLocale, title, demands } = input as { opensAt?: unknown; closesAt?: unknown; primaryLocale?: unknown; title?: unknown; demands?: unknown };
      if (opensAt instanceof Date && closesAt instanceof Date && closesAt <= opensAt) {
        context.addIssue({ code: "custom", path: ["closesAt"], message: "closesBeforeOpens" });
      }
      if (!isLocale(primaryLocale)) return;
      if (!isWrittenIn(title, primaryLocale)) context.addIssue({ code: "custom", path: ["title", primaryLocale], message: "titleRequired" });
      if (!Array.isArray(demands)) return;
      // Once every row parsed, each kept row carries its number; when one failed, the rows are still
      // as the form sent them (null where dropped), so a row's number is its index.
      (demands as unknown[]).forEach((demand, index) => {
        if (typeof demand !== "object" || demand === null) return;
        const { row, text } = demand as { row?: unknown; text?: unknown };
        if (!isWrittenIn(text, primaryLocale)) {
          context.addIssue({ code: "custom", path: ["demands", typeof row === "number" ? row : index, "text", primaryLocale], message: "demandTextRequired" });
        }
      });
    },
    // Checked even when other fields failed, so every problem is listed at once; the dates are
    // only compared when both parsed.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );

export type CampaignInput = z.output<typeof campaignInputSchema>;

// Each field's first problem, as a translation key; anything unforeseen (a value of the wrong type
// from a hand-made request) becomes the generic "invalidValue".
export function fieldErrors(error: z.ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    if (result[path]) continue;
    result[path] = (errorKeys as readonly string[]).includes(issue.message) ? (issue.message as ErrorKey) : "invalidValue";
  }
  return result;
}

function isWrittenIn(values: unknown, locale: Locale): boolean {
  const text = typeof values === "object" && values !== null ? (values as Translations)[locale] : undefined;
  return typeof text === "string" && text.trim() !== "";
}

// closesAt is checked only when given: a public campaign past its closing date may still be edited,
// but not published or reopened until the date is moved.
export type PublishableCampaign = { primaryLocale: Locale; title: Translations; summary: Translations; demandCount: number; closesAt?: Date | null };

// What a campaign needs before the public may see it, and for as long as it is public: its title
// and summary in the language it is written in; translations are never required.
export function publishProblems(campaign: PublishableCampaign, now = new Date()): FieldErrors {
  const problems: FieldErrors = {};
  const primary = campaign.primaryLocale;
  if (!isWrittenIn(campaign.title, primary)) problems[`title.${primary}`] = "titleRequired";
  if (!isWrittenIn(campaign.summary, primary)) problems[`summary.${primary}`] = "summaryRequiredToPublish";
  if (campaign.demandCount === 0) problems.demands = "demandsRequiredToPublish";
  if (campaign.closesAt && campaign.closesAt <= now) problems.closesAt = "closesAtPassed";
  return problems;
}

// The language a field's path names, if any: "demands.2.text.ar" → "ar". Messages about a text
// name its language ("Enter a title in Arabic").
export function fieldLanguage(path: string): Locale | undefined {
  const last = path.slice(path.lastIndexOf(".") + 1);
  return isLocale(last) ? last : undefined;
}

// The id of a form control for a field path: "demands.2.text.ar" → "demands-2-text-ar".
export function fieldId(path: string): string {
  return path.replace(/\./g, "-");
}

// The one way into the domain functions: a VALIDATION error with a key per field, or the input.
export function parseCampaignInput(input: unknown): CampaignInput {
  const parsed = campaignInputSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { detail: "invalid campaign input", fields: fieldErrors(parsed.error) });
  return parsed.data;
}
