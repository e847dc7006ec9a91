// A browser that loads a campaign page gets it without Next.js's client (lib/http/light-page.js):
// one small script instead of React's 200 kB, which still does what the page needs a script for,
// and a repeat visit of a page that has not changed costs no more than its headers.
import { expect, test } from "@playwright/test";
import { campaignPath, seedCampaigns } from "./helpers";

// Its count never moves (invalid-input.spec.ts), so its page stays the same from one request to the next.
const campaign = seedCampaigns.monitoring;

for (const locale of ["ar", "en"] as const) {
  test(`the ${locale} campaign page loads one small script and no React, and its form and count are taken over`, async ({ page }) => {
    const scripts: Promise<{ path: string; bytes: number }>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scripts.push(request.sizes().then((sizes) => ({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize })));
    });
    const response = await page.goto(campaignPath(campaign.slug, locale));
    expect(await response!.text()).not.toContain("self.__next_f");
    await expect(page.locator("html[data-enhanced=true]")).toHaveCount(1);
    await expect(page.locator(".progress[data-live=live]")).toHaveCount(1);
    const loaded = await Promise.all(scripts);
    expect(loaded.map((script) => script.path)).toEqual([expect.stringMatching(/^\/_light\/campaign\.[\w-]+\.js$/)]);
    expect(loaded[0]!.bytes).toBeGreaterThan(500);
    expect(loaded[0]!.bytes).toBeLessThan(10_000);
  });
}

test("a browser that has the campaign page is told it has not changed, and gets it compressed", async ({ request }) => {
  const path = campaignPath(campaign.slug, "ar");
  const first = await request.get(path, { headers: { "Accept-Encoding": "br, gzip" } });
  expect(first.status()).toBe(200);
  expect(first.headers()["content-encoding"]).toBe("br");
  const tag = first.headers()["etag"];
  expect(tag).toMatch(/^"[\w-]+"$/);
  const again = await request.get(path, { headers: { "Accept-Encoding": "br, gzip", "If-None-Match": tag! } });
  expect(again.status()).toBe(304);
  expect((await again.body()).length).toBe(0);
  // Another representation, another validator.
  const gzip = await request.get(path, { headers: { "Accept-Encoding": "gzip", "If-None-Match": tag! } });
  expect(gzip.status()).toBe(200);
  expect(gzip.headers()["content-encoding"]).toBe("gzip");
});

// The page's script puts the endpoint's words in place of the page's own: they must be the same.
for (const locale of ["ar", "en", "tr"] as const) {
  test(`the count endpoint words the count as the ${locale} page does`, async ({ page, request }) => {
    await page.goto(campaignPath(campaign.slug, locale));
    const rendered = { count: await page.locator(".progress-count").textContent(), goal: await page.locator(".progress-goal").textContent() };
    const body = (await (await request.get(`/api/campaigns/${campaign.slug}/count?locale=${locale}`)).json()) as { count: number; text: { count: string; signatures: string; goal: string } };
    expect(rendered).toEqual({ count: `${body.text.count} ${body.text.signatures}`, goal: body.text.goal });
    expect(body.text.count).toBe(new Intl.NumberFormat(locale === "ar" ? "ar-u-nu-latn" : locale).format(body.count));
    // Without a language, the endpoint's answer is as it was.
    expect(((await (await request.get(`/api/campaigns/${campaign.slug}/count`)).json()) as { text?: unknown }).text).toBeUndefined();
  });
}
