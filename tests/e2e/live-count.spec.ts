// A reader keeps a campaign open while someone else signs and confirms: the count on their
// screen moves by itself, without a reload. Without JavaScript the page still shows the count.
import { expect, test } from "@playwright/test";
import { e2eOpenCampaigns } from "../fixtures/e2e-organisers";
import { campaignPath, confirmPath, newSigner, pressConfirm, shownCount, sign, waitForConfirmationEmail } from "./helpers";

// Nothing else signs this campaign (tests/fixtures/e2e-organisers.ts).
const campaign = e2eOpenCampaigns.liveCount;
test.describe.configure({ mode: "default" });

test("the count and the progress bar update without a reload after a confirmation", async ({ page, context }) => {
  await page.goto(campaignPath(campaign.slug));
  await expect(page.locator(".progress[data-live=live]")).toHaveCount(1);
  const before = await shownCount(page);
  const progressBefore = await page.getByRole("progressbar").getAttribute("aria-valuenow");
  // A mark on this very document: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  const other = await context.newPage();
  const signer = newSigner();
  await sign(other, campaign.slug, signer);
  await other.goto(confirmPath(await waitForConfirmationEmail(signer.email)));
  await pressConfirm(other, campaign.slug);
  await other.close();

  await page.bringToFront();
  await expect(page.getByTestId("signature-count")).toHaveText(String(before + 1), { timeout: 10_000 });
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(Number(progressBefore) + 1));
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
});

test("the campaign page works without JavaScript: count, progress and sign form", async ({ browser, baseURL, request }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(campaignPath(campaign.slug));
  const live = (await (await request.get(`/api/campaigns/${campaign.slug}/count`)).json()) as { count: number };
  // The page is rendered at most a few seconds ago, and re-rendered after every confirmation.
  await expect.poll(async () => {
    await page.reload();
    return shownCount(page);
  }).toBe(live.count);
  await expect(page.getByRole("progressbar")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign the petition" })).toBeVisible();
  await context.close();
});

test("the count endpoint answers with the count and progress, briefly cacheable", async ({ request }) => {
  const response = await request.get(`/api/campaigns/${campaign.slug}/count`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toMatch(/s-maxage=\d/);
  const body = (await response.json()) as { count: number; goal: number; percent: number };
  expect(body.goal).toBe(body.count < 10 ? 10 : 100);
  expect((await request.get("/api/campaigns/no-such-campaign/count")).status()).toBe(404);
});
