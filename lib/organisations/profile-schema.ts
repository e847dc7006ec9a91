import { z } from "zod";
import { languageKeys, otherLanguageKeys } from "../i18n/translations";

// An organisation's public profile as its owners edit it. Messages are keys of
// "OrganisationProfile.errors", shown per field in the owner's language; the form checks with the
// same schema in the browser, the server's check is the one that counts.

export const profileLimits = { name: 120, description: 500, website: 300, contactEmail: 254, senderName: 80 } as const;

// The name and the description are written per language ("name", "nameAr", "nameTr", …; see
// languageKey); the name in English is required.
export const profileTexts = ["name", "description"] as const;
export const profileFields = [...languageKeys(profileTexts), "website", "contactEmail", "senderName"] as const;
export type ProfileField = (typeof profileFields)[number];

const profileErrorKeys = ["nameRequired", "tooLong", "lineBreak", "websiteInvalid", "websiteHttps", "emailInvalid", "senderInvalid", "invalidValue"] as const;
type ProfileErrorKey = (typeof profileErrorKeys)[number];
export type ProfileFieldErrors = Partial<Record<ProfileField, ProfileErrorKey>>;

// Line breaks, tabs and other control characters: none belongs in a name, and in a mail header
// one would start a new header.
// Bidirectional overrides and isolates too: they could make a name read as something else.
export const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// What would let a display name break out of its place in a From header ("Name" <address>) or
// pass for an address of its own.
export const headerSyntax = /["<>\\,;@]/;

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
const text = (value: unknown) => (typeof value === "string" ? value.trim() : value);

const oneLine = (max: number) => z.string({ error: "invalidValue" }).max(max, "tooLong").refine((value) => !controlCharacters.test(value), "lineBreak");

const optionalLine = (max: number) => z.preprocess((value) => blankToNull(text(value)), oneLine(max).nullable().default(null));

const description = z.preprocess(
  (value) => blankToNull(typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value),
  z.string({ error: "invalidValue" }).max(profileLimits.description, "tooLong").nullable().default(null),
);

const website = z.preprocess(
  (value) => blankToNull(text(value)),
  z
    .string({ error: "invalidValue" })
    .max(profileLimits.website, "tooLong")
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol) && new URL(value).hostname.includes("."), "websiteInvalid")
    .refine((value) => !URL.canParse(value) || new URL(value).protocol === "https:", "websiteHttps")
    .refine((value) => !URL.canParse(value) || (new URL(value).username === "" && new URL(value).password === ""), "websiteInvalid")
    .nullable()
    .default(null),
);

const contactEmail = z.preprocess(
  (value) => blankToNull(typeof value === "string" ? value.trim().toLowerCase() : value),
  z.string({ error: "invalidValue" }).max(profileLimits.contactEmail, "tooLong").pipe(z.email("emailInvalid")).nullable().default(null),
);

const senderName = z.preprocess(
  (value) => blankToNull(text(value)),
  oneLine(profileLimits.senderName)
    .refine((value) => !headerSyntax.test(value), "senderInvalid")
    .nullable()
    .default(null),
);

export const organisationProfileSchema = z.object({
  name: z.preprocess(text, z.string({ error: "nameRequired" }).min(1, "nameRequired").pipe(oneLine(profileLimits.name))),
  description,
  ...otherLanguageKeys("name", optionalLine(profileLimits.name)),
  ...otherLanguageKeys("description", description),
  website,
  contactEmail,
  senderName,
});

export type OrganisationProfileInput = z.infer<typeof organisationProfileSchema>;

// Each field's first problem, as a translation key; anything unforeseen becomes "invalidValue".
export function profileFieldErrors(error: z.ZodError): ProfileFieldErrors {
  const result: ProfileFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as ProfileField | undefined;
    if (!field || result[field]) continue;
    result[field] = (profileErrorKeys as readonly string[]).includes(issue.message) ? (issue.message as ProfileErrorKey) : "invalidValue";
  }
  return result;
}
