import { z } from "zod";
import { isCountryCode } from "../countries";

// Which confirmed signatures an export holds. Dates bound `confirmed_at`, both ends inclusive.
export type ExportFilters = {
  from?: Date;
  to?: Date;
  country?: string;
  consentedOnly?: boolean;
};

// Error messages are keys of the "Export.errors" translations.
const exportErrorKeys = ["dateInvalid", "rangeInvalid", "countryInvalid", "consentedInvalid"] as const;
type ExportErrorKey = (typeof exportErrorKeys)[number];
export type ExportField = "from" | "to" | "country" | "consented";
export type ExportFieldErrors = Partial<Record<ExportField, ExportErrorKey>>;

const fallbackError: Record<ExportField, ExportErrorKey> = {
  from: "dateInvalid",
  to: "dateInvalid",
  country: "countryInvalid",
  consented: "consentedInvalid",
};

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

// A calendar day (UTC) as the date input sends it: YYYY-MM-DD.
function isDay(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const day = z.preprocess(blankToUndefined, z.string().refine(isDay, "dateInvalid").optional());

// The query string of GET /api/organiser/campaigns/:id/export, exactly what the page's form sends.
const exportQuerySchema = z
  .object({
    from: day,
    to: day,
    country: z.preprocess(
      (value) => (typeof value === "string" ? blankToUndefined(value.trim().toUpperCase()) : value),
      z.string().refine(isCountryCode, "countryInvalid").optional(),
    ),
    consented: z.preprocess(
      blankToUndefined,
      z.enum(["on", "true", "1", "false", "0"], { error: "consentedInvalid" }).optional(),
    ),
  })
  // Compared only when both are real days (a bad date has its own error already).
  .refine((query) => !isDay(query.from) || !isDay(query.to) || query.from <= query.to, { path: ["to"], message: "rangeInvalid" })
  .transform(
    (query): ExportFilters => ({
      from: query.from ? new Date(`${query.from}T00:00:00.000Z`) : undefined,
      // The whole last day: timestamps are stored to the millisecond.
      to: query.to ? new Date(`${query.to}T23:59:59.999Z`) : undefined,
      country: query.country,
      consentedOnly: query.consented === "on" || query.consented === "true" || query.consented === "1",
    }),
  );

export type ExportQueryResult = { success: true; filters: ExportFilters } | { success: false; fields: ExportFieldErrors };

export function parseExportQuery(params: URLSearchParams | Record<string, string | undefined>): ExportQueryResult {
  const entries = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const parsed = exportQuerySchema.safeParse(entries);
  if (parsed.success) return { success: true, filters: parsed.data };
  const fields: ExportFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ExportField;
    // zod's own messages (a repeated parameter, say) fall back to the field's general error.
    const key = (exportErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as ExportErrorKey) : fallbackError[field];
    fields[field] ??= key;
  }
  return { success: false, fields };
}

// The filters as the audit log keeps them: plain JSON.
export function describeFilters(filters: ExportFilters): Record<string, string | boolean> {
  return {
    ...(filters.from ? { from: filters.from.toISOString() } : {}),
    ...(filters.to ? { to: filters.to.toISOString() } : {}),
    ...(filters.country ? { country: filters.country } : {}),
    consentedOnly: Boolean(filters.consentedOnly),
  };
}
