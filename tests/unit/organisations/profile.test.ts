import { describe, expect, it } from "vitest";
import { organisationSender } from "../../../lib/organisations/profile";
import { organisationProfileSchema, profileFieldErrors } from "../../../lib/organisations/profile-schema";
import { sniffImageType } from "../../../lib/organisations/logo";

const valid = { name: "Syrian Civil Defence", nameAr: "الدفاع المدني السوري", description: "", descriptionAr: "", website: "https://example.org", contactEmail: "contact@example.org", senderName: "" };
const errorsOf = (input: Record<string, unknown>) => {
  const parsed = organisationProfileSchema.safeParse({ ...valid, ...input });
  return parsed.success ? {} : profileFieldErrors(parsed.error);
};

describe("organisationSender", () => {
  it("is the sender name the owners chose, else the organisation's name in English, else in the language it has", () => {
    expect(organisationSender({ name: { en: "Syrian Civil Defence", ar: "الدفاع المدني السوري" }, senderName: "Syrian Civil Defence via Nida" })).toBe("Syrian Civil Defence via Nida");
    expect(organisationSender({ name: { en: "Syrian Civil Defence", ar: "الدفاع المدني السوري" }, senderName: null })).toBe("Syrian Civil Defence");
    expect(organisationSender({ name: { ar: "الدفاع المدني السوري", en: "Syrian Civil Defence" }, senderName: "   " })).toBe("Syrian Civil Defence");
    expect(organisationSender({ name: { ar: "الدفاع المدني السوري" } })).toBe("الدفاع المدني السوري");
  });

  it("never lets a stored name start a header, quote its way out or pass for an address", () => {
    const forged = organisationSender({ name: { en: "Org" }, senderName: 'Bank" <security@bank.example>\r\nBcc: victim@example.org' });
    expect(forged).not.toMatch(/[\r\n"<>@,;\\]/);
    expect(forged).toBe("Bank securitybank.example Bcc: victimexample.org");
    expect(organisationSender({ name: { en: "A\u202eB\tC" } })).toBe("A B C");
    expect(organisationSender({ name: { en: "<>\"@" }, senderName: "\n" })).toBe("Nida");
    expect(Array.from(organisationSender({ name: { ar: "ن".repeat(300) } }))).toHaveLength(80);
  });
});

describe("the profile's rules", () => {
  it("accepts a complete profile and blanks as nothing", () => {
    const parsed = organisationProfileSchema.parse({ ...valid, contactEmail: "  Contact@Example.org ", nameAr: " " });
    expect(parsed).toMatchObject({ contactEmail: "contact@example.org", nameAr: null, senderName: null, description: null });
  });

  it("names each bad field", () => {
    expect(errorsOf({ name: " " })).toEqual({ name: "nameRequired" });
    expect(errorsOf({ nameAr: "سطر\nثانٍ" })).toEqual({ nameAr: "lineBreak" });
    expect(errorsOf({ website: "http://example.org" })).toEqual({ website: "websiteHttps" });
    expect(errorsOf({ website: "javascript:alert(1)" })).toEqual({ website: "websiteInvalid" });
    expect(errorsOf({ website: "example.org" })).toEqual({ website: "websiteInvalid" });
    expect(errorsOf({ website: "https://user:pass@example.org" })).toEqual({ website: "websiteInvalid" });
    expect(errorsOf({ contactEmail: "contact at example.org" })).toEqual({ contactEmail: "emailInvalid" });
    expect(errorsOf({ description: "x".repeat(501) })).toEqual({ description: "tooLong" });
    expect(errorsOf({ senderName: 'Org" <ceo@bank.example>' })).toEqual({ senderName: "senderInvalid" });
    expect(errorsOf({ senderName: "Org\r\nBcc: someone@example.org" })).toEqual({ senderName: "lineBreak" });
    expect(errorsOf({ senderName: "Syrian Civil Defence via Nida" })).toEqual({});
  });
});

describe("sniffImageType", () => {
  it("goes by the first bytes, not by what a browser says", () => {
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniffImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
    expect(sniffImageType(new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 "))).toBe("webp");
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImageType(new TextEncoder().encode("<?xml version=\"1.0\"?><svg/>"))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});

describe("the share image", () => {
  it("names the lead organisation in the image's language, drawn as that name's glyphs", async () => {
    const { shareImageSvg } = await import("../../../lib/campaigns/share-image/share-image-svg");
    const { shapeLine } = await import("../../../lib/campaigns/share-image/text-paths");
    const { goalProgress } = await import("../../../lib/campaigns/goals");
    const draw = (organisation?: { text: string; locale: "en" | "ar" }) =>
      shareImageSvg({ locale: "ar", title: { text: "احموا مدارس إدلب", locale: "ar" }, progress: goalProgress(3, [10, 100]), host: "nida.example.org", organisation });
    const name = shapeLine("الدفاع المدني السوري", { size: 28, weight: 600, direction: "rtl" });
    const withName = draw({ text: "الدفاع المدني السوري", locale: "ar" });
    expect(withName).toContain(name.paths.join(""));
    expect(draw()).not.toContain(name.paths.join(""));
    // An English name on an Arabic image is set left to right, as a whole.
    const english = shapeLine("Syrian Civil Defence", { size: 28, weight: 600, direction: "ltr" });
    expect(draw({ text: "Syrian Civil Defence", locale: "en" })).toContain(english.paths.join(""));
  });
});
