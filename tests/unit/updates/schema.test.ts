import { describe, expect, it } from "vitest";
import { updateDraftSchema, updateFieldErrors } from "../../../lib/updates/schema";

// The values the update form posts, as the action hands them on.
const form = (overrides: Record<string, unknown> = {}) => ({ scope: "campaign", subject: { ar: "سلّمنا العريضة" }, body: { ar: "شكرًا لكم." }, mailed: "on", published: "", ...overrides });

function errors(input: unknown) {
  const parsed = updateDraftSchema({ campaignLocale: "ar" }).safeParse(input);
  return parsed.success ? {} : updateFieldErrors(parsed.error);
}

describe("an update's draft", () => {
  it("needs only the language of the campaign it is about, and keeps the others as written, blanks dropped", () => {
    const parsed = updateDraftSchema({ campaignLocale: "ar" }).parse(form({ subject: { ar: " سلّمنا العريضة ", tr: "Teslim ettik", en: "  " }, body: { ar: "شكرًا لكم.", tr: "Teşekkürler." } }));
    expect(parsed).toEqual({ scope: "campaign", subject: { ar: "سلّمنا العريضة", tr: "Teslim ettik" }, body: { ar: "شكرًا لكم.", tr: "Teşekkürler." }, mailed: true, published: false });
    expect(errors(form({ subject: { en: "We delivered it" }, body: { en: "Thank you." } }))).toEqual({ "subject.ar": "subjectRequired", "body.ar": "bodyRequired" });
  });

  it("needs English for an update about all of the organisation's campaigns", () => {
    expect(errors(form({ scope: "organisation" }))).toEqual({ "subject.en": "subjectRequired", "body.en": "bodyRequired" });
    expect(errors(form({ scope: "organisation", subject: { en: "We delivered it" }, body: { en: "Thank you." } }))).toEqual({});
  });

  it("refuses another language with a subject and no message, or a message and no subject, on the field left empty", () => {
    expect(errors(form({ subject: { ar: "سلّمنا العريضة", fr: "Nous l’avons remise" }, body: { ar: "شكرًا لكم.", de: "Danke." } }))).toEqual({
      "body.fr": "translationIncomplete",
      "subject.de": "translationIncomplete",
    });
  });

  it("refuses a text too long in any language, a language that is not one of ours, and an update that goes nowhere", () => {
    expect(errors(form({ subject: { ar: "سلّمنا العريضة", ku: "x".repeat(151) }, body: { ar: "شكرًا لكم.", ku: "Spas." } }))).toEqual({ "subject.ku": "subjectTooLong" });
    expect(errors(form({ subject: { ar: "سلّمنا العريضة", xx: "?" } }))).toEqual({ subject: "invalidValue" });
    expect(errors(form({ mailed: "" }))).toEqual({ mailed: "deliveryRequired" });
  });
});
