import { expect, test, type Page } from "@playwright/test";
import {
  campaignPath,
  errorSummary,
  capturedFor,
  expectCheckYourEmail,
  newSigner,
  readCount,
  seedCampaigns,
  submitSignForm,
  uniqueEmail,
  waitForConfirmationEmail,
  type Signer,
} from "./helpers";

// This file owns the "monitoring" seed campaign and asserts its count never moves: no other spec
// signs it, and the only valid signature here (the sentinel below) is never confirmed.
const campaign = seedCampaigns.monitoring;
test.describe.configure({ mode: "default" });

async function expectFieldError(page: Page, field: "name" | "email" | "country", message: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`${campaignPath(campaign.slug)}$`));
  const summary = errorSummary(page);
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", `#${field}`);
  await expect(page.locator(`#${field}-error`)).toHaveText(message);
  await expect(page.locator(`#${field}`)).toHaveAttribute("aria-invalid", "true");
  // The summary takes focus, so a screen reader announces what went wrong.
  await expect(summary).toBeFocused();
}

test("is told what to fix when the form is empty or wrong, and nothing is sent or counted", async ({ page }) => {
  const before = await readCount(page, campaign.slug);

  await submitSignForm(page, {});
  await expectFieldError(page, "name", "Enter your name");
  await expectFieldError(page, "email", "Enter your e-mail address");
  await expectFieldError(page, "country", "Choose the country where you live");

  // The summary's links lead to the fields.
  await errorSummary(page).getByRole("link", { name: "Enter your e-mail address" }).click();
  await expect(page.getByLabel("E-mail address")).toBeFocused();

  const rejected: { signer: Signer; field: "name" | "email"; message: string }[] = [
    { signer: newSigner({ name: "=SUM(A1)" }), field: "name", message: "Name must not start with =, +, - or @" },
    { signer: newSigner({ name: "visit www.spam.com" }), field: "name", message: "Name must not contain a web address" },
    // A unique address that only lacks a top-level domain, so the capture could still receive it.
    { signer: newSigner({ email: uniqueEmail().replace(/\.org$/, "") }), field: "email", message: "Enter an e-mail address in the right format, like name@example.org" },
  ];
  for (const { signer, field, message } of rejected) {
    await page.goto(campaignPath(campaign.slug));
    await submitSignForm(page, signer);
    await expectFieldError(page, field, message);
    await expect(page.locator(".field-error")).toHaveCount(1);
  }

  // Mail leaves in the order it was queued (oldest first), so once a valid signature made after
  // the rejected ones has had its e-mail delivered, any mail for them would have arrived too.
  const sentinel = newSigner({ name: "Sami Nasser" });
  await page.goto(campaignPath(campaign.slug));
  await submitSignForm(page, sentinel);
  await expectCheckYourEmail(page, campaign.slug);
  await waitForConfirmationEmail(sentinel.email);
  for (const { signer } of rejected) expect(await capturedFor(signer.email), signer.email).toEqual([]);

  // An unconfirmed signature counts for nothing, and the rejected ones were never recorded.
  expect(await readCount(page, campaign.slug)).toBe(before);
});

test("is told what to fix in Arabic on the Arabic page", async ({ page }) => {
  await page.goto(campaignPath(campaign.slug, "ar"));
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");

  await page.getByRole("button", { name: "وقّع العريضة" }).click();
  const summary = errorSummary(page);
  await expect(summary.getByRole("heading", { name: "يوجد خطأ في النموذج" })).toBeVisible();
  await expect(page.locator("#name-error")).toHaveText("أدخل اسمك");
  await expect(page.locator("#email-error")).toHaveText("أدخل عنوان بريدك الإلكتروني");
  await expect(page.locator("#country-error")).toHaveText("اختر بلد إقامتك");
  await expect(summary.getByRole("link", { name: "أدخل اسمك" })).toHaveAttribute("href", "#name");
});
