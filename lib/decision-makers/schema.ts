import { z } from "zod";
import { isCountryCode } from "../countries";
import { locales, type Locale } from "../i18n/locales";
import { keyedTranslations, languageKeys, otherLanguageKeys, storedTranslations, type Translations } from "../i18n/translations";

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

// Name, office and institution are written per language. A field's English text keeps the plain
// key ("name"), each other language's its own ("nameAr", "nameTr"), in the form and in a CSV file
// alike. English is the one required: the shared directory's entries are found and matched by it.
export const translatedFields = ["name", "title", "institution"] as const;
export type TranslatedField = (typeof translatedFields)[number];
// The fields written once, in no particular language.
export const untranslatedFields = ["country", "region", "email", "contactUrl", "preferredLocale", "lastVerifiedOn", "riskToSigners"] as const;
export const decisionMakerFields = [...languageKeys(translatedFields), ...untranslatedFields] as const;
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
  institution: requiredText(200),
  // The texts in languages other than English: optional in every language.
  ...otherLanguageKeys("name", optionalText(200)),
  ...otherLanguageKeys("title", optionalText(200)),
  ...otherLanguageKeys("institution", optionalText(200)),
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
  preferredLocale: z.preprocess(blankToNull, z.enum(locales, { error: "localeInvalid" }).nullable().default(null)).transform((value) => value ?? "en"),
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
  return {
    name: keyedTranslations(input, "name"),
    title: keyedTranslations(input, "title"),
    institution: keyedTranslations(input, "institution"),
    country: input.country,
    region: input.region,
    email: input.email,
    contactUrl: input.contactUrl,
    preferredLocale: input.preferredLocale,
    lastVerifiedOn: input.lastVerifiedOn ? new Date(`${input.lastVerifiedOn}T00:00:00Z`) : null,
    riskToSigners: input.riskToSigners,
  };
}

// A text after an edit: the given languages as edited, the others as they were.
export function mergedTranslations(current: Translations, edited: Translations, given: readonly Locale[]): Translations {
  return storedTranslations(Object.fromEntries(locales.map((locale) => [locale, given.includes(locale) ? edited[locale] : current[locale]])));
}
