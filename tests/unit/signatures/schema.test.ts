import { describe, expect, it } from "vitest";
import en from "../../../lib/i18n/messages/en/public.json";
import ar from "../../../lib/i18n/messages/ar/public.json";
import { fieldErrors, type FieldErrors } from "../../../lib/signatures/schema";
import { signInputSchema } from "../../../lib/signatures/sign-input";

const valid = { name: "Layla Haddad", email: "layla@example.org", country: "SY", postcode: "", comment: "", consent: "on" };

function without(input: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !keys.includes(key)));
}

// What the form shows: the per-field error keys, or null when the input is accepted.
function errorsFor(input: Record<string, unknown>): FieldErrors | null {
  const result = signInputSchema.safeParse(input);
  return result.success ? null : fieldErrors(result.error);
}

describe("signInputSchema", () => {
  it("accepts a complete form and tidies it", () => {
    const result = signInputSchema.parse({ ...valid, name: "  Layla Haddad ", email: " layla@example.org ", postcode: " 10115 ", comment: " Stop the bombing. " });
    expect(result).toEqual({
      name: "Layla Haddad",
      email: "layla@example.org",
      country: "SY",
      postcode: "10115",
      comment: "Stop the bombing.",
      consent: true,
      showPublicly: false,
    });
  });

  it("lists a signer publicly only when they tick the box", () => {
    expect(signInputSchema.parse(valid).showPublicly).toBe(false);
    expect(signInputSchema.parse({ ...valid, showPublicly: "on" }).showPublicly).toBe(true);
    const odd = signInputSchema.safeParse({ ...valid, showPublicly: "yes please" });
    expect(odd.success && odd.data.showPublicly).toBe(false);
  });

  it("treats empty optional fields as absent", () => {
    const result = signInputSchema.parse({ ...valid, postcode: "   ", comment: "" });
    expect(result.postcode).toBeUndefined();
    expect(result.comment).toBeUndefined();
    const parsed = signInputSchema.parse(without(valid, "postcode", "comment"));
    expect(parsed.postcode).toBeUndefined();
    expect(parsed.comment).toBeUndefined();
  });

  it("names each missing required field", () => {
    expect(errorsFor({ consent: undefined })).toEqual({ name: "nameRequired", email: "emailRequired", country: "countryRequired" });
    expect(errorsFor({ ...valid, name: "" })).toEqual({ name: "nameRequired" });
    expect(errorsFor({ ...valid, name: "   " })).toEqual({ name: "nameRequired" });
    expect(errorsFor({ ...valid, email: "" })).toEqual({ email: "emailRequired" });
    expect(errorsFor({ ...valid, email: "  " })).toEqual({ email: "emailRequired" });
    expect(errorsFor({ ...valid, country: "" })).toEqual({ country: "countryRequired" });
    expect(errorsFor({ ...valid, country: undefined })).toEqual({ country: "countryRequired" });
  });

  it("refuses a country that is not an ISO 3166-1 alpha-2 code", () => {
    for (const country of ["XX", "sy", "Syria", "SYR", "UN"]) {
      expect(errorsFor({ ...valid, country }), country).toEqual({ country: "countryRequired" });
    }
    for (const country of ["SY", "GB", "DE", "TR", "LB"]) expect(errorsFor({ ...valid, country }), country).toBeNull();
  });

  it("refuses a malformed e-mail address", () => {
    for (const email of ["layla", "layla@", "@example.org", "layla@@example.org", "layla example@example.org", "layla@example"]) {
      expect(errorsFor({ ...valid, email }), email).toEqual({ email: "emailInvalid" });
    }
    // Longer than the 254 characters an address may have, though every part is well formed.
    const long = `${"a".repeat(64)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.eee.org`;
    expect(long).toHaveLength(255);
    expect(errorsFor({ ...valid, email: long })).toEqual({ email: "emailInvalid" });
    expect(errorsFor({ ...valid, email: long.replace("eee.", "ee.") })).toBeNull();
  });

  it("accepts ordinary addresses, tags and subdomains included", () => {
    for (const email of ["layla.haddad@example.org", "layla+sy@gmail.com", "LAYLA@mail.example.co.uk", "l_h-1@example.org"]) {
      expect(errorsFor({ ...valid, email }), email).toBeNull();
    }
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1 555", "-2+3", "@SUM(A1)", "  =cmd|' /C calc'!A0", "\t+1", " @me"])(
    "refuses a name that a spreadsheet would run as a formula: %j",
    (name) => {
      expect(errorsFor({ ...valid, name })).toEqual({ name: "nameFormula" });
    },
  );

  it.each([
    "http://spam.example",
    "Visit https://example.net now",
    "HTTP://EXAMPLE",
    "www.spam",
    "Layla WWW.Example",
    "example.com",
    "Layla example.com",
    "EXAMPLE.ORG",
    "layla.haddad.net",
    "bit.ly",
    "ftp://files",
  ])("refuses a name that contains a web address: %j", (name) => {
    expect(errorsFor({ ...valid, name })).toEqual({ name: "nameUrl" });
  });

  // `\b` in a JavaScript regular expression only knows ASCII letters, even with the u flag, so a
  // domain whose name is all Arabic or Cyrillic letters slips through lib/signatures/schema.ts:10.
  // Fix: use (?<![\p{L}\p{N}]) and (?![\p{L}\p{N}]) in place of the two \b.
  it.each(["موقع.com", "زوروا موقعنا.net", "спам.org"])("refuses a web address whose name is written in non-Latin letters: %j", (name) => {
    expect(errorsFor({ ...valid, name })).toEqual({ name: "nameUrl" });
  });

  it.each(["J. R. Smith", "O'Brien", "O’Brien", "ليلى الحداد", "Anne-Marie", "Dr. Ahmad Al-Hassan", "St. John", "Jean-Luc D'Or", "محمد عبد الله", "José Müller", "Mary Jo. Smith-Jones"])(
    "accepts an ordinary name: %j",
    (name) => {
      expect(errorsFor({ ...valid, name })).toBeNull();
      expect(signInputSchema.parse({ ...valid, name }).name).toBe(name);
    },
  );

  it("accepts names in the middle of which =, +, - or @ appear", () => {
    expect(errorsFor({ ...valid, name: "Anne-Marie + Joe" })).toBeNull();
    expect(errorsFor({ ...valid, name: "Layla = Leila" })).toBeNull();
  });

  it("limits the name to 100 characters", () => {
    expect(errorsFor({ ...valid, name: "ل".repeat(100) })).toBeNull();
    expect(errorsFor({ ...valid, name: "ل".repeat(101) })).toEqual({ name: "nameTooLong" });
  });

  it("limits the postcode to 16 and the comment to 500 characters", () => {
    expect(errorsFor({ ...valid, postcode: "1".repeat(16) })).toBeNull();
    expect(errorsFor({ ...valid, postcode: "1".repeat(17) })).toEqual({ postcode: "postcodeTooLong" });
    expect(errorsFor({ ...valid, comment: "ب".repeat(500) })).toBeNull();
    expect(errorsFor({ ...valid, comment: "ب".repeat(501) })).toEqual({ comment: "commentTooLong" });
    // Whitespace around the text does not count against the limit.
    expect(errorsFor({ ...valid, comment: `  ${"x".repeat(500)}  ` })).toBeNull();
  });

  it("reports every invalid field at once, one key per field", () => {
    expect(errorsFor({ name: "=1", email: "nope", country: "ZZ", postcode: "x".repeat(17), comment: "y".repeat(501), consent: "on" })).toEqual({
      name: "nameFormula",
      email: "emailInvalid",
      country: "countryRequired",
      postcode: "postcodeTooLong",
      comment: "commentTooLong",
    });
  });

  it("reads the consent checkbox the way a browser and a JSON client send it", () => {
    const consent = (value: unknown) => signInputSchema.parse({ ...valid, consent: value }).consent;
    expect(consent("on")).toBe(true);
    expect(consent("true")).toBe(true);
    expect(consent(true)).toBe(true);
    expect(consent("")).toBe(false);
    expect(consent(undefined)).toBe(false);
    expect(consent(false)).toBe(false);
  });

  // A form or API client that leaves the unticked box out entirely (as browsers do) must not be refused:
  // today the missing key yields fields.consent = "Invalid input: expected nonoptional, received undefined",
  // which is not a translation key. Fix: lib/signatures/schema.ts, make `checkbox` .optional().
  it("accepts a form with no consent field at all, as 'no consent'", () => {
    const withoutConsent = without(valid, "consent");
    expect(errorsFor(withoutConsent)).toBeNull();
    expect(signInputSchema.safeParse(withoutConsent).data?.consent).toBe(false);
  });

  it("never reads an unexpected consent value as consent", () => {
    for (const value of ["false", "off", "0", "yes please", 1]) {
      const result = signInputSchema.safeParse({ ...valid, consent: value });
      expect(result.success && result.data.consent, String(value)).toBe(false);
    }
  });

  // Every key must exist in SignForm.errors, or the form would show a raw key (or fail to render).
  it("only produces error keys the form can show in English and Arabic", () => {
    const produced = new Set<string>();
    const inputs = [
      { consent: "on" },
      { name: "=1", email: "nope", country: "ZZ", postcode: "x".repeat(17), comment: "y".repeat(501), consent: "on" },
      { name: "www.example", email: "x".repeat(300), country: "", postcode: "", comment: "", consent: "" },
      { name: "x".repeat(101), email: "a@b", country: "sy", consent: true },
    ];
    for (const input of inputs) for (const key of Object.values(errorsFor(input) ?? {})) produced.add(key);
    expect(produced.size).toBeGreaterThanOrEqual(8);
    for (const key of produced) {
      expect(en.SignForm.errors, `en: ${key}`).toHaveProperty(key);
      expect(ar.SignForm.errors, `ar: ${key}`).toHaveProperty(key);
    }
  });
});
