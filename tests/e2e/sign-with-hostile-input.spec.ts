// Hostile and odd input sent to the real sign form (the server action a browser without
// JavaScript posts to), and signers who share one address. Nothing here is confirmed, so no
// campaign's count moves.
import fc from "fast-check";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { signPayload } from "../fixtures/sign-payloads";
import { campaignPath, capturedFor, expectCheckYourEmail, newSigner, seedCampaigns, submitSignForm, uniqueClientIp, uniqueEmail, waitForConfirmationEmail } from "./helpers";

const campaign = seedCampaigns.icc;
const marker = "nida-fuzz";

// The sign form's fields as a browser without JavaScript sends them, hidden ones included.
async function harvestSignForm(browser: Browser, baseURL: string): Promise<{ action: string; fields: [string, string][] }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(campaignPath(campaign.slug));
  const form = await page.locator("form.sign-form").evaluate((element: HTMLFormElement) => ({
    action: element.action,
    fields: Array.from(element.elements)
      .filter((field): field is HTMLInputElement => field instanceof HTMLInputElement && field.type === "hidden" && Boolean(field.name))
      .map((field) => [field.name, field.value] as [string, string]),
  }));
  await context.close();
  return form;
}

function text(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

async function post(request: APIRequestContext, baseURL: string, form: { action: string; fields: [string, string][] }, payload: Record<string, unknown>) {
  const body = new FormData();
  for (const [name, value] of form.fields) body.append(name, value);
  for (const [name, value] of Object.entries(payload)) {
    const asText = text(value);
    if (asText !== undefined) body.append(name, asText.replaceAll("alert(1)", `alert("${marker}")`));
  }
  return request.post(form.action || campaignPath(campaign.slug), {
    multipart: body,
    headers: { Origin: new URL(baseURL).origin, "X-Forwarded-For": uniqueClientIp() },
    maxRedirects: 0,
  });
}

test("hostile input to the sign form never makes the server fail and comes back as inert text", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(180_000);
  const form = await harvestSignForm(browser, baseURL!);
  const request = await playwright.request.newContext({ baseURL });
  const samples = fc.sample(signPayload, { numRuns: 150, seed: 20261121 });
  let refused = 0;
  let accepted = 0;
  for (const payload of samples) {
    const response = await post(request, baseURL!, form, payload);
    expect(response.status(), JSON.stringify(payload).slice(0, 300)).toBeLessThan(500);
    if (response.status() === 303) {
      accepted++;
      expect(response.headers().location ?? "").toMatch(new RegExp(`/campaigns/${campaign.slug}/signed$`));
      continue;
    }
    refused++;
    const html = await response.text();
    // The page that explains what to fix echoes the values, escaped.
    expect(html).not.toContain(`<script>alert("${marker}")`);
    expect(html).not.toContain(`<img src=x onerror=alert("${marker}")>`);
    expect(html).not.toContain(`<svg/onload=alert("${marker}")>`);
  }
  expect(accepted).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
  await request.dispose();
});

test("two people signing from one shared address within a minute both see the same page and both get the e-mail", async ({ page }) => {
  const shared = uniqueClientIp();
  const first = newSigner();
  const second = newSigner({ name: "Rania Saleh" });
  for (const signer of [first, second]) {
    await page.goto(campaignPath(campaign.slug));
    // Both from the one address (the helper picks a fresh one; this replaces it).
    await page.setExtraHTTPHeaders({ "x-forwarded-for": shared });
    await page.getByLabel("Full name").fill(signer.name);
    await page.getByLabel("E-mail address").fill(signer.email);
    await page.getByLabel("Country where you live").selectOption(signer.country);
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expectCheckYourEmail(page, campaign.slug);
  }
  const mails = [await waitForConfirmationEmail(first.email), await waitForConfirmationEmail(second.email)];
  expect(mails.map((mail) => mail.subject)).toEqual([mails[0]!.subject, mails[0]!.subject]);
});

test("an address at a throwaway-mailbox service is refused with a clear message on the e-mail field", async ({ page }) => {
  const email = `someone.${uniqueEmail().split("@")[0]}@mailinator.com`;
  await page.goto(campaignPath(campaign.slug));
  await submitSignForm(page, { name: "Layla Haddad", email, country: "GB" });
  await expect(page.locator("#email-error")).toHaveText("Use a permanent e-mail address: addresses from throwaway-mailbox services are not accepted");
  await expect(page.locator("#email")).toHaveAttribute("aria-invalid", "true");
  expect(await capturedFor(email)).toEqual([]);
});

test("in Arabic, the same refusal is in Arabic", async ({ page }) => {
  await page.goto(campaignPath(campaign.slug, "ar"));
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
  await page.locator("#name").fill("ليلى حداد");
  await page.locator("#email").fill(`someone.${Date.now()}@mailinator.com`);
  await page.locator("#country").selectOption("SY");
  await page.locator("form.sign-form button[type=submit]").click();
  await expect(page.locator("#email-error")).toHaveText("استخدم عنوان بريد إلكتروني دائمًا: لا تُقبل العناوين من خدمات البريد المؤقت");
});
