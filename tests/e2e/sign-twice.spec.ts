import { expect, test } from "@playwright/test";
import { capturedFor, confirmPath, pressConfirm, readCount, seedCampaigns, sign, uniqueTag, waitForConfirmationEmail, waitForEmail } from "./helpers";

// This file owns the "ceasefire" seed campaign: nothing else confirms signatures on it, so an
// exact "+1" is safe to assert.
const campaign = seedCampaigns.ceasefire;

test("signs twice with two spellings of one Gmail address and is counted once", async ({ page }) => {
  // Gmail ignores dots, "+tags" and case: both spellings are one person.
  const tag = uniqueTag().replaceAll("-", "");
  const first = `Name.Surname${tag}+news@gmail.com`;
  const second = `namesurname${tag}@GMAIL.com`;

  const before = await readCount(page, campaign.slug);

  await sign(page, campaign.slug, { name: "Omar Khalil", email: first, country: "GB" });
  const firstPage = await page.locator("main").innerText();

  await sign(page, campaign.slug, { name: "Omar Khalil", email: second, country: "SY" });
  const secondPage = await page.locator("main").innerText();
  // The page must not tell anyone whether an address had signed before.
  expect(secondPage).toBe(firstPage);

  const firstMail = await waitForConfirmationEmail(first);
  const secondMail = await waitForConfirmationEmail(second);
  expect(secondMail.id).not.toBe(firstMail.id);
  expect(secondMail.subject).toMatch(/^Confirm your signature/);
  // One mail to each spelling: the second is a re-send of the confirmation, not a second signature.
  await expect.poll(async () => (await capturedFor(first)).length).toBe(1);
  await expect.poll(async () => (await capturedFor(second)).length).toBe(1);
  const firstLink = confirmPath(firstMail);
  const secondLink = confirmPath(secondMail);
  expect(secondLink).not.toBe(firstLink);

  expect(await readCount(page, campaign.slug)).toBe(before);

  await page.goto(secondLink);
  await pressConfirm(page, campaign.slug);
  expect(await readCount(page, campaign.slug)).toBe(before + 1);

  // Confirming spent every link of the signature: the first one no longer counts anything.
  await page.goto(firstLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used or is not valid");
  expect(await readCount(page, campaign.slug)).toBe(before + 1);

  // Signing a third time after confirming still reads the same, and still counts once.
  await sign(page, campaign.slug, { name: "Omar Khalil", email: first, country: "GB" });
  expect(await page.locator("main").innerText()).toBe(firstPage);
  const already = await waitForEmail(first, "You have already signed");
  expect(already.subject).toMatch(/^You have already signed/);
  expect(await readCount(page, campaign.slug)).toBe(before + 1);
});
