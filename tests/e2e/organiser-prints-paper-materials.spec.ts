// An organiser downloads a poster for a vigil from the paper page; a passer-by types the short
// address printed under its QR code and lands on the campaign page in their own language.
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { pdfReadingText } from "../fixtures/pdf-text";
import { createPublishedCampaign, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner } = e2eOrganisers;

test("an owner downloads an Arabic poster from the paper page, and its short address opens the campaign in the reader's language", async ({ browser, baseURL }) => {
  // Signing in, a published campaign, two pages with axe and a PDF: slow on a shared machine.
  test.setTimeout(240_000);
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  await page.setViewportSize({ width: 390, height: 900 });
  const campaign = await createPublishedCampaign(page, "Posters for the Idlib vigil");

  await page.goto(`/en/organiser/campaigns/${campaign.id}/paper`);
  await expect(page.getByRole("heading", { name: "Print a sign sheet or a poster" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: test.info().outputPath("paper-print-en.png"), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Poster (PDF, A4) in Arabic" }).click()]);
  expect(download.suggestedFilename()).toBe(`${campaign.slug}-poster-ar.pdf`);
  const text = await pdfReadingText(new Uint8Array(await readFile((await download.path())!)), "rtl");
  const code = /\/s\/([a-z2-9]{7})/.exec(text)?.[1];
  expect(code).toBeTruthy();

  await page.goto(`/ar/organiser/campaigns/${campaign.id}/paper`);
  await expect(page.getByRole("link", { name: "ملصق (PDF، A4) بالعربية" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("paper-print-ar.png"), fullPage: true });
  await context.close();

  // Someone whose browser asks for Arabic types the address from the poster.
  const reader = await browser.newContext({ locale: "ar", extraHTTPHeaders: { "Accept-Language": "ar" } });
  const visit = await reader.newPage();
  await visit.goto(`/s/${code!.toUpperCase()}`);
  await expect(visit).toHaveURL(new RegExp(`/ar/campaigns/${campaign.slug}\\?s=poster$`));
  expect((await visit.request.get(`/en/s/${code}`, { maxRedirects: 0 })).headers().location).toMatch(new RegExp(`/en/campaigns/${campaign.slug}\\?s=poster$`));
  expect((await visit.request.get("/en/s/2222222", { maxRedirects: 0 })).status()).toBe(404);
  await reader.close();
});
