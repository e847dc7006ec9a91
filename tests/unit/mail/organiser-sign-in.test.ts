import { describe, expect, it } from "vitest";
import type { OrganiserSignInProps } from "../../../emails/organiser-sign-in";
import { isolate } from "../../../lib/i18n/isolate";
import { isTemplateName, renderTemplate } from "../../../lib/mail/templates";

const continueUrl = (locale: string) =>
  `http://nida.test/${locale}/organiser/sign-in/continue?callback=${encodeURIComponent("http://nida.test/api/auth/callback/email?token=abc&email=a%40b.org")}`;
const props = (locale: "en" | "ar", overrides: Partial<OrganiserSignInProps> = {}): OrganiserSignInProps => ({ locale, continueUrl: continueUrl(locale), validHours: 1, ...overrides });
const invitation = { organisationName: "Syria Civil Defence Friends", role: "ORGANISER" as const, invitedBy: "layla@example.org" };
const htmlTag = (html: string) => html.match(/<html[^>]*>/)?.[0] ?? "";
// The HTML escapes "&" in attributes; the link is the same.
const inHtml = (url: string) => url.replaceAll("&", "&amp;");

describe("organiser-sign-in e-mail", () => {
  it("is a known template", () => {
    expect(isTemplateName("organiser-sign-in")).toBe(true);
  });

  it("in English: a sign-in e-mail linking to the continue page, never to the callback itself", async () => {
    const email = await renderTemplate("organiser-sign-in", props("en"));
    expect(email.subject).toBe("Sign in to Nida");
    expect(htmlTag(email.html)).toMatch(/lang="en"/);
    expect(htmlTag(email.html)).toMatch(/dir="ltr"/);
    expect(email.html).toContain(`href="${inHtml(continueUrl("en"))}"`);
    expect(email.html).not.toContain('href="http://nida.test/api/auth/callback');
    expect(email.text).toContain(continueUrl("en"));
    expect(email.text).toContain("expires in 1 hour");
    expect(email.text).not.toMatch(/<[a-z]/i);
  });

  it("in Arabic: right-to-left, Arabic text, the same link", async () => {
    const email = await renderTemplate("organiser-sign-in", props("ar"));
    expect(email.subject).toBe("تسجيل الدخول إلى نداء");
    expect(htmlTag(email.html)).toMatch(/dir="rtl"/);
    expect(email.html).toContain(`href="${inHtml(continueUrl("ar"))}"`);
    expect(email.text).toContain("ساعة واحدة");
    expect(email.html).not.toContain("Sign in to Nida");
  });

  it.each([
    ["en", `You are invited to join ${isolate("Syria Civil Defence Friends")} on Nida`, `${isolate("layla@example.org")} has invited you`, "expires in 7 days", "Organiser"],
    ["ar", `دعوة للانضمام إلى ${isolate("Syria Civil Defence Friends")} على نداء`, `دعاك ${isolate("layla@example.org")}`, "بعد 7 أيام", "منظِّم"],
  ] as const)("as an invitation (%s): names the organisation, who invited, the role and a 7-day validity", async (locale, subject, inviter, validity, role) => {
    const email = await renderTemplate("organiser-sign-in", props(locale, { validHours: 168, invitation }));
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(inviter);
    expect(email.text).toContain(validity);
    expect(email.text).toContain(role);
    expect(email.text).toContain(continueUrl(locale));
  });

  it("as an invitation from the command line: no inviter named", async () => {
    const email = await renderTemplate("organiser-sign-in", props("en", { validHours: 168, invitation: { ...invitation, invitedBy: null } }));
    expect(email.text).toContain(`You have been invited to help run the campaigns of ${isolate("Syria Civil Defence Friends")}`);
  });

  it("escapes an organisation name rather than running it as HTML", async () => {
    const email = await renderTemplate("organiser-sign-in", props("en", { invitation: { ...invitation, organisationName: `<img src=x onerror="alert(1)">` } }));
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img src=x");
  });
});
