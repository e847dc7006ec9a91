import { z } from "zod";
import { isCountryCode } from "../countries";

// Messages are keys of "Directory.errors", shown per field (and per CSV row) in the organiser's language.
const decisionMakerErrorKeys = [
  "required",
  "tooLong",
  "emailInvalid",
  "countryInvalid",
  "urlInvalid",
  "localeInvalid",
  "dateInvalid",
  "emailTaken",
  "duplicateInFile",
  "invalidValue",
] as const;
export type DecisionMakerErrorKey = (typeof decisionMakerErrorKeys)[number];

export const decisionMakerFields = [
  "name",
  "title",
  "titleAr",
  "institution",
  "institutionAr",
  "country",
  "region",
  "email",
  "contactUrl",
  "preferredLocale",
  "lastVerifiedOn",
  "riskToSigners",
] as const;
export type DecisionMakerField = (typeof decisionMakerFields)[number];
export type DecisionMakerFieldErrors = Partial<Record<DecisionMakerField, DecisionMakerErrorKey>>;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const requiredText = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "tooLong").nullable().default(null));

// International bodies have no ISO country: "UN" and "INT" stand for them.
const country = z
  .string({ error: "required" })
  .trim()
  .toUpperCase()
  .min(1, "required")
  .refine((value) => value === "UN" || value === "INT" || isCountryCode(value), "countryInvalid");

// A checkbox ("yes", or absent), or a CSV cell: true/false, yes/no, 1/0; blank is no.
const yesNo = z.preprocess(
  (value) => (value === undefined || value === null ? "" : typeof value === "boolean" ? String(value) : value),
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => ["", "true", "false", "yes", "no", "1", "0", "on"].includes(value), "invalidValue")
    .transform((value) => ["true", "yes", "1", "on"].includes(value)),
);

export const decisionMakerSchema = z.object({
  name: requiredText(200),
  title: optionalText(200),
  titleAr: optionalText(200),
  institution: requiredText(200),
  institutionAr: optionalText(200),
  country,
  region: optionalText(120),
  email: z
    .string({ error: "required" })
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(254, "emailInvalid")
    .pipe(z.email("emailInvalid")),
  contactUrl: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, error: "urlInvalid" }).max(500, "tooLong").nullable().default(null)),
  preferredLocale: z.preprocess(blankToNull, z.enum(["en", "ar"], { error: "localeInvalid" }).nullable().default(null)).transform((value) => value ?? "en"),
  lastVerifiedOn: z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid")
      .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), "dateInvalid")
      .nullable()
      .default(null),
  ),
  riskToSigners: yesNo,
});

export type DecisionMakerInput = z.infer<typeof decisionMakerSchema>;

export function decisionMakerFieldErrors(error: z.ZodError): DecisionMakerFieldErrors {
  const result: DecisionMakerFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as DecisionMakerField | undefined;
    if (!field || result[field]) continue;
    result[field] = (decisionMakerErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as DecisionMakerErrorKey) : "invalidValue";
  }
  return result;
}

// The form's (or a CSV row's) values in the shape the database stores.
export function decisionMakerData(input: DecisionMakerInput) {
  return { ...input, lastVerifiedOn: input.lastVerifiedOn ? new Date(`${input.lastVerifiedOn}T00:00:00Z`) : null };
}
