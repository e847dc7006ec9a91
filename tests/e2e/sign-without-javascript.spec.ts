import { expect, test } from "@playwright/test";
import {
  campaignPath,
  errorSummary,
  capturedFor,
  confirmFromEmail,
  expectCheckYourEmail,
  newSigner,
  ownSeedCampaign,
  readCount,
  submitSignForm,
  uniqueEmail,
  waitForConfirmationEmail,
} from "./helpers";

// This file owns the "end the attacks" seed campaign: nothing else confirms signatures on it.
const campaign = ownSeedCampaign("endAttacks");
test.use({ javaScriptEnabled: false });

test("signs and confirms with JavaScript turned off", async ({ page }) => {
  const before = await readCount(page, campaign.slug);

  const signer = newSigner({ name: "Rania Saleh" });
  await submitSignForm(page, signer);
  await expectCheckYourEmail(page, campaign.slug);

  await confirmFromEmail(page, campaign.slug, signer.email);
  // Without JavaScript the share prompt still opens, and the link is there to copy by hand.
  await page.getByText("Yes, I will share it").click();
  await expect(page.getByRole("textbox", { name: "Copy link" })).toHaveValue(new RegExp(`${campaignPath(campaign.slug)}\\?s=link$`));

  expect(await readCount(page, campaign.slug)).toBe(before + 1);
});

test("sees the server's per-field errors after sending an empty or invalid form without JavaScript", async ({ page }) => {
  const before = await readCount(page, campaign.slug);

  await submitSignForm(page, {});
  await expect(page).toHaveURL(new RegExp(`${campaignPath(campaign.slug)}$`));
  const summary = errorSummary(page);
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter your name" })).toHaveAttribute("href", "#name");
  await expect(summary.getByRole("link", { name: "Enter your e-mail address" })).toHaveAttribute("href", "#email");
  await expect(summary.getByRole("link", { name: "Choose the country where you live" })).toHaveAttribute("href", "#country");
  await expect(page.locator("#name-error")).toHaveText("Enter your name");
  await expect(page.locator("#email-error")).toHaveText("Enter your e-mail address");
  await expect(page.locator("#country-error")).toHaveText("Choose the country where you live");
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");

  // What the signer typed comes back with the errors, so nothing has to be typed twice.
  const email = uniqueEmail();
  await submitSignForm(page, { name: "=HYPERLINK(\"x\")", email, country: "GB" });
  await expect(page.locator("#name-error")).toHaveText("Name must not start with =, +, - or @");
  await expect(page.locator("#email-error")).toHaveCount(0);
  await expect(page.getByLabel("E-mail address")).toHaveValue(email);
  await expect(page.getByLabel("Country where you live")).toHaveValue("GB");

  // Corrected, the same form goes through.
  await submitSignForm(page, { name: "Rania Saleh" });
  await expectCheckYourEmail(page, campaign.slug);
  await waitForConfirmationEmail(email);
  expect((await capturedFor(email)).length).toBe(1);
  expect(await readCount(page, campaign.slug)).toBe(before);
});
