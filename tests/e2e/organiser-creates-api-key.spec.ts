// An owner creates an API key for their organisation's CRM, copies the key shown once, sees a tool
// read the signer feed with it, then revokes it and sees the tool refused.
import { expect, test } from "@playwright/test";
import { e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

test("an owner creates an API key shown once, a tool reads with it, and the owner revokes it", async ({ browser, baseURL, request }) => {
  const { context, page } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  const name = `CRM sync ${Date.now()}`;
  try {
    await page.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "API keys" }).click();
    await expect(page).toHaveURL(/\/en\/organiser\/api-keys$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API keys of E2E Organisation A");

    const form = page.getByRole("region", { name: "Create a key" });
    await form.getByRole("button", { name: "Create key" }).click();
    await expect(form.getByRole("alert")).toContainText("Enter a name for the key");

    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Read: signers who agreed to hear from you").check();
    await form.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText(`The key ${name} is created.`)).toBeVisible();
    const key = (await page.locator("code[data-api-key]").textContent())?.trim() ?? "";
    expect(key).toMatch(/^nida_[A-Za-z0-9_-]{43}$/);
    await page.setViewportSize({ width: 390, height: 900 });
    await page.screenshot({ path: test.info().outputPath("api-key-created-en.png"), fullPage: true });

    const feed = await request.get("/api/v1/signer-events", { headers: { Authorization: `Bearer ${key}` } });
    expect(feed.status()).toBe(200);
    expect(await feed.json()).toMatchObject({ data: expect.any(Array), hasMore: false });

    // Shown once: not on the page any more after a reload; the row names it by its first characters.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.content()).not.toContain(key);
    const row = page.locator("li[data-api-key-row]", { hasText: name });
    await expect(row).toContainText(key.slice(0, 12));
    await expect(row).toContainText("last used");
    await expectNoAxeViolations(page);

    await row.getByRole("button", { name: `Revoke the key ${name}` }).click();
    await expect(page.getByText(`The key ${name} is revoked: requests made with it are refused from now on.`)).toBeVisible();
    const refused = await request.get("/api/v1/signer-events", { headers: { Authorization: `Bearer ${key}` } });
    expect(refused.status()).toBe(401);

    await page.goto("/ar/organiser/api-keys");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^مفاتيح الواجهة البرمجية لـ/);
    await expect(page.locator("li[data-api-key-row]", { hasText: name })).toContainText("أُلغي في");
    await page.screenshot({ path: test.info().outputPath("api-keys-ar.png"), fullPage: true });
    await expectNoAxeViolations(page);
  } finally {
    await context.close();
  }
});
