// An organiser writes the letter supporters send to representatives, with rotating subjects in
// two languages and a daily cap; a viewer of the same organisation can read it but not change it.
import { expect, test } from "@playwright/test";
import { discoverOrganisationA, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner, viewer } = e2eOrganisers;

test("an owner edits the campaign's letter from its overview; a viewer only reads it", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const { campaignId } = await discoverOrganisationA(page);
  await page.goto(`/en/organiser/campaigns/${campaignId}`);
  await page.getByRole("link", { name: "Letters", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/organiser/campaigns/${campaignId}/letters$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Letters to representatives");
  await expect(page.getByText("No letters have been sent through Nida yet.")).toBeVisible();

  // A subject without a letter is half a template: refused per field, nothing saved.
  await page.getByLabel("Subject lines in English").fill("Protect civilians in Idlib");
  await page.getByLabel("Letter in English").fill("");
  await page.getByLabel("Letters per decision-maker per day").fill("7");
  await page.getByRole("button", { name: "Save the letter" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toContainText("Write the letter for these subject lines.");

  await page.getByLabel("Subject lines in English").fill("Protect civilians in Idlib\nA request about Idlib");
  await page.getByLabel("Letter in English").fill("I am writing to ask you to help protect civilians in Idlib.");
  // The Arabic letter is a translation, folded until opened.
  await page.locator("summary", { hasText: "In Arabic" }).click();
  await page.getByLabel("Subject lines in Arabic").fill("احموا المدنيين في إدلب");
  await page.getByLabel("Letter in Arabic").fill("أكتب إليكم لأطلب أن تساعدوا في حماية المدنيين في إدلب.");
  await expect(page.getByLabel("Letter in Arabic")).toHaveAttribute("dir", "rtl");
  await page.getByRole("button", { name: "Save the letter" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The letter is saved." })).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("Subject lines in English")).toHaveValue("Protect civilians in Idlib\nA request about Idlib");
  await expect(page.getByLabel("Letters per decision-maker per day")).toHaveValue("7");
  await expectNoAxeViolations(page);
  await context.close();

  const reader = await signedInContext(browser, baseURL!, viewer.email);
  await reader.page.goto(`/en/organiser/campaigns/${campaignId}/letters`);
  await expect(reader.page.getByText("You can read these settings; organisers and owners can change them.")).toBeVisible();
  await expect(reader.page.getByLabel("Letter in English")).toHaveValue("I am writing to ask you to help protect civilians in Idlib.");
  await expect(reader.page.getByLabel("Letter in English")).toBeDisabled();
  await expect(reader.page.getByRole("button", { name: "Save the letter" })).toHaveCount(0);
  await reader.context.close();
});
