import { describe, expect, it } from "vitest";
import { DigestEmail } from "../../../emails/digest";
import { isolate } from "../../../lib/i18n/isolate";
import { renderTemplate } from "../../../lib/mail/templates";

const props = { ...DigestEmail.PreviewProps, comments: [{ text: "أوقفوا القصف الآن", country: "SY" }] };

describe("the digest e-mail", () => {
  it("renders right to left in Arabic, with Arabic text and correctly grouped numbers", async () => {
    const email = await renderTemplate("digest", { ...props, locale: "ar", campaignTitle: "حماية المدنيين في شمال غرب سوريا" });
    expect(email.html).toMatch(/<html[^>]*lang="ar"/);
    expect(email.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(email.subject).toBe(`التواقيع المؤكَّدة: 15,873 – ${isolate("حماية المدنيين في شمال غرب سوريا")}`);
    expect(email.text).toContain("بلغ عدد من أكّدوا توقيعهم 1,204، وبلغ مجموع الموقّعين 15,873.");
    expect(email.text).toContain("في سوريا: 6,120");
    expect(email.text).toContain(`«${isolate("أوقفوا القصف الآن")}» — من سوريا`);
    expect(email.text).toContain(`SHA-256 ${"0".repeat(64)}`);
    // The link and the fingerprint stay left to right inside the right-to-left text.
    expect(email.html).toMatch(/direction:ltr[^>]*><a [^>]*>http:\/\/localhost:3000/);
  });

  it("states the campaign, the demands, new and total signatures, countries, comments and the link in English", async () => {
    const email = await renderTemplate("digest", { ...props, comments: [{ text: "My family lives in Idlib.", country: "DE" }] });
    expect(email.html).toMatch(/<html[^>]*dir="ltr"/);
    expect(email.subject).toBe(`15,873 signatures: ${isolate("Protect civilians in northwest Syria")}`);
    expect(email.text).toContain("1,204 people have confirmed their signature. 15,873 people have signed in total.");
    expect(email.text).toContain(`1. ${isolate("End the attacks on civilians and civilian infrastructure.")}`);
    expect(email.text).toContain("Germany: 2,210");
    expect(email.text).toContain(`“${isolate("My family lives in Idlib.")}” (Germany)`);
    expect(email.text).toContain("http://localhost:3000/en/campaigns/protect-civilians-northwest-syria");
  });

  it("reads in each decision-maker's language: Turkish, Kurdish, French and German, with that language's numbers and country names", async () => {
    const expected = {
      tr: { subject: /15\.873/, country: "Almanya: 2.210" },
      ku: { subject: /15\.873/, country: "2.210" },
      fr: { subject: /15\u202f873/, country: "Allemagne\u202f: 2\u202f210" },
      de: { subject: /15\.873/, country: "Deutschland: 2.210" },
    } as const;
    const english = await renderTemplate("digest", props);
    for (const [locale, want] of Object.entries(expected)) {
      const email = await renderTemplate("digest", { ...props, locale: locale as keyof typeof expected });
      expect(email.html, locale).toMatch(new RegExp(`<html[^>]*lang="${locale}"`));
      expect(email.html, locale).toMatch(/<html[^>]*dir="ltr"/);
      expect(email.subject, locale).toMatch(want.subject);
      expect(email.subject, locale).not.toBe(english.subject);
      expect(email.text, locale).toContain(want.country);
    }
  });

  it("gives the public page's address once, and tells the recipient only what is true about reaching the organisers", async () => {
    const url = "http://localhost:3000/en/campaigns/protect-civilians-northwest-syria";
    const withWebsite = await renderTemplate("digest", { ...props, organiserWebsites: ["https://organisers.example.org/"] });
    expect(withWebsite.text.split(url)).toHaveLength(2);
    expect(withWebsite.html.split(`href="${url}"`)).toHaveLength(2);
    expect(withWebsite.text).not.toMatch(/contact details/i);
    expect(withWebsite.text).toContain(`the organisers of this petition (${isolate("Syrian Civil Defence supporters")}) address it to you`);
    expect(withWebsite.text).toContain("not from the organisers’ mailbox");
    expect(withWebsite.text).toContain("The organisers’ websites:");
    expect(withWebsite.html).toContain('href="https://organisers.example.org/"');

    const withoutWebsite = await renderTemplate("digest", { ...props, organiserWebsites: [] });
    expect(withoutWebsite.text).not.toContain("websites");
    const arabic = await renderTemplate("digest", { ...props, locale: "ar", organiserWebsites: [] });
    expect(arabic.text.split(url)).toHaveLength(2);
    expect(arabic.text).not.toContain("بيانات الاتصال");
    expect(arabic.text).toContain(`منظّمي العريضة (${isolate("Syrian Civil Defence supporters")})`);
  });

  it("speaks of one signature in the singular", async () => {
    const email = await renderTemplate("digest", { ...props, newSignatures: 1, totalSignatures: 1, previousAt: null, topCountries: [{ country: "DE", count: 1 }] });
    expect(email.subject).toBe(`1 signature: ${isolate("Protect civilians in northwest Syria")}`);
    expect(email.text).toContain("1 person has confirmed their signature so far.");
  });
});
