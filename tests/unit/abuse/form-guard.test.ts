import { beforeAll, describe, expect, it } from "vitest";

type Guard = typeof import("../../../lib/abuse/form-guard");
let guard: Guard;

beforeAll(async () => {
  // A fixed secret, so the test never writes one to disk.
  process.env.APP_SECRET ??= "unit-test-secret-unit-test-secret-0123456789";
  guard = await import("../../../lib/abuse/form-guard");
});

describe("the sign form's hidden checks", () => {
  const slug = "protect-idlib";
  const rendered = Date.parse("2026-11-21T10:00:00Z");

  // Campaign pages are served from a cache: the time a page was rendered says nothing about when
  // its reader began to fill in the form, so a form sent back at once is a person's as much as one
  // sent back an hour later.
  it("accept the campaign's own form with an empty honeypot, however soon or late it comes back", () => {
    const token = guard.issueFormToken(slug, rendered);
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token })).toBe("ok");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: null, token })).toBe("ok");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token: guard.issueFormToken(slug) })).toBe("ok");
  });

  it("catch a filled honeypot, and a forged, altered or missing token", () => {
    const token = guard.issueFormToken(slug, rendered);
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "http://spam.test", token })).toBe("honeypot");
    const [, mac] = token.split(".");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token: `${rendered - 60_000}.${mac}` })).toBe("forged");
    expect(guard.checkFormGuard({ campaignSlug: "another-campaign", honeypot: "", token })).toBe("forged");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token: undefined })).toBe("forged");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token: "garbage" })).toBe("forged");
  });
});
