// An organiser enters the signatures of a paper sheet from a vigil: checks the file first, enters
// what was checked, sees the campaign's count split into online and paper, then removes the sheet.
import { expect, test } from "@playwright/test";
import { campaignPath } from "./helpers";
import { createPublishedCampaign, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner } = e2eOrganisers;
const sheet = ["name,country,postcode,email", "Layla Haddad,SY,,", "Omar Khalil,Atlantis,,", "layla  HADDAD,Syria,,", "سارة العلي,سوريا,,"].join("\n");

test("an owner checks a paper sheet, enters it, sees it counted apart from online signatures, and removes it", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  await page.setViewportSize({ width: 390, height: 900 });
  const campaign = await createPublishedCampaign(page, "Paper sheets from Idlib");
  await page.goto(`/en/organiser/campaigns/${campaign.id}`);
  await page.getByRole("link", { name: "Paper signatures", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signatures gathered on paper");

  await page.getByLabel("Where and when it was signed").fill("Idlib vigil, 3 Dec");
  await page.getByLabel("CSV file").setInputFiles({ name: "vigil.csv", mimeType: "text/csv", buffer: Buffer.from(sheet) });
  await page.getByRole("button", { name: "Check the sheet" }).click();
  await expect(page.getByTestId("paper-accepted")).toHaveText("2 rows would be entered.");
  await expect(page.getByTestId("paper-refused")).toHaveText("2 rows refused, including 1 duplicate.");
  const refused = page.getByTestId("paper-refused-rows");
  await expect(refused.getByRole("row", { name: /^3 / })).toContainText("The country is not a known code or name");
  await expect(refused.getByRole("row", { name: /^4 / })).toContainText("Same person as line 2");
  await expect(page.getByText("No paper sheets entered yet.")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("paper-preview-en.png"), fullPage: true });

  await page.getByRole("button", { name: "Enter 2 signatures" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 paper signatures entered." })).toBeVisible();
  const row = page.getByRole("row", { name: /Idlib vigil, 3 Dec/ });
  await expect(row).toContainText("2");
  await expectNoAxeViolations(page);

  // The public count: the total, and the two sources apart; only the online ones are "confirmed".
  for (const [locale, breakdown] of [
    ["en", "0 online, confirmed by e-mail, + 2 signed on paper"],
    ["ar", "0 عبر الإنترنت، مؤكَّدة بالبريد الإلكتروني، + 2 موقَّعة على الورق"],
  ] as const) {
    await page.goto(campaignPath(campaign.slug, locale));
    await expect(page.getByTestId("signature-breakdown")).toHaveText(breakdown);
    await expect(page.getByTestId("signature-count")).toHaveText("2");
    await page.screenshot({ path: test.info().outputPath(`campaign-${locale}.png`), fullPage: false });
  }

  await page.goto(`/ar/organiser/campaigns/${campaign.id}/paper`);
  await page.screenshot({ path: test.info().outputPath("paper-list-ar.png"), fullPage: true });
  await page.goto(`/en/organiser/campaigns/${campaign.id}/paper`);
  await page.getByRole("button", { name: "Remove the sheet “Idlib vigil, 3 Dec” and its 2 signatures" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The sheet and its 2 signatures were removed." })).toBeVisible();
  await expect(page.getByText("No paper sheets entered yet.")).toBeVisible();
  await page.goto(campaignPath(campaign.slug));
  await expect(page.getByTestId("signature-count")).toHaveText("0");
  await expect(page.getByTestId("signature-breakdown")).toHaveCount(0);
  await context.close();
});
