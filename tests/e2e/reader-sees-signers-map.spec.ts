import { expect, test, type Page } from "@playwright/test";
import { campaignPath, confirmFromEmail, newSigner, seedCampaigns, sign } from "./helpers";
import { expectNoAxeViolations } from "./organiser-helpers";

// The "ICC" seed campaign, which no spec counts; Iceland is the country no other spec signs from.
const campaign = seedCampaigns.icc;

// The campaign page once its kept copy shows the map (the page is rendered again every few seconds).
async function openWithMap(page: Page, locale: "en" | "ar"): Promise<void> {
  await expect(async () => {
    await page.goto(campaignPath(campaign.slug, locale));
    await expect(page.locator("section.signature-map")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}

test("a reader sees where signers are on a map drawn by the server, with the same figures in a table", async ({ page }) => {
  const signer = newSigner({ country: "IS" });
  await sign(page, campaign.slug, signer);
  await confirmFromEmail(page, campaign.slug, signer.email);

  const boxes: Record<string, { section: DOMRect; map: DOMRect; firstItem: DOMRect }> = {};
  for (const locale of ["en", "ar"] as const) {
    await openWithMap(page, locale);
    const section = page.locator("section.signature-map");
    await expect(section.getByRole("heading", { level: 2 })).toHaveText(locale === "en" ? "Where signers are" : "من أين الموقّعون");

    const image = section.getByRole("img");
    await expect(image).toHaveAttribute("alt", locale === "en" ? /World map: each country shaded/ : /خريطة العالم/);
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBeGreaterThan(0);
    const answer = await page.request.get((await image.getAttribute("src"))!);
    expect(answer.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
    expect(await answer.text()).toMatch(/<path data-country="IS" class="s1" d=/);

    await section.getByText(locale === "en" ? /The figures by country/ : /الأرقام بحسب الدولة/).click();
    const iceland = section.getByRole("row", { name: locale === "en" ? /Iceland/ : /آيسلندا/ });
    await expect(iceland).toBeVisible();
    await expect(iceland.getByRole("cell")).toHaveText(/^[1-9١-٩]/);

    const box = (element: Element) => element.getBoundingClientRect().toJSON() as DOMRect;
    boxes[locale] = { section: await section.evaluate(box), map: await image.evaluate(box), firstItem: await section.locator(".map-legend li").first().evaluate(box) };
    expect(await image.evaluate((element) => getComputedStyle(element).transform)).toBe("none");
    await expectNoAxeViolations(page);
  }

  // The legend starts where a line starts in each language (left in English, right in Arabic); the map is the same in both.
  expect(Math.abs(boxes.en!.firstItem.left - boxes.en!.section.left)).toBeLessThan(2);
  expect(Math.abs(boxes.ar!.firstItem.right - boxes.ar!.section.right)).toBeLessThan(2);
  expect(boxes.ar!.map.x).toBe(boxes.en!.map.x);
  expect(boxes.ar!.map.width).toBe(boxes.en!.map.width);
});
