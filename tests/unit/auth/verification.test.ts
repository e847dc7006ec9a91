import { describe, expect, it } from "vitest";
import { normaliseOrganiserEmail } from "../../../lib/auth/organiser-email";
import { continueUrlFor, organiserPath, parseEmailCallback } from "../../../lib/auth/verification";
import { env } from "../../../lib/env";

const token = "a".repeat(64);
const callback = (params: Record<string, string>, base = `${env.APP_URL}/api/auth/callback/email`) => `${base}?${new URLSearchParams(params)}`;

describe("parseEmailCallback: what the continue page will turn into a Sign in button", () => {
  it("accepts next-auth's e-mail callback on this site, keeping the organiser path and its language", () => {
    const parsed = parseEmailCallback(callback({ callbackUrl: `${env.APP_URL}/ar/organiser/members?organisation=x`, token, email: "a@b.org" }));
    expect(parsed).toEqual({ token, email: "a@b.org", callbackUrl: `${env.APP_URL}/ar/organiser/members?organisation=x`, locale: "ar" });
  });

  it.each([
    ["another site", callback({ token, email: "a@b.org" }, "https://evil.example/api/auth/callback/email")],
    ["a look-alike host", callback({ token, email: "a@b.org" }, `${env.APP_URL}.evil.example/api/auth/callback/email`)],
    ["another path", callback({ token, email: "a@b.org" }, `${env.APP_URL}/api/auth/signout`)],
    ["no token", callback({ email: "a@b.org" })],
    ["a malformed token", callback({ token: "<script>", email: "a@b.org" })],
    ["no address", callback({ token })],
    ["not a URL", "javascript:alert(1)"],
    ["nothing", ""],
  ])("refuses %s", (_label, value) => {
    expect(parseEmailCallback(value)).toBeNull();
  });

  it("never lets the link send the browser somewhere else after signing in", () => {
    for (const target of ["https://evil.example/en/organiser", "//evil.example/", "/en/campaigns/x", `${env.APP_URL}/en/organiser/sign-in`]) {
      const parsed = parseEmailCallback(callback({ callbackUrl: target, token, email: "a@b.org" }));
      expect(parsed?.callbackUrl).toBe(`${env.APP_URL}/en/organiser`);
    }
  });

  it("round-trips through the continue page's own URL", () => {
    const url = callback({ callbackUrl: `${env.APP_URL}/en/organiser`, token, email: "a@b.org" });
    const continueUrl = new URL(continueUrlFor(url, "en"));
    expect(continueUrl.pathname).toBe("/en/organiser/sign-in/continue");
    expect(parseEmailCallback(continueUrl.searchParams.get("callback"))?.token).toBe(token);
  });
});

describe("organiserPath", () => {
  it("keeps a path of the organiser area, and replaces anything else with the dashboard", () => {
    expect(organiserPath("en", "/en/organiser/campaigns/c1?tab=x")).toBe("/en/organiser/campaigns/c1?tab=x");
    expect(organiserPath("ar", "/ar/organiser")).toBe("/ar/organiser");
    expect(organiserPath("ar", null)).toBe("/ar/organiser");
    expect(organiserPath("en", "/en/organiserx")).toBe("/en/organiser");
    expect(organiserPath("en", "/en/organiser/../campaigns/x")).toBe("/en/organiser");
    expect(organiserPath("en", "/\\evil.example")).toBe("/en/organiser");
    expect(organiserPath("en", "https://evil.example/en/organiser")).toBe("/en/organiser");
  });
});

describe("normaliseOrganiserEmail", () => {
  it("is next-auth's rule: trimmed, lower case, one @, a dot in the domain", () => {
    expect(normaliseOrganiserEmail("  Layla@Example.ORG ")).toBe("layla@example.org");
    expect(() => normaliseOrganiserEmail("a@b@c.org")).toThrow();
    expect(() => normaliseOrganiserEmail("a@localhost")).toThrow();
  });
});
