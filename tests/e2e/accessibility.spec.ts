import { expect, test, type Page } from "@playwright/test";
import { campaignPath, confirmPath, errorSummary, newSigner, pressConfirm, seedCampaigns, sign, waitForConfirmationEmail } from "./helpers";
import { expectNoAxeViolations as expectNoViolations } from "./organiser-helpers";

// Signs and confirms on the "ICC" seed campaign, which no count-asserting spec uses.
const campaign = seedCampaigns.icc;
const statementSlug = "najem-snhr-report-northwest-syria-2023";

async function expectLanguage(page: Page, lang: "en" | "ar"): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
}

for (const locale of ["en", "ar"] as const) {
  test.describe(`in ${locale === "en" ? "English" : "Arabic"}`, () => {
    test("reads the home page without accessibility barriers", async ({ page }) => {
      await page.goto(`/${locale}`);
      await expectLanguage(page, locale);
      await expect(page.getByTestId("signature-count").first()).toBeVisible();
      await expectNoViolations(page);
    });

    test("reads a campaign page without accessibility barriers", async ({ page }) => {
      await page.goto(campaignPath(campaign.slug, locale));
      await expectLanguage(page, locale);
      await expect(page.locator("form.sign-form")).toBeVisible();
      await expectNoViolations(page);
    });

    test("reads the form's errors without accessibility barriers", async ({ page }) => {
      await page.goto(campaignPath(campaign.slug, locale));
      await page.locator("form.sign-form button[type=submit]").click();
      await expect(errorSummary(page)).toBeVisible();
      await expect(page.locator(".field-error")).toHaveCount(3);
      await expectNoViolations(page);
    });

    test("reads a statement page without accessibility barriers", async ({ page }) => {
      await page.goto(`/${locale}/statements/${statementSlug}`);
      await expectLanguage(page, locale);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test("signs and confirms without meeting accessibility barriers", async ({ page }) => {
  const signer = newSigner();
  await sign(page, campaign.slug, signer);
  await expectLanguage(page, "en");
  await expectNoViolations(page);

  const link = confirmPath(await waitForConfirmationEmail(signer.email));
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toBeVisible();
  await expectNoViolations(page);

  await pressConfirm(page, campaign.slug);
  await expectNoViolations(page);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used or is not valid");
  await expectNoViolations(page);
});
