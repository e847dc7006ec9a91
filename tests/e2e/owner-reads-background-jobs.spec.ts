// An owner opens the background jobs page from the organiser menu and reads, in English and in
// Arabic, each periodic job and each delivery queue; the page fits a phone's screen.
import { expect, test } from "@playwright/test";
import { e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

test("an owner reads how the background jobs stand, in English and in Arabic", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "Background jobs" }).click();
    await expect(page).toHaveURL(/\/en\/organiser\/jobs$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Background jobs");
    const periodic = page.getByRole("table", { name: /Periodic jobs/ });
    for (const name of ["Digests to decision-makers", "Trending check", "Recount of signature counts", "Clean-up of rate-limit counters", "Anonymisation of closed campaigns"]) {
      await expect(periodic.getByRole("rowheader", { name, exact: true })).toBeVisible();
    }
    // The server started its scheduler: the digest job has run (or is running) this period.
    await expect(periodic.locator("tr[data-job=digests] [data-last-run]")).toContainText(/finished|still running/);
    const queues = page.getByRole("table", { name: /Delivery queues/ });
    await expect(queues.getByRole("rowheader", { name: /E-mails/ })).toBeVisible();
    await expect(queues.getByRole("rowheader", { name: /Webhook deliveries/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: test.info().outputPath("jobs-en.png"), fullPage: true });

    await page.goto("/ar/organiser/jobs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("المهام الخلفية");
    await expect(page.getByRole("table", { name: /المهام الدورية/ }).getByRole("rowheader", { name: "الموجزات إلى صانعي القرار" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: test.info().outputPath("jobs-ar.png"), fullPage: true });
  } finally {
    await context.close();
  }
});
