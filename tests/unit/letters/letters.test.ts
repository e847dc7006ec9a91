import { describe, expect, it } from "vitest";
import { isolate } from "../../../lib/i18n/isolate";
import { composeLetterText, defaultSignatureLine, mailtoLink } from "../../../lib/letters/compose-letter";
import { preselectedRecipient } from "../../../lib/letters/find-recipients";
import { letterLocale, rotateSubject, templateBodies } from "../../../lib/letters/letter-campaign";
import { isTemplateText, letterFieldErrors, letterInputSchema, letterTemplateFieldErrors, letterTemplateSchema } from "../../../lib/letters/schema";
import { isTemplateName, renderTemplate } from "../../../lib/mail/templates";

const template = "I am writing to ask you to protect civilians.\n\nPlease act now.";
const valid = { recipient: "dm1", name: "Layla", body: template, personal: "My family lives in Idlib and I worry for them every single day." };

function errorsOf(input: Record<string, unknown>) {
  const parsed = letterInputSchema([template]).safeParse(input);
  return parsed.success ? {} : letterFieldErrors(parsed.error);
}

describe("the personal paragraph", () => {
  it("is required, long enough, and the writer's own", () => {
    expect(errorsOf(valid)).toEqual({});
    expect(errorsOf({ ...valid, personal: "   " })).toEqual({ personal: "personalRequired" });
    expect(errorsOf({ ...valid, personal: "Too short." })).toEqual({ personal: "personalTooShort" });
    expect(errorsOf({ ...valid, personal: template })).toEqual({ personal: "personalIsTemplate" });
    expect(errorsOf({ ...valid, personal: "i am writing to ask you to PROTECT civilians.  please act now." })).toEqual({ personal: "personalIsTemplate" });
    expect(errorsOf({ ...valid, personal: "x".repeat(2001) })).toEqual({ personal: "personalTooLong" });
    expect(errorsOf({ recipient: "", name: "", body: "", personal: "" })).toEqual({
      recipient: "recipientRequired",
      name: "nameRequired",
      body: "bodyRequired",
      personal: "personalRequired",
    });
  });

  it("may quote a few words of the template inside a paragraph of its own", () => {
    expect(isTemplateText("As the letter says, please act now: my cousin's school in Idlib was hit twice.", [template])).toBe(false);
  });
});

describe("subject rotation", () => {
  it("takes the variants in turn, and falls back when there are none", () => {
    expect([0, 1, 2, 3].map((sequence) => rotateSubject(["A", "B", "C"], sequence, "T"))).toEqual(["A", "B", "C", "A"]);
    expect(rotateSubject([], 5, "Campaign title")).toBe("Campaign title");
  });
});

describe("the organiser's template", () => {
  it("keeps non-empty subject lines, and asks for a body to go with them", () => {
    const parsed = letterTemplateSchema("en").parse({ letterSubjects: { en: ["One", " ", "Two"], ar: [] }, letterBody: { en: "Body", ar: "" }, dailyCap: "3" });
    expect(parsed).toEqual({ letterSubjects: { en: ["One", "Two"] }, letterBody: { en: "Body" }, dailyCap: 3 });
    expect(letterTemplateSchema("en").safeParse({ letterSubjects: { en: [], ar: [] }, letterBody: { en: "Body", ar: "" }, dailyCap: 1 }).success).toBe(false);
    expect(letterTemplateSchema("en").safeParse({ letterSubjects: {}, letterBody: {}, dailyCap: 1.5 }).success).toBe(false);
  });

  it("takes any language, pairs each language's subjects with its letter, and needs only the campaign's own", () => {
    const errors = (input: Record<string, unknown>) => {
      const parsed = letterTemplateSchema("ar").safeParse({ dailyCap: 5, ...input });
      return parsed.success ? {} : letterTemplateFieldErrors(parsed.error);
    };
    const arabic = { subjects: ["احموا المدنيين"], body: "أكتب إليكم لأطلب حماية المدنيين." };
    expect(errors({ letterSubjects: { ar: arabic.subjects }, letterBody: { ar: arabic.body } })).toEqual({});
    expect(errors({ letterSubjects: { ar: arabic.subjects, tr: ["Sivilleri koruyun"] }, letterBody: { ar: arabic.body, tr: "Sivillerin korunmasını istiyorum." } })).toEqual({});
    // No letter at all is allowed: the campaign then offers none.
    expect(errors({ letterSubjects: {}, letterBody: {} })).toEqual({});
    // Written only in Turkish, the letter lacks the campaign's own language.
    expect(errors({ letterSubjects: { tr: ["Sivilleri koruyun"] }, letterBody: { tr: "Sivillerin korunmasını istiyorum." } })).toEqual({ "letterBody.ar": "primaryRequired" });
    expect(errors({ letterSubjects: { ar: arabic.subjects, fr: ["Protégez les civils"] }, letterBody: { ar: arabic.body, de: "Ich schreibe Ihnen." } })).toEqual({
      "letterBody.fr": "bodyRequired",
      "letterSubjects.de": "subjectsRequired",
    });
    expect(errors({ letterSubjects: { ku: Array.from({ length: 11 }, (_, index) => `Mijar ${index}`) }, letterBody: { ar: arabic.body, ku: "Name." } })).toMatchObject({ "letterSubjects.ku": "tooManySubjects" });
  });
});

describe("the letter's language", () => {
  const campaign = { primaryLocale: "ar" as const, templates: { ar: { subjects: [], body: "أكتب إليكم." }, tr: { subjects: [], body: "Size yazıyorum." } } };

  it("is the page's when the letter is written in it, otherwise the campaign's own", () => {
    expect(letterLocale(campaign, "tr")).toBe("tr");
    expect(letterLocale(campaign, "ar")).toBe("ar");
    expect(letterLocale(campaign, "en")).toBe("ar");
    expect(letterLocale(campaign, "fr")).toBe("ar");
    expect(templateBodies(campaign)).toEqual(["أكتب إليكم.", "Size yazıyorum."]);
  });
});

describe("the letter", () => {
  const letter = { locale: "en" as const, recipientName: "Jane Example", body: template, personal: valid.personal, senderName: "Layla" };

  it("reads as a letter: greeting, the campaign's words, the writer's paragraph and name", () => {
    expect(composeLetterText(letter)).toBe(
      `Dear Jane Example,\n\nI am writing to ask you to protect civilians.\n\nPlease act now.\n\n${valid.personal}\n\nYours sincerely,\nLayla`,
    );
  });

  it("opens in a mail client with subject and body filled in", () => {
    const href = mailtoLink({ to: "office@example.org", subject: "Protect civilians & more", text: "Line one\nLine two" });
    const url = new URL(href);
    expect(url.pathname).toBe("office@example.org");
    expect(url.searchParams.get("subject")).toBe("Protect civilians & more");
    expect(href).toContain("Line%20one%0D%0ALine%20two");
  });

  it.each(["en", "ar"] as const)("as an e-mail in %s: the chosen subject, the language's direction, the paragraphs", async (locale) => {
    expect(isTemplateName("letter")).toBe(true);
    const email = await renderTemplate("letter", {
      ...letter,
      locale,
      subject: locale === "ar" ? "احموا المدنيين" : "Protect civilians",
      senderName: `<b>Layla</b>`,
      repliesReachWriter: false,
      campaignTitle: "Campaign",
      campaignUrl: "http://nida.test/en/campaigns/c",
    });
    expect(email.subject).toBe(locale === "ar" ? "احموا المدنيين" : "Protect civilians");
    expect(email.html).toMatch(locale === "ar" ? /<html[^>]*dir="rtl"/ : /<html[^>]*dir="ltr"/);
    expect(email.html).not.toContain("<b>Layla</b>");
    expect(email.text).toContain(valid.personal);
    expect(email.text).toContain(locale === "ar" ? `حضرة ${isolate("Jane Example")} المحترم/ة،` : `Dear ${isolate("Jane Example")},`);
  });
});

describe("what a letter says of its writer", () => {
  it("offers the first name and the country, in the letter's language, as the name line", () => {
    expect(defaultSignatureLine({ name: "Layla Haddad", country: "SY", locale: "en" })).toBe("Layla, Syria");
    expect(defaultSignatureLine({ name: "  ليلى   حداد ", country: "SY", locale: "ar" })).toBe("ليلى، سوريا");
    expect(defaultSignatureLine({ name: "Layla", country: "DE", locale: "en" })).toBe("Layla, Germany");
  });

  it("says that replies reach the writer only when they let them", async () => {
    const props = { locale: "en" as const, recipientName: "Jane Example", body: template, personal: valid.personal, senderName: "Layla, Syria", subject: "S", campaignTitle: "C", campaignUrl: "http://nida.test/en/campaigns/c" };
    const closed = await renderTemplate("letter", { ...props, repliesReachWriter: false });
    expect(closed.text).toContain("The writer chose not to share their e-mail address, so replies to this e-mail do not reach them.");
    expect(closed.text).not.toContain("Replies to this e-mail go to");
    const open = await renderTemplate("letter", { ...props, repliesReachWriter: true });
    expect(open.text).toContain(`Replies to this e-mail go to ${isolate("Layla, Syria")} directly`);
    expect(open.text).not.toContain("do not reach them");
  });

  it("never preselects a recipient marked as a risk to writers, nor one already written to", () => {
    const recipients = [
      { id: "sy", riskToSigners: true },
      { id: "un", riskToSigners: false },
      { id: "icc", riskToSigners: false },
    ];
    expect(preselectedRecipient(recipients, new Set())).toBe("un");
    expect(preselectedRecipient(recipients, new Set(["un"]))).toBe("icc");
    expect(preselectedRecipient(recipients, new Set(["un", "icc"]))).toBeNull();
    expect(preselectedRecipient([{ id: "sy", riskToSigners: true }], new Set())).toBeNull();
  });
});
