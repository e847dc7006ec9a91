import { z } from "zod";
import { isCountryCode } from "../countries";
import { SignatureState } from "../generated/prisma/enums";
import { canonicalEmail, emailDomain } from "../signatures/canonical-email";

// Validation messages are keys of the "Moderation.errors" translations, so a moderator sees each
// field's problem in their own language after a plain POST or GET.
/** @internal exported for its tests */
export const moderationErrorKeys = [
  "textTooLong",
  "emailInvalid",
  "emailNotAllowed",
  "countryInvalid",
  "stateInvalid",
  "dateInvalid",
  "dateRange",
  "ipHashInvalid",
  "emailDomainInvalid",
  "byRequired",
  "valueRequired",
  "actionInvalid",
  "reasonRequired",
  "reasonTooLong",
  "noneSelected",
  "tooManySelected",
  "selectorInvalid",
  "daysInvalid",
  "invalidValue",
] as const;
export type ModerationErrorKey = (typeof moderationErrorKeys)[number];
export type ModerationFieldErrors = Record<string, ModerationErrorKey>;

export function isModerationErrorKey(value: unknown): value is ModerationErrorKey {
  return typeof value === "string" && (moderationErrorKeys as readonly string[]).includes(value);
}

// Each field's first problem as a translation key; anything unforeseen becomes "invalidValue".
export function moderationFieldErrors(error: z.ZodError): ModerationFieldErrors {
  const result: ModerationFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : "form";
    if (result[field]) continue;
    result[field] = isModerationErrorKey(issue.message) ? issue.message : "invalidValue";
  }
  return result;
}

/** @internal exported for its tests */
export const signatureStates = Object.values(SignatureState) as [SignatureState, ...SignatureState[]];

// An IP hash as stored, or a prefix of it as the signatures table shows it.
const minIpHashPrefix = 8;
const ipHashRule = z
  .string()
  .trim()
  .regex(new RegExp(`^[A-Za-z0-9_-]{${minIpHashPrefix},64}$`), "ipHashInvalid");

// Domains are stored as the canonical address has them (lower case, googlemail.com as gmail.com).
const emailDomainRule = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ""))
  .pipe(z.string().max(253, "emailDomainInvalid").regex(/^[^\s@.]+(\.[^\s@.]+)+$/u, "emailDomainInvalid"))
  .transform((domain) => emailDomain(canonicalEmail(`x@${domain}`)));

const emailRule = z.string().trim().max(254, "emailInvalid").pipe(z.email("emailInvalid"));

const countryRule = z.string().trim().toUpperCase().refine(isCountryCode, "countryInvalid");

// A calendar day, "YYYY-MM-DD", read as a UTC day.
const dayRule = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "dateInvalid");

// Empty form fields mean "no filter".
const blankAsUnset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

export const searchFiltersSchema = z
  .object({
    // Whole words of the name, or a whole e-mail address.
    text: blankAsUnset(z.string().trim().max(100, "textTooLong")),
    email: blankAsUnset(emailRule),
    country: blankAsUnset(countryRule),
    state: blankAsUnset(z.enum(signatureStates, "stateInvalid")),
    // Signed on or after / on or before these UTC days.
    from: blankAsUnset(dayRule),
    to: blankAsUnset(dayRule),
    ipHash: blankAsUnset(ipHashRule),
    emailDomain: blankAsUnset(emailDomainRule),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, { path: ["to"], message: "dateRange" });

export type SearchFiltersInput = z.input<typeof searchFiltersSchema>;
export type SearchFilters = z.output<typeof searchFiltersSchema>;
export const searchFilterFields = ["text", "email", "country", "state", "from", "to", "ipHash", "emailDomain"] as const;
export type SearchFilterField = (typeof searchFilterFields)[number];

const maxPageSize = 100;
export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize).catch(50),
});

// What a bulk action applies to: exactly one of these. Rows picked by hand are `ids`.
const maxSelectedIds = 500;
const idsRule = z.array(z.string().trim().min(1).max(64)).min(1, "noneSelected").max(maxSelectedIds, "tooManySelected");
const selectorRules = { ids: idsRule, ipHash: ipHashRule, emailDomain: emailDomainRule, email: emailRule, country: countryRule } as const;

const signatureSelectorSchema = z.union([
  z.strictObject({ ids: idsRule }),
  z.strictObject({ ipHash: ipHashRule }),
  z.strictObject({ emailDomain: emailDomainRule }),
  z.strictObject({ email: emailRule }),
  z.strictObject({ country: countryRule }),
]);
export type SignatureSelectorInput = z.input<typeof signatureSelectorSchema>;
export type SignatureSelector = z.output<typeof signatureSelectorSchema>;

// The kinds of bulk selector a moderator types in (hand-picked rows come from checkboxes).
export const selectorKinds = ["ipHash", "emailDomain", "email", "country"] as const;
export type SelectorKind = (typeof selectorKinds)[number];

// Why a selector was refused, as one translation key: the problem with its one value if it has
// exactly one known key, otherwise "selectorInvalid".
function selectorError(input: unknown): ModerationErrorKey {
  if (typeof input === "object" && input !== null && !Array.isArray(input)) {
    const entries = Object.entries(input);
    const [key, value] = entries[0] ?? [];
    if (entries.length === 1 && key && key in selectorRules) {
      const result = selectorRules[key as keyof typeof selectorRules].safeParse(value);
      const message = result.success ? undefined : result.error.issues[0]?.message;
      if (isModerationErrorKey(message)) return message;
    }
  }
  return "selectorInvalid";
}

export function parseSelector(input: unknown): { success: true; data: SignatureSelector } | { success: false; error: ModerationErrorKey } {
  const result = signatureSelectorSchema.safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false, error: selectorError(input) };
}

export const bulkActions = ["invalidate", "restore"] as const;
export type BulkAction = (typeof bulkActions)[number];

// Why a signature is held (HELD, or FRAUDULENT from before), as the sign path records it.
export const heldReasons = ["no-proof", "ceiling", "rate-limit"] as const;

// Free text from scripts and jobs; the pages offer these codes and translate them.
export const invalidationReasons = ["abuse", "duplicate", "fake", "signer-request", "test", "other"] as const;
export const reasonSchema = z.string({ error: "reasonRequired" }).trim().min(1, "reasonRequired").max(200, "reasonTooLong");

const actionRule = z.enum(bulkActions, "actionInvalid");
const optionalReason = z.preprocess((value) => (value === null ? undefined : value), z.string().trim().max(200, "reasonTooLong").optional());

function requireReasonToInvalidate(form: { action: BulkAction; reason?: string }, ctx: z.RefinementCtx) {
  if (form.action === "invalidate" && !form.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
}

// The bulk form: what to do, by which kind of match, the value to match, and why.
export const bulkFormSchema = z
  .object({
    action: actionRule,
    by: z.enum(selectorKinds, "byRequired"),
    value: z.string({ error: "valueRequired" }).trim().min(1, "valueRequired"),
    reason: optionalReason,
  })
  .superRefine((form, ctx) => {
    // Runs only once `by` and `value` are valid themselves; the guard keeps it safe regardless.
    const rule = selectorRules[form.by] as z.ZodType | undefined;
    if (!rule || typeof form.value !== "string") return;
    const result = rule.safeParse(form.value);
    if (!result.success) {
      const message = result.error.issues[0]?.message;
      ctx.addIssue({ code: "custom", path: ["value"], message: isModerationErrorKey(message) ? message : "invalidValue" });
    }
    requireReasonToInvalidate(form, ctx);
  })
  .transform((form) => ({
    action: form.action,
    selector: { [form.by]: selectorRules[form.by].parse(form.value) } as SignatureSelector,
    reason: form.reason || undefined,
  }));

// The rows ticked in the results table.
export const selectionFormSchema = z
  .object({ action: actionRule, ids: idsRule, reason: optionalReason })
  .superRefine(requireReasonToInvalidate)
  .transform((form) => ({ action: form.action, selector: { ids: form.ids } as SignatureSelector, reason: form.reason || undefined }));

export const statsDaysSchema = z.number({ error: "daysInvalid" }).int("daysInvalid").min(1, "daysInvalid").max(366, "daysInvalid");
