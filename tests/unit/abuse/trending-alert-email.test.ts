import { describe, expect, it } from "vitest";
import { isTemplateName, renderTemplate } from "../../../lib/mail/templates";

const props = (locale: "en" | "ar") => ({
  locale,
  campaignTitle: locale === "ar" ? "احموا المدنيين في إدلب" : "Protect civilians in Idlib",
  kind: "IP_HASH" as const,
  value: "Qm9ndXNJcEhhc2hGb3JQcmV2aWV3MDEy",
  confirmed: 120,
  hourStart: "2026-11-21T09:00:00.000Z",
  dashboardUrl: `http://nida.test/${locale}/organiser#trending-flags`,
});

describe("trending-alert e-mail", () => {
  it("is a known template", () => {
    expect(isTemplateName("trending-alert")).toBe(true);
  });

  it.each(["en", "ar"] as const)("says how many, from what, when, and links to the dashboard (%s)", async (locale) => {
    const email = await renderTemplate("trending-alert", props(locale));
    expect(email.subject).toContain(props(locale).campaignTitle);
    expect(email.html).toMatch(locale === "ar" ? /dir="rtl"/ : /dir="ltr"/);
    expect(email.text).toContain("Qm9ndXNJcEhhc2hGb3JQcmV2aWV3MDEy");
    expect(email.text).toContain("2026-11-21 09:00");
    expect(email.text).toContain(`http://nida.test/${locale}/organiser#trending-flags`);
    if (locale === "en") expect(email.text).toContain("120 signatures");
    else expect(email.text).toContain("120 توقيع");
  });
});
