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

  it("accept a form sent back after the minimum time with an empty honeypot", () => {
    const token = guard.issueFormToken(slug, rendered);
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token, now: rendered + 5_000, minFillSeconds: 3 })).toBe("ok");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: null, token, now: rendered + 3_000, minFillSeconds: 3 })).toBe("ok");
  });

  it("catch a filled honeypot, a form sent back too soon, and a forged, altered or missing token", () => {
    const token = guard.issueFormToken(slug, rendered);
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "http://spam.test", token, now: rendered + 60_000, minFillSeconds: 3 })).toBe("honeypot");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token, now: rendered + 900, minFillSeconds: 3 })).toBe("too-fast");
    const [, mac] = token.split(".");
    // An earlier time with the same signature: the bot tries to skip the wait.
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token: `${rendered - 60_000}.${mac}`, now: rendered + 1_000, minFillSeconds: 3 })).toBe("forged");
    expect(guard.checkFormGuard({ campaignSlug: "another-campaign", honeypot: "", token, now: rendered + 60_000, minFillSeconds: 3 })).toBe("forged");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token: undefined, now: rendered + 60_000, minFillSeconds: 3 })).toBe("forged");
    expect(guard.checkFormGuard({ campaignSlug: slug, honeypot: "", token: "garbage", now: rendered + 60_000, minFillSeconds: 3 })).toBe("forged");
  });
});
