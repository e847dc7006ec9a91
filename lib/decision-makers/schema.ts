import { z } from "zod";
import { isCountryCode } from "../countries";
import { locales, type Locale } from "../i18n/locales";
import { storedTranslations, type Translations } from "../i18n/translations";

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
// key ("name"), each other language's its own ("nameAr", "nameTr"): the form offers English and
// Arabic, a CSV file any enabled language.
export const translatedFields = ["name", "title", "institution"] as const;
export type TranslatedField = (typeof translatedFields)[number];
type OtherLocale = Exclude<Locale, "en">;
export type TranslatedKey = TranslatedField | `${TranslatedField}${Capitalize<OtherLocale>}`;

export function translatedKey(field: TranslatedField, locale: Locale): TranslatedKey {
  return locale === "en" ? field : `${field}${(locale.charAt(0).toUpperCase() + locale.slice(1)) as Capitalize<OtherLocale>}`;
}

const formLocales: readonly Locale[] = ["en", "ar"];

export const decisionMakerFields = [
  "name",
  "nameAr",
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
// The texts in the languages the form does not offer, which only a CSV file carries.
type OtherLanguageKey = `${TranslatedField}${Capitalize<Exclude<Locale, "en" | "ar">>}`;
const otherLanguageFields = translatedFields.flatMap((field) => locales.filter((locale) => !formLocales.includes(locale)).map((locale) => translatedKey(field, locale) as OtherLanguageKey));
export type DecisionMakerField = (typeof decisionMakerFields)[number] | TranslatedKey;
export type DecisionMakerFieldErrors = Partial<Record<DecisionMakerField, DecisionMakerErrorKey>>;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const requiredText = (max: number) => z.string({ error: "required" }).trim().min(1, "required").max(max, "tooLong");
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "tooLong").nullable().default(null));
// A language the form does not offer: absent (undefined) when not given at all, so it is kept.
const otherLanguageText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max, "tooLong").nullable().optional());

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
  nameAr: optionalText(200),
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
  ...(Object.fromEntries(otherLanguageFields.map((key) => [key, otherLanguageText(200)])) as Record<OtherLanguageKey, ReturnType<typeof otherLanguageText>>),
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

// A text's languages as the form or a CSV row gives them.
function texts(input: DecisionMakerInput, field: TranslatedField): Translations {
  return storedTranslations(Object.fromEntries(locales.map((locale) => [locale, input[translatedKey(field, locale)]])));
}

// The form's (or a CSV row's) values in the shape the database stores.
export function decisionMakerData(input: DecisionMakerInput) {
  return {
    name: texts(input, "name"),
    title: texts(input, "title"),
    institution: texts(input, "institution"),
    country: input.country,
    region: input.region,
    email: input.email,
    contactUrl: input.contactUrl,
    preferredLocale: input.preferredLocale,
    lastVerifiedOn: input.lastVerifiedOn ? new Date(`${input.lastVerifiedOn}T00:00:00Z`) : null,
    riskToSigners: input.riskToSigners,
  };
}

// The languages of a text an edit gives: the form's always (a blank field clears its text), any
// other only when its key is there, so an edit in the form keeps what a CSV file gave in Turkish.
export function givenLanguages(input: DecisionMakerInput, field: TranslatedField): Locale[] {
  return locales.filter((locale) => formLocales.includes(locale) || input[translatedKey(field, locale)] !== undefined);
}

// A text after an edit: the given languages as edited, the others as they were.
export function mergedTranslations(current: Translations, edited: Translations, given: readonly Locale[]): Translations {
  return storedTranslations(Object.fromEntries(locales.map((locale) => [locale, given.includes(locale) ? edited[locale] : current[locale]])));
}
