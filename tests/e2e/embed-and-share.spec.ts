// A partner site frames a campaign and a reader signs inside the frame; another reader arrives
// from a shared WhatsApp link, a third from Telegram without JavaScript. The organiser sees where each confirmed signature came from, and
// copies the embed code from the campaign's overview.
import { expect, test, type Page } from "@playwright/test";
import { e2eOpenCampaigns } from "../fixtures/e2e-organisers";
import { campaignPath, confirmFromEmail, newSigner, submitSignForm } from "./helpers";
import { e2eOrganisations, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";
import { startPartnerSite } from "./reach-helpers";

// Nothing else signs this campaign (tests/fixtures/e2e-organisers.ts).
const campaign = e2eOpenCampaigns.embed;
test.describe.configure({ mode: "default" });

/** The confirmed count per channel on the organiser's overview of the campaign. */
async function channelCounts(page: Page): Promise<Record<string, number>> {
  const rows = page.locator("table.sources-table tbody tr");
  const counts: Record<string, number> = {};
  for (const row of await rows.all()) counts[(await row.getAttribute("data-channel"))!] = Number(((await row.locator("td").textContent()) ?? "").replace(/\D/g, ""));
  return counts;
}

async function openOverview(page: Page): Promise<void> {
  await page.goto("/en/organiser");
  const section = page.getByRole("region", { name: e2eOrganisations.a, exact: true });
  await section.getByRole("link", { name: campaign.titleEn }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.titleEn);
}

test("only the embed may be framed by another site", async ({ request }) => {
  const embed = await request.get(`/embed/en/${campaign.slug}`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  const page = await request.get(campaignPath(campaign.slug));
  expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(page.headers()["x-frame-options"]).toBe("DENY");
});

test("a reader signs inside the embed on a partner's site, another from a WhatsApp link, and the organiser sees both channels", async ({ page, browser, baseURL }) => {
  const { context: organiserContext, page: organiser } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  await openOverview(organiser);
  const before = await channelCounts(organiser);

  // The partner's page, on another origin, frames the campaign.
  const partner = await startPartnerSite(`${baseURL}/embed/en/${campaign.slug}`);
  try {
    await page.goto(partner.url);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(campaign.titleEn);
    await expect(frame.getByTestId("signature-count")).toBeVisible();
    await expect(frame.getByRole("progressbar")).toBeVisible();
    const inFrame = newSigner({ name: "Omar Khatib" });
    await frame.getByLabel("Full name").fill(inFrame.name);
    await frame.getByLabel("E-mail address").fill(inFrame.email);
    await frame.getByLabel("Country where you live").selectOption(inFrame.country);
    await frame.getByRole("button", { name: "Sign the petition" }).click();
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("One more step: confirm your signature");
    // Still the partner's page around it.
    await expect(page.getByRole("heading", { level: 1, name: "A partner's page" })).toBeVisible();
    await confirmFromEmail(page, campaign.slug, inFrame.email);
  } finally {
    await partner.close();
  }

  // A reader who followed a link shared on WhatsApp.
  const fromWhatsApp = newSigner({ name: "Rania Saleh" });
  await page.goto(`${campaignPath(campaign.slug)}?s=whatsapp`);
  await submitSignForm(page, fromWhatsApp);
  await expect(page).toHaveURL(new RegExp(`${campaignPath(campaign.slug)}/signed$`));
  await confirmFromEmail(page, campaign.slug, fromWhatsApp.email);

  // And one from a Telegram link, in a browser without JavaScript: the tag still arrives.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  const fromTelegram = newSigner({ name: "Yusuf Darwish" });
  await plain.goto(`${campaignPath(campaign.slug)}?s=telegram`);
  await submitSignForm(plain, fromTelegram);
  await expect(plain).toHaveURL(new RegExp(`${campaignPath(campaign.slug)}/signed$`));
  await confirmFromEmail(plain, campaign.slug, fromTelegram.email);
  await noScript.close();

  await openOverview(organiser);
  await expect(organiser.getByRole("heading", { name: "Where signers came from" })).toBeVisible();
  const after = await channelCounts(organiser);
  expect(after.embed ?? 0).toBe((before.embed ?? 0) + 1);
  expect(after.whatsapp ?? 0).toBe((before.whatsapp ?? 0) + 1);
  expect(after.telegram ?? 0).toBe((before.telegram ?? 0) + 1);
  await expect(organiser.getByRole("row", { name: /WhatsApp/ })).toBeVisible();
  await expect(organiser.getByRole("row", { name: /Embedded on another site/ })).toBeVisible();

  // The embed code, ready to copy, in both languages.
  await expect(organiser.getByRole("textbox", { name: "Embed code in English" })).toHaveValue(new RegExp(`<iframe src="${baseURL}/embed/en/${campaign.slug}"`));
  await expect(organiser.getByRole("textbox", { name: "Embed code in Arabic" })).toHaveValue(new RegExp(`<iframe src="${baseURL}/embed/ar/${campaign.slug}"`));
  await expectNoAxeViolations(organiser);
  await organiserContext.close();
});

test("a reader signs inside the embed without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/embed/ar/${campaign.slug}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  const signer = newSigner({ name: "سلمى يوسف" });
  await page.getByLabel("الاسم الكامل").fill(signer.name);
  await page.getByLabel("البريد الإلكتروني", { exact: true }).fill(signer.email);
  await page.getByLabel("بلد الإقامة").selectOption("TR");
  await page.getByRole("button", { name: "وقّع العريضة" }).click();
  await expect(page).toHaveURL(new RegExp(`/embed/ar/${campaign.slug}/signed$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("خطوة أخيرة: أكّد توقيعك");
  await context.close();
});

for (const locale of ["en", "ar"] as const) {
  test(`reads the embed in ${locale} without accessibility barriers`, async ({ page }) => {
    await page.goto(`/embed/${locale}/${campaign.slug}`);
    await expect(page.locator("form.sign-form")).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
