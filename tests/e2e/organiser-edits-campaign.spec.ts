// An organiser writes a bilingual campaign, previews it in Arabic, publishes it, renames it (its
// address stays), closes and reopens it; and the editor works the same with JavaScript turned off.
import { expect, test, type Page } from "@playwright/test";
import { slugFromTitle } from "../../lib/campaigns/editor/slug";
import { campaignPath, uniqueTag } from "./helpers";
import { e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner } = e2eOrganisers;

/** The campaign id in the editor's address, /en/organiser/campaigns/<id>/edit. */
function campaignIdOf(page: Page): string {
  const id = /\/organiser\/campaigns\/([^/?#]+)\/edit/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on an editor page: ${page.url()}`);
  return decodeURIComponent(id);
}

async function expectPublicTitle(page: Page, slug: string, title: string): Promise<void> {
  await page.goto(campaignPath(slug));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
}

test("an organiser creates a bilingual campaign, previews it, publishes, renames, closes and reopens it", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const title = `Protect the hospitals of Idlib ${uniqueTag()}`;
  const slug = slugFromTitle(title);

  await page.goto("/en/organiser/campaigns/new");
  await page.getByLabel("Title (English)").fill(title);
  // Translations are folded until opened; the Arabic one is written here.
  await page.getByText("Arabic: not translated yet").click();
  await page.getByLabel("Title (Arabic)").fill("احموا مستشفيات إدلب");
  await page.getByLabel("Summary (English)").fill("Hospitals in Idlib have been bombed again and again.");
  await page.getByLabel("Summary (Arabic)").fill("تعرّضت مستشفيات إدلب للقصف مرة بعد مرة.");
  await page.getByLabel("About the campaign (English, optional)").fill("Read [the report](https://example.org/report).\n\n<script>document.title = 'hacked'</script>");
  await expect(page.getByLabel("Title (Arabic)")).toHaveAttribute("dir", "rtl");

  const first = page.getByRole("group", { name: "New demand (row 1)" });
  await first.getByLabel("Kind of demand").selectOption("PROTECTION_OF_CIVILIANS");
  await first.getByLabel("Demand (English)").fill("Stop the attacks on hospitals");
  await first.getByText("Translations of this demand (0 of 5)").click();
  await first.getByLabel("Demand (Arabic)").fill("أوقفوا الهجمات على المستشفيات");
  await first.getByLabel("Quote from the source (optional)").fill("Hospitals must never be a target.");
  const second = page.getByRole("group", { name: "New demand (row 2)" });
  await second.getByLabel("Kind of demand").selectOption("ACCOUNTABILITY");
  await second.getByLabel("Demand (English)").fill("Hold those responsible to account");
  await page.getByRole("button", { name: "Create draft" }).click();

  await expect(page).toHaveURL(/\/en\/organiser\/campaigns\/[^/]+\/edit\?done=created$/);
  const id = campaignIdOf(page);
  await expect(page.getByRole("status").filter({ hasText: "Campaign created as a draft" })).toBeVisible();
  await expect(page.locator(".editor-facts code")).toHaveText(`/en/campaigns/${slug}`);
  await expect(page.getByRole("group", { name: "Demand 2", exact: true }).getByLabel("Demand (English)")).toHaveValue("Hold those responsible to account");
  await expectNoAxeViolations(page);
  // A draft is not public.
  expect((await page.request.get(campaignPath(slug))).status()).toBe(404);

  // The preview, in Arabic: the campaign page as it will look, its Markdown rendered safely.
  await page.getByRole("link", { name: "Preview in Arabic" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/organiser/campaigns/${id}/preview$`));
  await expect(page.locator(".preview-label")).toHaveText("معاينة");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("احموا مستشفيات إدلب");
  await expect(page.getByText("أوقفوا الهجمات على المستشفيات")).toBeVisible();
  await expect(page.getByRole("link", { name: "the report" })).toHaveAttribute("rel", /\bnofollow\b/);
  await expect(page.locator(".prose script")).toHaveCount(0);
  await expect(page.locator(".prose")).not.toContainText("hacked");
  await expect(page.getByRole("button", { name: "وقّع العريضة" })).toBeDisabled();
  await expectNoAxeViolations(page);

  // Publish: the campaign is public at its address.
  await page.goto(`/en/organiser/campaigns/${id}/edit`);
  await page.getByRole("button", { name: "Publish campaign" }).click();
  await expect(page).toHaveURL(/done=published$/);
  await expectPublicTitle(page, slug, title);
  await expect(page.getByRole("button", { name: "Sign the petition" })).toBeVisible();

  // Rename it: same address, new title.
  const renamed = `Hospitals are not targets ${uniqueTag()}`;
  await page.goto(`/en/organiser/campaigns/${id}/edit`);
  await page.getByLabel("Title (English)").fill(renamed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/done=saved$/);
  await expect(page.locator(".editor-facts a")).toHaveText(`/en/campaigns/${slug}`);
  await expectPublicTitle(page, slug, renamed);

  // Close: the page stays, signing stops.
  await page.goto(`/en/organiser/campaigns/${id}/edit`);
  await page.getByRole("button", { name: "Close campaign" }).click();
  await expect(page).toHaveURL(/done=closed$/);
  await expectPublicTitle(page, slug, renamed);
  await expect(page.getByText("This campaign is closed and no longer accepts signatures.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign the petition" })).toHaveCount(0);

  // Reopen: signing is back.
  await page.goto(`/en/organiser/campaigns/${id}/edit`);
  await page.getByRole("button", { name: "Reopen campaign" }).click();
  await expect(page).toHaveURL(/done=reopened$/);
  await expectPublicTitle(page, slug, renamed);
  await expect(page.getByRole("button", { name: "Sign the petition" })).toBeVisible();
  await context.close();
});

test("the editor works without JavaScript: errors per field, a saved draft, a refused publish", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email, { javaScriptEnabled: false });
  await page.goto("/en/organiser/campaigns/new");
  await page.getByLabel("Goal ladder").fill("1000, 100");
  await page.getByRole("group", { name: "New demand (row 2)" }).getByLabel("Kind of demand").selectOption("CEASEFIRE");
  await page.getByRole("button", { name: "Create draft" }).click();

  const summary = page.locator("#editor-errors");
  await expect(summary).toContainText("Enter a title in English");
  await expect(summary).toContainText("List the goals from smallest to largest");
  await expect(summary).toContainText("Demand 2: Enter the demand in English");
  await expect(page.getByLabel("Goal ladder")).toHaveValue("1000, 100");
  await expect(page.getByLabel("Goal ladder")).toHaveAttribute("aria-invalid", "true");

  const title = `Ceasefire without scripts ${uniqueTag()}`;
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Goal ladder").fill("100, 1000");
  // Row 1 stays empty and is ignored; row 2, shown again with its kind, becomes the only demand.
  const row2 = page.getByRole("group", { name: "Demand 2", exact: true });
  await expect(row2.getByLabel("Kind of demand")).toHaveValue("CEASEFIRE");
  await row2.getByLabel("Demand (English)").fill("A ceasefire now");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/edit\?done=created$/);
  await expect(page.getByRole("group", { name: "Demand 1", exact: true }).getByLabel("Demand (English)")).toHaveValue("A ceasefire now");
  await expect(page.getByRole("group", { name: /^New demand/ })).toHaveCount(2);

  // No English summary yet: publishing is refused, and says why.
  await page.getByRole("button", { name: "Publish campaign" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The campaign cannot be published yet" })).toContainText("Enter a summary in English: a public campaign needs one");
  expect((await page.request.get(campaignPath(slugFromTitle(title)))).status()).toBe(404);
  await context.close();
});
