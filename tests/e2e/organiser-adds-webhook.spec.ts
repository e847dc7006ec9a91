// An owner adds a webhook endpoint for their organisation, copies the signing secret shown once,
// sends a test event to a receiving system (a local server on a free port, which checks the
// signature with that secret and the Standard Webhooks library), reads the delivery log, then
// disables and deletes the endpoint.
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startWebhookReceiver } from "../fixtures/webhook-receiver";
import { e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

test("an owner adds a webhook endpoint, tests it with the secret shown once, and removes it", async ({ browser, baseURL }) => {
  const receiver = await startWebhookReceiver();
  const { context, page } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  try {
    await page.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page).toHaveURL(/\/en\/organiser\/webhooks$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks of E2E Organisation A");

    // Nothing chosen and no address: both problems are named, per field.
    const form = page.getByRole("region", { name: "Add an endpoint" });
    for (const box of await form.getByRole("checkbox").all()) await box.uncheck();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByRole("alert")).toContainText("Enter the address to send events to");
    await expect(form.getByRole("alert")).toContainText("Choose at least one event");

    await form.getByLabel("Address (URL)").fill(receiver.url);
    await form.getByLabel("Signature confirmed: the campaign, the signer's country and the time").check();
    await form.getByLabel("Milestone reached: a campaign's count passed a goal").check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText(`The endpoint ${receiver.url} is added.`)).toBeVisible();
    const secret = (await page.locator("code.webhook-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    // Shown once: not on the page any more after a reload.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.content()).not.toContain(secret);
    const row = page.locator("li[data-endpoint]", { hasText: receiver.url });
    await expect(row).toContainText("Sends: signature confirmed, milestone reached");
    await expect(row).toContainText("Without personal data");
    await expect(row).toContainText("Signed as Standard Webhooks");

    await row.getByRole("button", { name: `Send a test event to ${receiver.url}` }).click();
    await expect(page.getByText(`The test event reached ${receiver.url}, which answered 200.`)).toBeVisible();
    const [request] = await receiver.waitFor(1);
    const headers = Object.fromEntries(Object.entries(request!.headers).map(([name, value]) => [name, String(value)]));
    expect(new Webhook(secret).verify(request!.body, headers)).toMatchObject({ event: "webhook.test", id: request!.headers["webhook-id"] });

    await page.reload();
    const logRow = page.locator("table.webhook-log tbody tr", { hasText: receiver.url });
    await expect(logRow).toHaveCount(1);
    await expect(logRow).toContainText("test event");
    await expect(logRow).toContainText("Delivered");
    await expect(logRow).toContainText("HTTP 200");
    await expectNoAxeViolations(page);

    await page.locator("li[data-endpoint]", { hasText: receiver.url }).getByRole("button", { name: `Disable ${receiver.url}` }).click();
    await expect(page.getByText(`${receiver.url} is disabled: nothing is sent to it until you enable it again.`)).toBeVisible();
    await expect(page.locator("li[data-endpoint]", { hasText: receiver.url })).toContainText("Disabled");
    await page.locator("li[data-endpoint]", { hasText: receiver.url }).getByRole("button", { name: `Delete ${receiver.url} and its delivery log` }).click();
    await expect(page.getByText(`${receiver.url} and its delivery log are deleted.`)).toBeVisible();
    await expect(page.locator("li[data-endpoint]", { hasText: receiver.url })).toHaveCount(0);

    // The same page in Arabic, right to left.
    await page.goto("/ar/organiser/webhooks");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^خطافات الويب لـ/);
    await expectNoAxeViolations(page);
  } finally {
    await context.close();
    await receiver.stop();
  }
});
