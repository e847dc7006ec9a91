import { expect, test } from "@playwright/test";
import {
  campaignPath,
  confirmPath,
  expectCheckYourEmail,
  newSigner,
  ownSeedCampaign,
  pressConfirm,
  readCount,
  seedCampaigns,
  shownCount,
  submitSignForm,
  waitForConfirmationEmail,
} from "./helpers";

// This file owns the "protect civilians" seed campaign: nothing else confirms signatures on it,
// so its count moves only when this journey confirms.
const campaign = ownSeedCampaign("protectCivilians");

test.use({ locale: "en-GB" });

test("finds a campaign from the home page, signs it, confirms by e-mail and is counted once", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const cards = page.locator(".campaign-card");
  for (const seed of Object.values(seedCampaigns)) {
    const card = cards.filter({ has: page.getByRole("link", { name: seed.titleEn, exact: true }) });
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId("signature-count")).toHaveText(/^\d[\d,]*$/);
  }

  await page.getByRole("link", { name: campaign.titleEn, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${campaignPath(campaign.slug)}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.titleEn);
  const before = await shownCount(page);

  const signer = newSigner({ name: "Layla Haddad" });
  await submitSignForm(page, signer);
  await expectCheckYourEmail(page, campaign.slug);

  const mail = await waitForConfirmationEmail(signer.email);
  expect(mail.subject).toMatch(/^Confirm your signature/);
  expect(mail.subject).toContain(campaign.titleEn);
  const link = confirmPath(mail);

  // A mail scanner that follows the link, and the signer opening it, confirm nothing.
  const scanned = await request.get(link);
  expect(scanned.status()).toBe(200);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your signature");
  await expect(page.getByText(`${signer.name}, press the button to confirm that you want to sign “${campaign.titleEn}”.`)).toBeVisible();
  const confirmButton = page.getByRole("button", { name: "Confirm my signature" });
  await expect(confirmButton).toBeVisible();
  expect(await readCount(page, campaign.slug)).toBe(before);

  await page.goto(link);
  await pressConfirm(page, campaign.slug);
  // First the question, then the channels.
  await expect(page.getByRole("heading", { name: "Will you share this petition?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "WhatsApp", exact: true })).toBeHidden();
  await page.getByText("Yes, I will share it").click();
  for (const name of ["WhatsApp", "Telegram", "X", "Facebook", "Bluesky", "E-mail"]) {
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "WhatsApp", exact: true })).toHaveAttribute("href", /^https:\/\/wa\.me\/\?text=/);
  await expect(page.getByRole("link", { name: "Telegram", exact: true })).toHaveAttribute("href", /^https:\/\/t\.me\/share\/url\?/);
  await expect(page.getByRole("link", { name: "X", exact: true })).toHaveAttribute("href", /^https:\/\/x\.com\/intent\/post\?/);
  await expect(page.getByRole("link", { name: "Facebook", exact: true })).toHaveAttribute("href", /^https:\/\/www\.facebook\.com\/sharer\//);
  await expect(page.getByRole("link", { name: "Bluesky", exact: true })).toHaveAttribute("href", /^https:\/\/bsky\.app\/intent\/compose\?text=/);
  await expect(page.getByRole("link", { name: "E-mail", exact: true })).toHaveAttribute("href", /^mailto:\?subject=/);
  await expect(page.getByRole("textbox", { name: "Mastodon: your server" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Copy link" })).toHaveValue(new RegExp(`${campaignPath(campaign.slug)}\\?s=link$`));
  expect(await shownCount(page)).toBe(before + 1);

  expect(await readCount(page, campaign.slug)).toBe(before + 1);

  // The link is spent: opening it again says so, and counts nothing more.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used or is not valid");
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
  expect(await readCount(page, campaign.slug)).toBe(before + 1);
});

test("finds the sign form within two screens of the top on a phone", async ({ page }) => {
  await page.goto(campaignPath(campaign.slug));
  const name = page.getByLabel("Full name");
  await expect(name).toBeVisible();
  const { top, screen } = await name.evaluate((element) => ({
    top: element.getBoundingClientRect().top + window.scrollY,
    screen: window.innerHeight,
  }));
  expect(screen).toBeLessThan(1000); // a phone viewport (Pixel 7), not a desktop one
  expect(top, `name field at ${top}px, screen height ${screen}px`).toBeLessThanOrEqual(2 * screen);
  // The demands come after the form, not before it.
  const demands = await page.getByRole("heading", { name: "What we are asking for", level: 2 }).evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeLessThan(demands);
});
