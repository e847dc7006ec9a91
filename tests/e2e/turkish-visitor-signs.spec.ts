// A visitor whose browser asks for Turkish is shown Nida in Turkish. The campaign, written in
// English and Arabic only, is shown in English, marked as English and said to be so in Turkish;
// the visitor signs, gets the confirmation e-mail in Turkish, confirms and is counted. The words
// come from the Turkish catalogue itself, so the test follows its wording.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createTranslator } from "next-intl";
import { isolate } from "../../lib/i18n/isolate";
import { campaignPath, confirmPath, newSigner, seedCampaigns, signFromOwnAddress, waitForEmail } from "./helpers";
import { expectNoAxeViolations } from "./organiser-helpers";

// The "ICC" seed campaign, whose count no journey asserts exactly.
const campaign = seedCampaigns.icc;
// The Turkish catalogue as the server merges it (lib/i18n/messages/tr/index.ts), read as files.
const folder = join(import.meta.dirname, "../../lib/i18n/messages/tr");
const messages = Object.assign({}, ...readdirSync(folder).filter((file) => file.endsWith(".json")).map((file) => JSON.parse(readFileSync(join(folder, file), "utf8")) as object));
const translator = (namespace: string) => createTranslator({ locale: "tr", messages, namespace });
const layout = translator("Layout");
const page_ = translator("Campaign");
const form = translator("SignForm");
const signed = translator("Signed");
const confirm = translator("Confirm");
const emails = translator("Emails");

test.use({ locale: "tr-TR", extraHTTPHeaders: { "Accept-Language": "tr-TR,tr;q=0.9,en;q=0.5" } });

test("a Turkish visitor reads Nida in Turkish, signs a campaign shown in English, and confirms by a Turkish e-mail", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/tr$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "tr");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  // Arabic is one click away in the header, and every other language in the footer.
  await expect(page.getByRole("link", { name: layout("switchLanguageLabel") })).toHaveAttribute("href", "/ar");
  const others = page.getByRole("navigation", { name: layout("otherLanguages") });
  await expect(others.getByRole("link")).toHaveText(["English", "العربية", "Kurmancî", "Français", "Deutsch"]);

  await page.goto(campaignPath(campaign.slug, "tr"));
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText(campaign.titleEn);
  await expect(title).toHaveAttribute("lang", "en");
  await expect(page.getByText(page_("writtenIn", { language: "İngilizce" }))).toBeVisible();
  await expect(page.getByRole("heading", { name: page_("signHeading") })).toBeVisible();

  // An empty form is refused in Turkish.
  await signFromOwnAddress(page);
  await page.getByRole("button", { name: form("submit") }).click();
  await expect(page.locator("#sign-errors")).toContainText(form("errors.nameRequired"));

  const signer = newSigner({ name: "Zeynep Kaya", country: "TR" });
  await page.getByLabel(form("name")).fill(signer.name);
  await page.getByLabel(form("email"), { exact: true }).fill(signer.email);
  await page.getByLabel(form("country")).selectOption(signer.country);
  await page.getByRole("button", { name: form("submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/tr/campaigns/${campaign.slug}/signed$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(signed("heading"));
  await expectNoAxeViolations(page);

  // The e-mail is in Turkish; the campaign's title in it is the English one it has.
  const subject = emails("confirm.subject", { title: isolate(campaign.titleEn) });
  const mail = await waitForEmail(signer.email, subject);
  expect(mail.subject).toBe(subject);
  expect(mail.html).toMatch(/<html[^>]*\blang="tr"/);
  expect(mail.text).toContain(emails("confirm.button"));

  await page.goto(confirmPath(mail));
  expect(confirmPath(mail)).toMatch(/^\/tr\/confirm\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(confirm("heading"));
  await page.getByRole("button", { name: confirm("button") }).click();
  await expect(page).toHaveURL(new RegExp(`/tr/campaigns/${campaign.slug}/thanks$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(translator("Thanks")("counted.heading"));
});
