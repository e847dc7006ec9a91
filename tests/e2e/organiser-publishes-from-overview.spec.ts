// An organiser publishes a draft where they look at it, not only at the foot of the editor: from
// its overview and from its preview (in Arabic). A draft that is not ready says what is missing and
// links to the editor. A viewer is offered no publish button.
import { expect, test } from "@playwright/test";
import { campaignPath, uniqueTag } from "./helpers";
import { createDraftCampaign, e2eCampaigns, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner, viewer } = e2eOrganisers;

test("an organiser publishes a draft from its overview", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const draft = await createDraftCampaign(page, `Reopen the clinics of Sarmada ${uniqueTag()}`);
  await page.goto(`/en/organiser/campaigns/${draft.id}`);
  await expect(page.locator(".overview-header .status")).toHaveText("Draft");
  await expectNoAxeViolations(page);
  expect((await page.request.get(campaignPath(draft.slug))).status()).toBe(404);

  await page.getByRole("button", { name: "Publish campaign" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/organiser/campaigns/${draft.id}\\?done=published$`));
  await expect(page.getByRole("status").filter({ hasText: "The campaign is published and accepting signatures." })).toBeVisible();
  await expect(page.locator(".overview-header .status")).toHaveText("Open");
  await expect(page.getByRole("button", { name: "Publish campaign" })).toHaveCount(0);
  expect((await page.request.get(campaignPath(draft.slug))).status()).toBe(200);
  await context.close();
});

test("an organiser publishes a draft from its preview, in Arabic", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const draft = await createDraftCampaign(page, `Protect the bakeries of Ariha ${uniqueTag()}`);
  await page.goto(`/ar/organiser/campaigns/${draft.id}/preview`);
  await expect(page.locator(".preview-banner")).toContainText("الحالة: مسودة");
  await page.getByRole("button", { name: "نشر الحملة" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/organiser/campaigns/${draft.id}/preview\\?done=published$`));
  await expect(page.getByRole("status").filter({ hasText: "نُشرت الحملة وأصبحت تقبل التوقيعات." })).toBeVisible();
  await expect(page.locator(".preview-banner")).toContainText("الحالة: مفتوحة");
  await expect(page.getByRole("link", { name: "افتح الصفحة العامة" })).toHaveAttribute("href", `/ar/campaigns/${draft.slug}`);
  expect((await page.request.get(campaignPath(draft.slug))).status()).toBe(200);
  await context.close();
});

test("a draft that is not ready stays a draft, and its overview links to what to fix in the editor", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const draft = await createDraftCampaign(page, `A draft without demands ${uniqueTag()}`, { demand: false });
  await page.goto(`/en/organiser/campaigns/${draft.id}`);
  await page.getByRole("button", { name: "Publish campaign" }).click();
  const refusal = page.locator("#publish-errors");
  await expect(refusal.getByRole("heading")).toHaveText("The campaign cannot be published yet");
  const fix = refusal.getByRole("link");
  await expect(fix).toHaveAttribute("href", `/en/organiser/campaigns/${draft.id}/edit#demands`);
  await fix.click();
  await expect(page).toHaveURL(new RegExp(`/en/organiser/campaigns/${draft.id}/edit#demands$`));
  await expect(page.locator(".editor-facts .status")).toHaveText("Draft");
  expect((await page.request.get(campaignPath(draft.slug))).status()).toBe(404);
  await context.close();
});

test("a viewer sees a draft's overview and preview with no publish button", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, viewer.email);
  await page.goto("/en/organiser");
  const href = await page.getByRole("link", { name: e2eCampaigns.a.titleEn }).getAttribute("href");
  for (const path of [href!, `${href}/preview`, `${href!.replace(/^\/en\//, "/ar/")}/preview`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator(".status, .preview-banner").first()).toContainText(/Draft|مسودة/);
    await expect(page.getByRole("button", { name: /Publish campaign|نشر الحملة/ })).toHaveCount(0);
  }
  await context.close();
});
