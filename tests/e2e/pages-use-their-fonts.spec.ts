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
