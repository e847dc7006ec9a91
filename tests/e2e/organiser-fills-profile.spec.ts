// An owner fills in their organisation's profile in both languages and uploads its logo; the
// campaign page then names the organisation in the reader's language, with its description,
// website, public contact address and logo. A website without https is refused beside the field.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { e2eProfileCampaign as campaign } from "../fixtures/e2e-organisers";
import { e2eOrganisations, e2eOrganisers, expectNoAxeViolations, fillOrganisationProfile, openOrganisationProfile, signedInContext, uploadOrganisationLogo } from "./organiser-helpers";

const organisationName = e2eOrganisations.c;

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
}

// Whether the image has loaded and decoded to a picture of its own.
const loaded = (page: Page, selector: string) => page.locator(selector).first().evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0);

test("an owner fills in the organisation's profile, which the campaign page then shows in both languages", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const marker = randomUUID().slice(0, 8);
  const entered = {
    nameAr: "المنظمة ج للاختبار",
    description: `Doctors and volunteers who keep the hospitals of Idlib open (${marker}).`,
    descriptionAr: `أطباء ومتطوعون يُبقون مستشفيات إدلب مفتوحة (${marker}).`,
    website: `https://e2e-c-${marker}.example.org`,
    contactEmail: `contact-${marker}@e2e.example.org`,
    senderName: "E2E Organisation C via Nida",
  };

  // Before: the organisation has no Arabic name, so the Arabic page gives the English one, marked
  // as English and kept apart from the Arabic around it.
  const before = await browser.newContext({ baseURL });
  const beforePage = await before.newPage();
  await beforePage.goto(`/ar/campaigns/${campaign.slug}`);
  await expect(beforePage.locator('.campaign-header .meta bdi[lang="en"][dir="ltr"]')).toHaveText(organisationName);
  await before.close();

  const { context, page } = await signedInContext(browser, baseURL!, e2eOrganisers.profile.email);
  const organisationId = await openOrganisationProfile(page, organisationName);

  // A plain-HTTP website is refused beside its field, and the summary names it.
  await page.getByLabel("Website").fill(`http://e2e-c-${marker}.example.org`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct the following" })).toContainText("Website: Enter an address that starts with https://");
  await expect(page.locator("#profile-website-error")).toHaveText("Enter an address that starts with https://");

  await fillOrganisationProfile(page, entered);
  // The logo: a small PNG made here, sent as a file.
  await uploadOrganisationLogo(page, test.info().outputPath("logo.png"));
  expect(await loaded(page, ".organisation-logo-current img")).toBe(true);
  await expectNoAxeViolations(page);
  await shoot(page, "profile-form-en.png");
  await page.goto(`/ar/organiser/organisation${organisationId ? `?organisation=${encodeURIComponent(organisationId)}` : ""}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`الملف التعريفي: ${entered.nameAr}`);
  await expect(page.getByLabel("الاسم بالعربية")).toHaveValue(entered.nameAr);
  await shoot(page, "profile-form-ar.png");

  // The logo's address names its content: the server says so, and caches may keep it for good.
  const logoPath = await page.locator(".organisation-logo-current img").getAttribute("src");
  expect(logoPath).toMatch(/^\/media\/org-logos\/[0-9a-f]{64}\.webp$/);
  const logoResponse = await page.request.get(logoPath!);
  expect(logoResponse.status()).toBe(200);
  expect(logoResponse.headers()["content-type"]).toBe("image/webp");
  expect(logoResponse.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  await context.close();

  // The public campaign page, read by someone who is not signed in.
  const reader = await browser.newContext({ baseURL });
  const publicPage = await reader.newPage();
  await publicPage.goto(`/ar/campaigns/${campaign.slug}`);
  const organisersAr = publicPage.getByRole("region", { name: "من يدير هذه الحملة" });
  await expect(organisersAr.getByRole("heading", { name: entered.nameAr })).toBeVisible();
  await expect(organisersAr).toContainText(entered.descriptionAr);
  await expect(organisersAr.getByRole("link", { name: entered.contactEmail })).toHaveAttribute("href", `mailto:${entered.contactEmail}`);
  await expect(organisersAr.getByRole("link", { name: entered.website.replace("https://", "") })).toHaveAttribute("href", entered.website);
  // The byline names the organisation in Arabic: no Arabic word run into an English name.
  await expect(publicPage.locator(".campaign-header .meta")).toHaveText(`تنظيم ${entered.nameAr}`);
  expect(await loaded(publicPage, ".campaign-organisers img.organisation-logo")).toBe(true);
  await shoot(publicPage, "campaign-ar.png");

  await publicPage.goto(`/en/campaigns/${campaign.slug}`);
  const organisersEn = publicPage.getByRole("region", { name: "Who runs this campaign" });
  await expect(organisersEn.getByRole("heading", { name: organisationName })).toBeVisible();
  await expect(organisersEn).toContainText(entered.description);
  await expect(organisersEn.getByRole("link", { name: entered.contactEmail })).toBeVisible();
  await expect(publicPage.locator(".campaign-header .meta")).toHaveText(`Organised by ${organisationName}`);
  expect(await loaded(publicPage, ".campaign-organisers img.organisation-logo")).toBe(true);
  await shoot(publicPage, "campaign-en.png");
  await reader.close();
});
