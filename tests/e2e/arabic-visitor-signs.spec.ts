// An Arabic-speaking visitor arrives at Nida, is shown it in Arabic, signs, confirms by an Arabic
// e-mail and is offered the share prompt: every page on the way reads in Arabic, right to left.
import { expect, test } from "@playwright/test";
import { isolate } from "../../lib/i18n/isolate";
import { confirmPath, newSigner, seedCampaigns, waitForEmail } from "./helpers";
import { e2eOrganisations, expectNoAxeViolations } from "./organiser-helpers";
import { expectArabicPage } from "./reach-helpers";

// Signs and confirms on the "ICC" seed campaign, whose count no journey asserts exactly.
const campaign = seedCampaigns.icc;
const arabicTitle = "أحيلوا الملف السوري إلى المحكمة الجنائية الدولية";
// Proper names the campaign itself shows in Latin letters: the source statement's author.
const properNames = ["Muhammad", "Najem"];
// On the home page, also the test organisation's name (it has none in Arabic), on its campaigns.
const organisationNames = Object.values(e2eOrganisations).flatMap((name) => name.split(/[^A-Za-z]+/)).filter(Boolean);

test.use({ locale: "ar-SY", extraHTTPHeaders: { "Accept-Language": "ar-SY,ar;q=0.9,en;q=0.5" } });

test("an Arabic visitor signs and confirms, and every page on the way is in Arabic", async ({ page }) => {
  // The browser asks for Arabic: "/" sends it to the Arabic home page, and English is one click away.
  await page.goto("/");
  await expect(page).toHaveURL(/\/ar$/);
  await expect(page.getByRole("link", { name: "اقرأ هذه الصفحة بالإنجليزية" })).toHaveAttribute("href", "/en");
  await expectArabicPage(page, [...properNames, ...organisationNames]);

  await page.getByRole("link", { name: arabicTitle, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/campaigns/${campaign.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(arabicTitle);
  await expect(page.locator(".progress[data-live=live]")).toHaveCount(1);
  await expectArabicPage(page, properNames);

  // An error is explained in Arabic too.
  await page.getByRole("button", { name: "وقّع العريضة" }).click();
  await expect(page.locator("#sign-errors")).toBeVisible();
  await expectArabicPage(page, properNames);

  const signer = newSigner({ name: "ليلى حداد", country: "SY" });
  await page.getByLabel("الاسم الكامل").fill(signer.name);
  await page.getByLabel("البريد الإلكتروني", { exact: true }).fill(signer.email);
  await page.getByLabel("بلد الإقامة").selectOption(signer.country);
  await page.getByRole("button", { name: "وقّع العريضة" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/campaigns/${campaign.slug}/signed$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خطوة أخيرة: أكّد توقيعك");
  await expectArabicPage(page);
  await expectNoAxeViolations(page);

  // The confirmation e-mail is in Arabic, laid out right to left.
  const mail = await waitForEmail(signer.email, "أكّد توقيعك");
  expect(mail.subject).toBe(`أكّد توقيعك: ${isolate(arabicTitle)}`);
  expect(mail.html).toMatch(/<html[^>]*\blang="ar"/);
  expect(mail.html).toMatch(/<html[^>]*\bdir="rtl"/);
  const mailWords = (mail.text ?? "").replace(/\S+@\S+|https?:\/\/\S+/g, " ").match(/[A-Za-z]{2,}/g) ?? [];
  expect(mailWords, "Latin words in the e-mail's text").toEqual([]);
  expect(mail.text).toContain(signer.name);

  await page.goto(confirmPath(mail));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أكّد توقيعك");
  await expectArabicPage(page);
  await page.getByRole("button", { name: "أؤكّد توقيعي" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/campaigns/${campaign.slug}/thanks$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("شكراً لك: تأكّد توقيعك");
  await expectArabicPage(page);

  // The share prompt asks first; the channels, named in Arabic, come after.
  await expect(page.getByRole("heading", { name: "هل ستشارك هذه العريضة؟" })).toBeVisible();
  await page.getByText("نعم، سأشاركها").click();
  for (const name of ["واتساب", "تيليغرام", "إكس", "فيسبوك", "بلوسكاي", "البريد الإلكتروني"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("textbox", { name: "نسخ الرابط" })).toHaveValue(new RegExp(`/ar/campaigns/${campaign.slug}\\?s=link$`));
  await expectArabicPage(page);
  await expectNoAxeViolations(page);
});

test("an English-speaking browser gets English, and the switch leads to the same page in Arabic", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await page.goto(`/en/campaigns/${campaign.slug}`);
  const switcher = page.getByRole("link", { name: "Read this page in Arabic" });
  await expect(switcher).toBeVisible();
  await switcher.click();
  await expect(page).toHaveURL(new RegExp(`/ar/campaigns/${campaign.slug}$`));
  await expectArabicPage(page, properNames);
  await context.close();
});
