// A campaign link pasted into a chat unfurls into an image with the live count: the page names
// the image in its Open Graph and Twitter card tags, and the image follows the count.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eOpenCampaigns } from "../fixtures/e2e-organisers";
import { campaignPath, confirmPath, newSigner, pressConfirm, seedCampaigns, sign, waitForConfirmationEmail } from "./helpers";
import { pngSize } from "./reach-helpers";

// Nothing else signs this campaign (tests/fixtures/e2e-organisers.ts).
const campaign = e2eOpenCampaigns.shareImage;

async function shareImage(request: APIRequestContext, path: string): Promise<Buffer> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toMatch(/max-age=\d+/);
  return Buffer.from(await response.body());
}

for (const locale of ["en", "ar"] as const) {
  test(`a seed campaign's page in ${locale} names a 1200×630 share image for Open Graph and Twitter cards`, async ({ page, request }) => {
    await page.goto(campaignPath(seedCampaigns.ceasefire.slug, locale));
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toMatch(new RegExp(`/${locale}/campaigns/${seedCampaigns.ceasefire.slug}/share-image$`));
    await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute("content", "1200");
    await expect(page.locator('meta[property="og:image:height"]')).toHaveAttribute("content", "630");
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", (await page.getByRole("heading", { level: 1 }).textContent()) ?? "");
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute("content", image!);
    expect(pngSize(await shareImage(request, new URL(image!).pathname))).toEqual({ width: 1200, height: 630 });
  });
}

test("the share image changes after a confirmation", async ({ page, request }) => {
  const path = `${campaignPath(campaign.slug, "ar")}/share-image`;
  const before = await shareImage(request, path);
  expect(pngSize(before)).toEqual({ width: 1200, height: 630 });
  // Unchanged count, unchanged image.
  expect((await shareImage(request, path)).equals(before)).toBe(true);

  const signer = newSigner();
  await sign(page, campaign.slug, signer);
  await page.goto(confirmPath(await waitForConfirmationEmail(signer.email)));
  await pressConfirm(page, campaign.slug);

  // The server re-renders an image at most every few seconds, so a crawler storm costs little.
  await expect.poll(async () => (await shareImage(request, path)).equals(before), { timeout: 20_000, message: "the image shows the new count" }).toBe(false);
  expect(pngSize(await shareImage(request, path))).toEqual({ width: 1200, height: 630 });
});
