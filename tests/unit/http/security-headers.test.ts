import { describe, expect, it } from "vitest";
import { nidaConfig } from "../../../next.config.js";
import { contentSecurityPolicy, embedPagePattern, noncePagePattern, normalisedPath } from "../../../lib/http/security-headers.js";
import { locales } from "../../../lib/i18n/locales";

type Rule = { source: string; headers: { key: string; value: string }[] };

// Which headers Next.js would send for a path: every rule whose source matches, later rules
// overriding earlier ones for the same key (Next's own order). Matched with Next's own matcher.
async function headersFor(path: string, phase = "phase-production-server"): Promise<Record<string, string>> {
  const { getPathMatch } = await import("next/dist/shared/lib/router/utils/path-match");
  const rules = (await nidaConfig(phase).headers!()) as Rule[];
  const result: Record<string, string> = {};
  for (const rule of rules) {
    if (getPathMatch(rule.source, { strict: true, removeUnnamedParams: true })(path) === false) continue;
    for (const header of rule.headers) result[header.key.toLowerCase()] = header.value;
  }
  return result;
}

describe("security headers", () => {
  it("every path gets nosniff, a referrer policy, a permissions policy and HSTS", async () => {
    for (const path of ["/en", "/ar/campaigns/x", "/en/organiser", "/api/health", "/_next/static/chunks/a.js", "/embed/x"]) {
      const headers = await headersFor(path);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBeTruthy();
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["strict-transport-security"], path).toMatch(/max-age=\d{8}/);
    }
  });

  it("public pages get the static policy with frame-ancestors 'none'", async () => {
    const headers = await headersFor("/en/campaigns/protect-civilians");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("default-src 'self'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-frame-options"]).toBe("DENY");
  });

  it("pages with a nonce get their policy from the proxy, not a static one", async () => {
    for (const path of ["/en/organiser", "/ar/organiser/campaigns/1/edit", "/en/confirm/abc", "/en/erase/abc", "/ar/unsubscribe/abc"]) {
      expect(noncePagePattern.test(path), path).toBe(true);
      const headers = await headersFor(path);
      expect(headers["content-security-policy"], path).toBeUndefined();
      expect(headers["cache-control"], path).toBe("no-store");
    }
    expect(noncePagePattern.test("/en/organisers-guide")).toBe(false);
    expect(noncePagePattern.test("/en/campaigns/organiser")).toBe(false);
  });

  // Every language's pages are the same pages: a secret link or the organisers' area in Turkish
  // is as private as in English.
  it("every language's organiser, confirmation, unsubscribe and erase pages get the nonce policy, no-store and noindex", async () => {
    for (const locale of locales) {
      for (const page of ["organiser", "organiser/campaigns/1/export", "confirm/abc", "unsubscribe/abc", "erase/abc"]) {
        const path = `/${locale}/${page}`;
        expect(noncePagePattern.test(path), path).toBe(true);
        const headers = await headersFor(path);
        expect(headers["content-security-policy"], path).toBeUndefined();
        expect(headers["cache-control"], path).toBe("no-store");
        expect(headers["x-robots-tag"], path).toBe("noindex, nofollow");
      }
      for (const page of ["confirm/abc", "unsubscribe/abc", "erase/abc"]) expect((await headersFor(`/${locale}/${page}`))["referrer-policy"], page).toBe("strict-origin");
      const embed = `/${locale}/embed/campaign-x`;
      expect(embedPagePattern.test(embed), embed).toBe(true);
      expect((await headersFor(embed))["content-security-policy"], embed).toContain("frame-ancestors *");
      expect((await headersFor(embed))["x-frame-options"], embed).toBeUndefined();
      expect((await headersFor(`/${locale}/campaigns/x`))["x-frame-options"], locale).toBe("DENY");
    }
  });

  it("only the embed may be framed by other sites", async () => {
    for (const path of ["/embed/campaign-x", "/en/embed/campaign-x", "/ar/embed/campaign-x/count"]) {
      expect(embedPagePattern.test(path)).toBe(true);
      const headers = await headersFor(path);
      expect(headers["content-security-policy"], path).toContain("frame-ancestors *");
      expect(headers["x-frame-options"], path).toBeUndefined();
    }
  });

  it("the nonce policy allows only scripts with the nonce, and a development server may eval", async () => {
    const policy = contentSecurityPolicy({ nonce: "abc123" });
    expect(policy).toMatch(/script-src 'self' 'nonce-abc123' 'strict-dynamic';/);
    expect(policy).not.toContain("unsafe-inline' 'nonce");
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
    expect((await headersFor("/en", "phase-development-server"))["strict-transport-security"]).toBeUndefined();
  });
});

describe("a page's one address", () => {
  it("decodes percent-encoded letters, digits and -._~, upper-cases other encodings and resolves dot segments", () => {
    const token = "A".repeat(43);
    const cases: Record<string, string> = {
      [`/%65n/confirm/${token}`]: `/en/confirm/${token}`,
      [`/%65%6E/confirm/${token}.txt`]: `/en/confirm/${token}.txt`,
      "/en/%6frganiser/sign-in": "/en/organiser/sign-in",
      "/%61r/unsubscribe/x%2dy%5Fz%7E": "/ar/unsubscribe/x-y_z~",
      "/en/organiser/x/../sign-in": "/en/organiser/sign-in",
      "/en/%2e%2e/en/organiser": "/en/organiser",
      "/en/%2E/confirm/x": "/en/confirm/x",
      "/en/campaigns/a%2fb": "/en/campaigns/a%2Fb",
      "/en/campaigns/%d8%a7": "/en/campaigns/%D8%A7",
    };
    for (const [path, normal] of Object.entries(cases)) {
      expect(normalisedPath(path), path).toBe(normal);
      expect(normalisedPath(normal), normal).toBe(normal);
    }
    // What the header rules look at agrees with what Next.js's router serves.
    expect(noncePagePattern.test(normalisedPath(`/%65n/confirm/${token}.txt`))).toBe(true);
  });

  it("leaves an address that is already normal as it is", () => {
    for (const path of ["/", "/en", "/ar/campaigns/ceasefire-idlib-now", "/en/organiser/campaigns/abc123/signatures", "/embed/en/x", "/api/v1/campaigns", "//en/organiser"]) {
      expect(normalisedPath(path), path).toBe(path);
    }
  });
});
