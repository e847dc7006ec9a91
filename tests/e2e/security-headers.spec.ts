import { expect, test, type APIResponse } from "@playwright/test";
import { campaignPath, seedCampaigns } from "./helpers";

// What every response promises, checked against the production server as a browser sees it.
const campaign = seedCampaigns.monitoring;

function expectCommonHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toMatch(/^(strict-origin-when-cross-origin|strict-origin)$/);
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["strict-transport-security"], what).toMatch(/^max-age=\d+/);
  expect(headers["x-powered-by"], what).toBeUndefined();
}

function policyOf(response: APIResponse): string {
  return response.headers()["content-security-policy"] ?? "";
}

function expectStaticPolicy(response: APIResponse, what: string) {
  const policy = policyOf(response);
  expect(policy, what).toContain("default-src 'self'");
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toContain("object-src 'none'");
  expect(policy, what).not.toContain("unsafe-eval");
  expect(response.headers()["x-frame-options"], what).toBe("DENY");
}

// A fresh nonce on every request, and every script in the page carries it.
async function expectNoncePolicy(response: APIResponse, what: string): Promise<string> {
  const policy = policyOf(response);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce, `${what}: ${policy}`).toBeTruthy();
  expect(policy, what).toContain("'strict-dynamic'");
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, what).toBeGreaterThan(0);
  for (const script of scripts) expect(script, what).toContain(`nonce="${nonce}"`);
  expect(response.headers()["cache-control"], what).toContain("no-store");
  return nonce!;
}

test("public pages and the campaign page carry the static policy and the common headers", async ({ request }) => {
  for (const path of ["/en", "/ar", campaignPath(campaign.slug), campaignPath(campaign.slug, "ar"), "/en/privacy"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommonHeaders(response, path);
    expectStaticPolicy(response, path);
  }
});

test("confirmation, unsubscribe, erase and organiser pages get a nonce policy and are never cached", async ({ request }) => {
  const token = "A".repeat(43);
  // In every language: a secret link opened in Turkish is as private as in English.
  for (const path of [`/en/confirm/${token}`, `/ar/unsubscribe/${token}`, `/en/erase/${token}`, "/en/organiser/sign-in", `/tr/confirm/${token}`, `/ku/erase/${token}`, `/fr/unsubscribe/${token}`, "/de/organiser/sign-in"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    expectCommonHeaders(first, path);
    const nonce = await expectNoncePolicy(first, path);
    const second = await request.get(path);
    expect(await expectNoncePolicy(second, path), `${path}: the nonce changes`).not.toBe(nonce);
  }
});

test("pages work in a browser under their policy: no script is blocked", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  // Some violations never reach the console (a script that catches its own refused eval): the
  // browser still lists them in DevTools' Issues panel and fires this event for each.
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const seen = ((window as unknown as { policyViolations?: string[] }).policyViolations ??= []);
      seen.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  const reported = () => page.evaluate(() => (window as unknown as { policyViolations?: string[] }).policyViolations ?? []);
  await page.goto(campaignPath(campaign.slug));
  await expect(page.getByRole("button", { name: "Sign the petition" })).toBeVisible();
  // The client-side check runs only when React has hydrated: it shows errors without a round trip.
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.locator("#sign-errors")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${campaignPath(campaign.slug)}$`));
  violations.push(...(await reported()));
  await page.goto("/en/organiser/sign-in");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  violations.push(...(await reported()));
  expect(violations).toEqual([]);
});

test("API routes and static assets carry the common headers; the API is never cached", async ({ request }) => {
  const health = await request.get("/api/health");
  expectCommonHeaders(health, "/api/health");
  expect(health.headers()["cache-control"]).toContain("no-store");

  const html = await (await request.get("/en")).text();
  const asset = /\/_next\/static\/[^"' ]+\.(?:js|css)/.exec(html)?.[0];
  expect(asset).toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expectCommonHeaders(response, asset!);
});

test("only the embed may be framed by another site", async ({ request }) => {
  for (const path of ["/embed/" + campaign.slug, `/en/embed/${campaign.slug}`]) {
    const response = await request.get(path);
    expect(policyOf(response), path).toContain("frame-ancestors *");
    expect(response.headers()["x-frame-options"], path).toBeUndefined();
  }
});

test("an x-middleware-subrequest header gets no one into the organisers' area", async ({ request }) => {
  for (const value of ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware"]) {
    const response = await request.get("/en/organiser", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
    expect(response.status(), value).toBeGreaterThanOrEqual(300);
    expect(response.status(), value).toBeLessThan(400);
    expect(response.headers()["location"], value).toMatch(/\/organiser\/sign-in/);
  }
});

test("a foreign or missing Origin cannot change state", async ({ request, baseURL }) => {
  const form = { campaign: campaign.slug, locale: "en", name: "Cross Site", email: "cross.site@example.org", country: "SY" };
  // A server action (as React posts it) and a plain form POST, from another site and with no Origin.
  const origins: Record<string, string>[] = [{ Origin: "https://attacker.example" }, { Origin: "null" }, {}];
  for (const headers of origins) {
    const action = await request.post(campaignPath(campaign.slug), { headers: { ...headers, "Next-Action": "0".repeat(42) }, multipart: form, maxRedirects: 0 });
    expect(action.status(), JSON.stringify(headers)).toBe(403);
    const plain = await request.post(campaignPath(campaign.slug), { headers, form, maxRedirects: 0 });
    expect(plain.status(), JSON.stringify(headers)).toBe(403);
  }
  // A page path with a dot in it is still a page a server action can be posted to.
  const dotted = await request.post(`/en/campaigns/${campaign.slug}.x`, { headers: { "Next-Action": "0".repeat(42) }, multipart: form, maxRedirects: 0 });
  expect(dotted.status()).toBe(403);
  // A route handler that changes state.
  const signIn = await request.post("/api/auth/signin/email", { headers: { Origin: "https://attacker.example" }, form: { email: "x@example.org" }, maxRedirects: 0 });
  expect(signIn.status()).toBe(403);
  // The same POST from Nida's own origin is not refused by the check (it fails later, for lack of a real action).
  const own = await request.post(campaignPath(campaign.slug), { headers: { Origin: new URL(baseURL!).origin }, form, maxRedirects: 0 });
  expect(own.status()).not.toBe(403);
});

test("errors say nothing of the server's insides", async ({ request, baseURL }) => {
  const internals = /\n\s+at [^\n]+:\d+:\d+|node_modules\/|PrismaClient|invocation:|SELECT [^<]* FROM|INSERT INTO/;
  // A server action that does not exist, from Nida's own origin.
  const action = await request.post(campaignPath(campaign.slug), {
    headers: { Origin: new URL(baseURL!).origin, "Next-Action": "f".repeat(42) },
    multipart: { campaign: campaign.slug },
    maxRedirects: 0,
  });
  expect(action.status()).toBeGreaterThanOrEqual(400);
  expect(await action.text()).not.toMatch(internals);
  // A route handler given a token that is not one.
  const unsubscribe = await request.post("/api/unsubscribe/not-a-token", { data: "List-Unsubscribe=One-Click" });
  expect(unsubscribe.status()).toBe(404);
  expect(await unsubscribe.json()).toEqual({ error: "NOT_FOUND" });
  // A page that does not exist.
  const missing = await request.get("/en/campaigns/no-such-campaign-at-all");
  expect(missing.status()).toBe(404);
  expect(await missing.text()).not.toMatch(internals);
});

test("the benchmark routes do not exist outside a benchmark run", async ({ request }) => {
  for (const path of ["/api/bench/noop", "/api/bench/static?bytes=1000", "/api/bench/memory"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("heapUsed");
  }
  const posted = await request.post("/api/bench/noop", { data: { name: "x" } });
  expect(posted.status()).toBe(404);
});
