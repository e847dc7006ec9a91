// An organiser enters the signatures of a paper sheet from a vigil: checks the file first, enters
// what was checked, sees the campaign's count split into online and paper, then removes the sheet.
import { expect, test } from "@playwright/test";
import { campaignPath, confirmFromEmail, newSigner, sign, uniqueEmail } from "./helpers";
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

// A volunteer types a stack of sheets in one at a time, a colleague uploads a camp's sheet of 100,
// and the sheet is removed again: the public paper count follows each step.
test("an owner types in signatures one at a time beside a sheet of 100, is refused an online signer's duplicate, and removes the sheet", async ({ browser, baseURL }) => {
  // Signing online, three saves, a sheet of 100 and its removal: several round trips on a busy machine.
  test.setTimeout(180_000);
  const online = newSigner({ country: "SY" });
  const signerContext = await browser.newContext({ baseURL });
  const signerPage = await signerContext.newPage();
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  await page.setViewportSize({ width: 390, height: 900 });
  const campaign = await createPublishedCampaign(page, "Paper sheets from the camps");
  await sign(signerPage, campaign.slug, online);
  await confirmFromEmail(signerPage, campaign.slug, online.email);
  await signerContext.close();

  await page.goto(`/en/organiser/campaigns/${campaign.id}/paper`);
  const name = page.getByLabel("Name", { exact: true });
  const saved = page.getByTestId("paper-entry-saved");
  const typed = [
    { name: "Amina Yusuf", country: "SY", postcode: "", email: "" },
    { name: "Khaled Omar", country: "TR", postcode: "34000", email: "" },
    { name: "Rana Saeed", country: "DE", postcode: "", email: uniqueEmail("paper") },
  ];
  for (const [index, signer] of typed.entries()) {
    await name.fill(signer.name);
    await page.getByLabel("Country", { exact: true }).selectOption(signer.country);
    await page.getByLabel("Postcode (optional)").fill(signer.postcode);
    await page.getByLabel("E-mail address (optional)").fill(signer.email);
    await page.getByRole("button", { name: "Save and enter the next" }).click();
    await expect(saved).toHaveText(`Saved: ${index + 1} entered by hand today.`);
    // Ready for the next sheet's line at once: empty, with the cursor on the name.
    await expect(name).toBeFocused();
    await expect(name).toHaveValue("");
    await expect(page.getByLabel("Country", { exact: true })).toHaveValue("");
  }

  // The online signer's address, however written, is refused, saying why, and nothing is entered.
  await name.fill("Layla H.");
  await page.getByLabel("Country", { exact: true }).selectOption("SY");
  await page.getByLabel("E-mail address (optional)").fill(online.email.toUpperCase());
  await page.getByRole("button", { name: "Save and enter the next" }).click();
  const refusal = "Not entered: someone with this e-mail address already signed online";
  await expect(page.locator("#paper-entry-email-error")).toHaveText(refusal);
  await expect(page.getByRole("link", { name: refusal })).toBeVisible();
  await expect(saved).toHaveCount(0);
  await expect(name).toHaveValue("Layla H.");
  await page.screenshot({ path: test.info().outputPath("paper-entry-refused-en.png"), fullPage: true });

  const camp = ["name,country", ...Array.from({ length: 100 }, (_, index) => `Camp signer ${index + 1},SY`)].join("\n");
  await page.getByLabel("Where and when it was signed").fill("Atmeh camp, 5 Dec");
  await page.getByLabel("CSV file").setInputFiles({ name: "camp.csv", mimeType: "text/csv", buffer: Buffer.from(camp) });
  await page.getByRole("button", { name: "Check the sheet" }).click();
  await expect(page.getByTestId("paper-accepted")).toHaveText("100 rows would be entered.");
  await page.getByRole("button", { name: "Enter 100 signatures" }).click();
  await expect(page.getByRole("status").filter({ hasText: "100 paper signatures entered." })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Entered by hand, / })).toContainText("3");
  await expect(page.getByTestId("paper-total")).toHaveText("103 paper signatures in all.");
  await page.screenshot({ path: test.info().outputPath("paper-entry-en.png"), fullPage: true });

  await page.goto(campaignPath(campaign.slug));
  await expect(page.getByTestId("signature-breakdown")).toHaveText("1 online, confirmed by e-mail, + 103 signed on paper");
  await expect(page.getByTestId("signature-count")).toHaveText("104");

  // In Arabic, an empty save names each missing field in Arabic.
  await page.goto(`/ar/organiser/campaigns/${campaign.id}/paper`);
  await page.getByRole("button", { name: "احفظ وأدخِل التالي" }).click();
  await expect(page.locator("#paper-entry-name-error")).toHaveText("أدخِل اسم الموقّع");
  await expect(page.locator("#paper-entry-country-error")).toHaveText("اختر بلد الموقّع");
  await page.screenshot({ path: test.info().outputPath("paper-entry-ar.png"), fullPage: true });

  await page.goto(`/en/organiser/campaigns/${campaign.id}/paper`);
  await page.getByRole("button", { name: "Remove the sheet “Atmeh camp, 5 Dec” and its 100 signatures" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The sheet and its 100 signatures were removed." })).toBeVisible();
  await page.goto(campaignPath(campaign.slug));
  await expect(page.getByTestId("signature-breakdown")).toHaveText("1 online, confirmed by e-mail, + 3 signed on paper");
  await expect(page.getByTestId("signature-count")).toHaveText("4");
  await context.close();
});
