// Public URLs in pages (canonical, alternate languages, Open Graph and card images) come from the
// running server's APP_URL, never from the one the app was built with. scripts/test.ts builds
// once, then starts each server (one per database) with an APP_URL of its own: the address it
// listens on, which the build never saw.
import { expect, test, type Page } from "@playwright/test";
import { locales } from "../../lib/i18n/locales";
import { campaignPath, seedCampaigns } from "./helpers";

const campaign = seedCampaigns.protectCivilians;

// The server's HTML as it is sent, not as scripts may change it.
test.use({ javaScriptEnabled: false });

async function publicUrls(page: Page, path: string): Promise<Record<string, string>> {
  const response = await page.goto(path);
  expect(response!.status(), path).toBe(200);
  return page.evaluate(() => {
    const found: Record<string, string> = {};
    for (const link of document.head.querySelectorAll<HTMLLinkElement>('link[rel="canonical"], link[rel="alternate"]')) {
      found[`${link.rel}${link.hreflang ? `:${link.hreflang}` : ""}`] = link.getAttribute("href")!;
    }
    for (const meta of document.head.querySelectorAll<HTMLMetaElement>("meta[property], meta[name]")) {
      const key = meta.getAttribute("property") ?? meta.getAttribute("name")!;
      if (/^https?:\/\//.test(meta.content)) found[key] = meta.content;
    }
    return found;
  });
}

test("statically built pages name the running server in their alternate-language links", async ({ page, baseURL }) => {
  for (const locale of ["en", "ar"]) {
    expect(await publicUrls(page, `/${locale}/privacy`), locale).toEqual(Object.fromEntries(locales.map((one) => [`alternate:${one}`, `${baseURL}/${one}/privacy`])));
  }
});

test("a campaign page's canonical, alternate, Open Graph and card URLs are the running server's, and the page stays cached", async ({ page, baseURL, request }) => {
  for (const locale of ["en", "ar"] as const) {
    const url = `${baseURL}${campaignPath(campaign.slug, locale)}`;
    expect(await publicUrls(page, campaignPath(campaign.slug, locale)), locale).toEqual({
      canonical: url,
      ...Object.fromEntries(locales.map((one) => [`alternate:${one}`, `${baseURL}${campaignPath(campaign.slug, one)}`])),
      "og:url": url,
      "og:image": `${url}/share-image`,
      "twitter:image": `${url}/share-image`,
    });
  }
  // Rendered at most every few seconds and served from the cache in between, as before.
  const first = await request.get(campaignPath(campaign.slug));
  const second = await request.get(campaignPath(campaign.slug));
  for (const response of [first, second]) expect(response.headers()["cache-control"]).toMatch(/s-maxage=5\b/);
  expect(second.headers()["x-nextjs-cache"]).toMatch(/^(HIT|STALE)$/);
});
