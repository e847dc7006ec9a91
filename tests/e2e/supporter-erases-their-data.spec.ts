import { expect, request as playwrightRequest, test } from "@playwright/test";
import type { Captured } from "../fixtures/resend-capture";
import { newSigner, seedCampaigns, sign, waitForConfirmationEmail } from "./helpers";

// Signs without confirming: this journey moves no count on the campaign it uses.
const campaign = seedCampaigns.monitoring;

test.use({ locale: "en-GB" });

function linkIn(mail: Captured, kind: "unsubscribe" | "erase"): string {
  const pattern = new RegExp(`https?://[^\\s"'<>]+/(?:en|ar)/${kind}/[A-Za-z0-9_-]{43}`);
  const found = pattern.exec(mail.text ?? "") ?? pattern.exec(mail.html ?? "");
  if (!found) throw new Error(`no ${kind} link in "${mail.subject}"`);
  return new URL(found[0]).pathname;
}

test("a supporter unsubscribes in one click from their mail program, then erases their data", async ({ page, baseURL }) => {
  const signer = newSigner({ name: "Rania Erasable" });
  await sign(page, campaign.slug, signer);
  const mail = await waitForConfirmationEmail(signer.email);

  // RFC 8058: the mail carries a one-click address that the mail provider POSTs to.
  const listUnsubscribe = mail.headers["List-Unsubscribe"] ?? "";
  expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = /^<(https?:\/\/[^>]+\/api\/unsubscribe\/[A-Za-z0-9_-]{43})>$/.exec(listUnsubscribe)?.[1];
  expect(oneClick, listUnsubscribe).toBeTruthy();

  // The provider's POST: from elsewhere, no cookie, no Origin. Twice: a retry changes nothing.
  const provider = await playwrightRequest.newContext();
  for (let attempt = 0; attempt < 2; attempt++) {
    const response = await provider.post(new URL(new URL(oneClick!).pathname, baseURL).toString(), {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      data: "List-Unsubscribe=One-Click",
    });
    expect(response.status()).toBe(200);
  }
  await provider.dispose();

  await page.goto(linkIn(mail, "unsubscribe"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You will not hear from them");

  // The erase link: opening it (as a mail scanner would) erases nothing; the button does.
  const erasePath = linkIn(mail, "erase");
  const scanned = await page.request.get(erasePath);
  expect(scanned.status()).toBe(200);
  await page.goto(erasePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erase your data");
  await expect(page.getByText("Your signature will still be counted")).toBeVisible();
  await page.getByRole("button", { name: "Erase my data now" }).click();
  await expect(page).toHaveURL(/\/en\/erase\/done$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your data has been erased");

  // The link is gone with the data.
  await page.goto(erasePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
  await page.goto(linkIn(mail, "unsubscribe"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link does not work");
});

test("the privacy page says what happens to a signer's data, in both languages, and the footer links to it", async ({ page }) => {
  await page.goto(`/en/campaigns/${campaign.slug}`);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy" }).click();
  await expect(page).toHaveURL(/\/en\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How Nida protects signers");
  await expect(page.getByRole("heading", { name: "Erasing your data" })).toBeVisible();
  await page.goto("/ar/privacy");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("كيف يحمي نداء الموقّعين");
  // The sign form's opt-in to be listed is unticked by default and links here too.
  await page.goto(`/en/campaigns/${campaign.slug}`);
  await expect(page.getByLabel("Show my first name and country in the list of recent signers")).not.toBeChecked();
  await expect(page.locator(".sign-form").getByRole("link", { name: "How we protect your data" })).toHaveAttribute("href", "/en/privacy");
});
