// The pages are set in the shipped fonts, from their core files alone: Chromium says which font
// drew a heading's text and how many glyphs it took from it, and which font files it fetched.
import { expect, test, type Page } from "@playwright/test";
import { campaignPath, seedCampaigns } from "./helpers";

type PlatformFont = { familyName: string; isCustomFont: boolean; glyphCount: number };

async function fontsDrawing(page: Page, selector: string): Promise<PlatformFont[]> {
  const session = await page.context().newCDPSession(page);
  await session.send("DOM.enable");
  await session.send("CSS.enable");
  const { root } = await session.send("DOM.getDocument");
  const { nodeId } = await session.send("DOM.querySelector", { nodeId: root.nodeId, selector });
  const { fonts } = (await session.send("CSS.getPlatformFontsForNode", { nodeId })) as { fonts: PlatformFont[] };
  await session.detach();
  return fonts;
}

for (const [locale, family] of [
  ["ar", "IBM Plex Sans Arabic"],
  ["en", "IBM Plex Sans"],
] as const) {
  test(`the ${locale} campaign page's title is drawn in ${family}, fetched from the core files only`, async ({ page }) => {
    const fontFiles: string[] = [];
    page.on("response", (response) => {
      if (response.url().endsWith(".woff2")) fontFiles.push(new URL(response.url()).pathname.split("/").pop()!);
    });
    await page.goto(campaignPath(seedCampaigns.ceasefire.slug, locale));
    await page.evaluate(() => document.fonts.ready);
    const title = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/\s/g, "");
    // Every glyph of the title comes from the web font, none from a system font.
    // (Chromium names the face: "IBM Plex Sans Arabic SemiBold".)
    await expect.poll(async () => (await fontsDrawing(page, "h1")).map((font) => `${font.familyName.replace(/ SemiBold$/, "")}${font.isCustomFont ? "" : " (system)"}`)).toEqual([family]);
    const [drawn] = await fontsDrawing(page, "h1");
    // Arabic letters join, and a joined pair can be one glyph: at least half as many as letters.
    expect(drawn!.glyphCount).toBeGreaterThanOrEqual(Math.floor(title.length / 2));
    expect(fontFiles.length).toBeGreaterThan(0);
    expect(fontFiles.filter((file) => !/-core\.[\w-]+\.woff2$|-core\.woff2$/.test(file))).toEqual([]);
  });
}

// Until the fonts have arrived the text is drawn in a system font scaled to their size, so a phone
// on a slow link does not see the page jump when they do: the font files are held back until the
// page has been drawn without them, and the title, the summary, the count and the sign form are
// where they were once the fonts are in. (Set in DejaVu Sans unscaled, the summary took more lines
// and the sign button moved 115 px on the Arabic page and 131 px on the English one.)
const placed = [".campaign-header h1", ".lede", ".progress", "#sign", "#sign button[type=submit]"];

async function placesOf(page: Page): Promise<number[]> {
  return page.evaluate((selectors) => selectors.map((selector) => Math.round(document.querySelector(selector)!.getBoundingClientRect().top)), placed);
}

const webFontsLoaded = (page: Page) => page.evaluate(() => [...document.fonts].filter((face) => face.status === "loaded" && !face.family.includes("Fallback")).length);

for (const locale of ["ar", "en"] as const) {
  test(`the ${locale} campaign page stays where it is when its fonts arrive`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/*.woff2", async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(campaignPath(seedCampaigns.protectCivilians.slug, locale), { waitUntil: "domcontentloaded" });
    await expect(page.locator(placed.at(-1)!)).toBeVisible();
    expect(await webFontsLoaded(page)).toBe(0);
    const before = await placesOf(page);
    release();
    await page.evaluate(() => document.fonts.ready);
    await expect.poll(() => webFontsLoaded(page)).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => [...document.fonts].filter((face) => face.status === "loading").length)).toBe(0);
    const after = await placesOf(page);
    const moved = placed.map((selector, i) => ({ selector, by: Math.abs(after[i]! - before[i]!) }));
    expect(moved.filter(({ by }) => by > 8)).toEqual([]);
  });
}
