// A signer shares on Mastodon by naming their own server. Only a server's name is taken, and the
// page says which server they are about to go to before anything leaves Nida: with JavaScript
// and without, in English and in Arabic.
import { expect, test, type Page } from "@playwright/test";
import { campaignPath, seedCampaigns } from "./helpers";
import { expectNoAxeViolations } from "./organiser-helpers";

// The thanks page only reads the campaign: no count moves here.
const campaign = seedCampaigns.protectCivilians;

const english = {
  yes: "Yes, I will share it",
  field: "Mastodon: your server",
  button: "Share on Mastodon",
  required: "Enter the name of your Mastodon server, such as mastodon.social.",
  handle: "Enter only the server, without your user name: for @layla@mastodon.social, that is mastodon.social.",
  address: "Enter only the server’s name, such as mastodon.social: without https://, a port, or anything after a slash.",
  invalid: "This is not the name of a public server. A server’s name looks like mastodon.social.",
  going: (host: string) => `You are about to leave Nida for ${host}, your Mastodon server, to write the post there.`,
  continue: (host: string) => `Continue to ${host}`,
};

const arabic = {
  yes: "نعم، سأشاركها",
  field: "ماستودون: خادمك",
  button: "المشاركة على ماستودون",
  handle: "أدخل اسم الخادم وحده من دون اسم المستخدم: في الحساب ‎@layla@mastodon.social‎ اسم الخادم هو mastodon.social.",
  address: "أدخل اسم الخادم وحده، مثل mastodon.social: من دون ‎https://‎ ولا رقم منفذ ولا أي شيء بعد الشرطة المائلة.",
  invalid: "هذا ليس اسم خادم عام. اسم الخادم يشبه mastodon.social.",
  going: (host: string) => `ستغادر نداء الآن إلى ${host}، خادم ماستودون الذي يوجد عليه حسابك، لتكتب المنشور هناك.`,
  continue: (host: string) => `المتابعة إلى ${host}`,
};

// Values crafted to send a reader somewhere else than the server they think they named.
const crafted = [
  { value: "mastodon.social@evil.example.org", error: "handle" },
  { value: "https://evil.example.org/@layla", error: "address" },
  { value: "evil.example.org/@x", error: "address" },
  { value: "mastodon.social:8443", error: "address" },
  { value: "127.0.0.1", error: "invalid" },
  { value: "printer.local", error: "invalid" },
] as const;

async function openShareChoices(page: Page, locale: "en" | "ar", yes: string) {
  await page.goto(`${campaignPath(campaign.slug, locale)}/thanks`);
  await page.getByText(yes).click();
}

async function nameServer(page: Page, texts: typeof english | typeof arabic, value: string) {
  await page.getByRole("textbox", { name: texts.field }).fill(value);
  await page.getByRole("button", { name: texts.button }).click();
}

function continueLink(page: Page) {
  return page.locator(".share-mastodon-going a");
}

test("refuses a crafted server name with a clear error, and names the server before sending the reader there", async ({ page, context }) => {
  await openShareChoices(page, "en", english.yes);
  const field = page.getByRole("textbox", { name: english.field });
  for (const { value, error } of [...crafted, { value: "", error: "required" as const }]) {
    await nameServer(page, english, value);
    await expect(page.locator("#mastodon-error"), value).toHaveText(english[error]);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(continueLink(page)).toHaveCount(0);
  }
  await expectNoAxeViolations(page);

  await nameServer(page, english, " Mastodon.Social ");
  await expect(page.locator("#mastodon-error")).toHaveCount(0);
  await expect(page.locator(".share-mastodon-going")).toContainText(english.going("mastodon.social"));
  const go = page.getByRole("link", { name: english.continue("mastodon.social") });
  await expect(go).toHaveAttribute("href", /^https:\/\/mastodon\.social\/share\?text=/);
  await expect(go).toHaveAttribute("target", "_blank");
  // Nothing was opened: the reader is still here, on Nida's page.
  expect(context.pages()).toHaveLength(1);
  expect(new URL(page.url()).pathname).toBe(`${campaignPath(campaign.slug)}/thanks`);
  await expectNoAxeViolations(page);

  // Changing the name takes the answer away until it is checked again.
  await field.fill("social.coop");
  await expect(continueLink(page)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page checks the name and says where the reader is going, in Arabic", async ({ page }) => {
    await openShareChoices(page, "ar", arabic.yes);
    for (const { value, error } of crafted.slice(0, 3)) {
      await nameServer(page, arabic, value);
      await expect(page).toHaveURL(/\/ar\/campaigns\/[^/]+\/thanks\?instance=/);
      await expect(page.locator("#mastodon-error"), value).toHaveText(arabic[error]);
      await expect(page.getByRole("textbox", { name: arabic.field })).toHaveValue(value);
      await expect(continueLink(page)).toHaveCount(0);
    }

    await nameServer(page, arabic, "mastodon.social");
    await expect(page.locator(".share-mastodon-going")).toContainText(arabic.going("mastodon.social"));
    await expect(page.getByRole("link", { name: arabic.continue("mastodon.social") })).toHaveAttribute("href", /^https:\/\/mastodon\.social\/share\?text=/);
  });

  test("a link crafted with someone else's server name is answered with the error, not a redirect", async ({ page }) => {
    const response = await page.goto(`${campaignPath(campaign.slug)}/thanks?instance=${encodeURIComponent("mastodon.social@evil.example.org")}`);
    expect(response!.status()).toBe(200);
    expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
    await expect(page.locator("#mastodon-error")).toHaveText(english.handle);
    await expect(continueLink(page)).toHaveCount(0);
  });
});
