import { z } from "zod/mini";

// Validation messages are keys of the "SignForm.errors" translations, so each field's error is
// shown in the signer's language in the browser and after a plain POST alike.
const nameRules = {
  // Spreadsheet programs treat a leading = + - @ as a formula.
  startsLikeFormula: (name: string) => /^[=+\-@]/.test(name),
  containsUrl: (name: string) =>
    /:\/\/|www\.|(?<![\p{L}\p{N}])[\p{L}\p{N}-]+\.(?:com|org|net|info|io|ru|xyz|top|site|online|biz|me|co|uk|de|app|link|ly|gl|to)(?![\p{L}\p{N}])/iu.test(name),
};

// Control characters have no place in a name or an address (and PostgreSQL refuses NUL outright);
// a comment may keep its line breaks and tabs.
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]/;
const controlCharactersButLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Half of a UTF-16 surrogate pair is not text at all (it cannot even be stored as UTF-8).
const loneSurrogate = /\p{Cs}/u;
const withoutControls = (text: string) => !controlCharacters.test(text) && !loneSurrogate.test(text);

const optionalText = (max: number, message: string, allowed: RegExp = controlCharacters) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), z.maxLength(max, message), z.refine((text) => !allowed.test(text) && !loneSurrogate.test(text), "invalidValue"))),
    z.transform((value: string | undefined) => (value ? value : undefined)),
  );

const checkbox = z.pipe(
  z.optional(z.union([z.literal("on"), z.literal("true"), z.literal(""), z.boolean()])),
  z.transform((value: "on" | "true" | "" | boolean | undefined) => value === true || value === "on" || value === "true"),
);

// In zod's smaller build (zod/mini): the campaign page's script checks the same fields in the
// browser before they are sent, and carries these rules with it. Which country codes exist is
// the caller's: the server knows the ISO list (lib/countries.ts, through ./sign-input.ts), the
// browser the codes its form was rendered with, so the ISO table stays on the server.
export function signInputSchemaFor(isCountryCode: (code: string) => boolean) {
  return z.object({
    name: z
      .string({ error: "nameRequired" })
      .check(
        z.trim(),
        z.minLength(1, "nameRequired"),
        z.maxLength(100, "nameTooLong"),
        z.refine((name) => !nameRules.startsLikeFormula(name), "nameFormula"),
        z.refine((name) => !nameRules.containsUrl(name), "nameUrl"),
        z.refine(withoutControls, "invalidValue"),
      ),
    email: z.pipe(
      z.string({ error: "emailRequired" }).check(z.trim(), z.minLength(1, "emailRequired"), z.maxLength(254, "emailInvalid"), z.refine(withoutControls, "emailInvalid")),
      z.email("emailInvalid"),
    ),
    country: z.string({ error: "countryRequired" }).check(z.refine(isCountryCode, "countryRequired")),
    postcode: optionalText(16, "postcodeTooLong"),
    comment: optionalText(500, "commentTooLong", controlCharactersButLineBreaks),
    // "Keep me informed by the organisations behind this campaign"; signing never depends on it.
    consent: checkbox,
    // "Show my first name and country among recent signers": off unless ticked.
    showPublicly: checkbox,
  });
}

export type SignInput = z.output<ReturnType<typeof signInputSchemaFor>>;
export type SignField = keyof SignInput;
export type FieldErrors = Partial<Record<SignField, ErrorKey>>;

/** @internal exported for its tests */
export const errorKeys = [
  "nameRequired",
  "nameTooLong",
  "nameFormula",
  "nameUrl",
  "emailRequired",
  "emailInvalid",
  "countryRequired",
  "postcodeTooLong",
  "commentTooLong",
  "invalidValue",
  // Checked on the server only (lib/abuse): the address is at a throwaway-mailbox provider.
  "emailDisposable",
] as const;
type ErrorKey = (typeof errorKeys)[number];

// Each field's first problem, as a translation key; anything unforeseen (a value of the wrong
// type from a hand-made request) becomes the generic "invalidValue".
export function fieldErrors(error: z.core.$ZodError): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as SignField | undefined;
    if (!field || result[field]) continue;
    result[field] = (errorKeys as readonly string[]).includes(issue.message) ? (issue.message as ErrorKey) : "invalidValue";
  }
  return result;
}
