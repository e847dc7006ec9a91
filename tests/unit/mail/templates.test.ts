import { describe, expect, it } from "vitest";
import { isolate } from "../../../lib/i18n/isolate";
import { isTemplateName, renderTemplate } from "../../../lib/mail/templates";

const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
const props = (locale: "en" | "ar", overrides: Record<string, unknown> = {}) => ({
  locale,
  name: locale === "ar" ? "ليلى" : "Layla",
  campaignTitle: locale === "ar" ? "احموا المدنيين في إدلب" : "Protect civilians in Idlib",
  confirmUrl: `http://nida.test/${locale}/confirm/${token}`,
  campaignUrl: `http://nida.test/${locale}/campaigns/protect-idlib`,
  ...overrides,
});

function htmlTag(html: string): string {
  return html.match(/<html[^>]*>/)?.[0] ?? "";
}

describe("confirm-signature e-mail", () => {
  it("is a known template", () => {
    expect(isTemplateName("confirm-signature")).toBe(true);
    expect(isTemplateName("no-such-template")).toBe(false);
  });

  it("in English: English subject, left-to-right, the confirm link in the HTML and the plain text", async () => {
    const email = await renderTemplate("confirm-signature", props("en"));
    expect(email.subject).toBe(`Confirm your signature: ${isolate("Protect civilians in Idlib")}`);
    expect(htmlTag(email.html)).toMatch(/lang="en"/);
    expect(htmlTag(email.html)).toMatch(/dir="ltr"/);
    expect(email.html).toContain(`href="http://nida.test/en/confirm/${token}"`);
    expect(email.html).toContain("Dear <bdi>Layla</bdi>,");
    expect(email.text).toContain(`http://nida.test/en/confirm/${token}`);
    expect(email.text).toContain("Confirm my signature");
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("in Arabic: Arabic subject, right-to-left, the confirm link in the HTML and the plain text", async () => {
    const email = await renderTemplate("confirm-signature", props("ar"));
    expect(email.subject).toBe(`أكّد توقيعك: ${isolate("احموا المدنيين في إدلب")}`);
    expect(htmlTag(email.html)).toMatch(/lang="ar"/);
    expect(htmlTag(email.html)).toMatch(/dir="rtl"/);
    expect(email.html).toContain(`href="http://nida.test/ar/confirm/${token}"`);
    expect(email.html).toContain("ليلى");
    expect(email.html).not.toContain("Confirm my signature");
    expect(email.text).toContain(`http://nida.test/ar/confirm/${token}`);
    expect(email.text).toContain("أؤكّد توقيعي");
  });

  it.each(["en", "ar"] as const)("for someone who already confirmed (%s): says so, links to the campaign, carries no confirm link", async (locale) => {
    const email = await renderTemplate("confirm-signature", props(locale, { alreadyConfirmed: true }));
    expect(email.subject).toBe(locale === "ar" ? `سبق أن وقّعت: ${isolate("احموا المدنيين في إدلب")}` : `You have already signed: ${isolate("Protect civilians in Idlib")}`);
    expect(htmlTag(email.html)).toMatch(locale === "ar" ? /dir="rtl"/ : /dir="ltr"/);
    expect(email.html).not.toContain(token);
    expect(email.text).not.toContain(token);
    expect(email.html).not.toContain("/confirm/");
    expect(email.html).toContain(`href="http://nida.test/${locale}/campaigns/protect-idlib"`);
    expect(email.text).toContain(`http://nida.test/${locale}/campaigns/protect-idlib`);
  });

  it("escapes a signer's name and the campaign title rather than running them as HTML", async () => {
    const email = await renderTemplate("confirm-signature", props("en", { name: `<img src=x onerror="alert(1)">`, campaignTitle: "<b>Bold</b> & co" }));
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).not.toContain("<b>Bold</b>");
    expect(email.html).toContain("&lt;img src=x");
  });
});
