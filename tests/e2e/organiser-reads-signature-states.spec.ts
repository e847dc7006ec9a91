// The dashboard, a campaign's overview and its signatures page name each signature state, and the
// campaign's status, with the same words, in English and in Arabic; and the dashboard's figures
// are the overview's.
import { expect, test } from "@playwright/test";
import { discoverOrganisationA, e2eOrganisations, e2eOrganisers, signedInContext } from "./organiser-helpers";

const { owner } = e2eOrganisers;

for (const locale of ["en", "ar"] as const) {
  test(`the dashboard and a campaign's overview use one word for each state (${locale})`, async ({ browser, baseURL }) => {
    const { context, page } = await signedInContext(browser, baseURL!, owner.email);
    const { campaignId } = await discoverOrganisationA(page);

    await page.goto(`/${locale}/organiser`);
    const table = page.getByRole("region", { name: e2eOrganisations.a, exact: true }).getByRole("table");
    // Campaign, status, then one column per state.
    const dashboardStates = (await table.getByRole("columnheader").allTextContents()).slice(2);
    const row = table.locator(`tr:has(a[href$="/campaigns/${campaignId}"])`);
    const dashboardStatus = await row.locator(".status").textContent();
    const dashboardFigures = (await row.locator("td.numeric").allTextContents()).map((text) => text.trim());

    await page.goto(`/${locale}/organiser/campaigns/${campaignId}`);
    const overviewStates = await page.locator(".stat-grid dt").allTextContents();
    const overviewFigures = (await page.locator(".stat-grid dd").allTextContents()).map((text) => text.trim());
    expect(dashboardStates).toEqual(overviewStates);
    expect(dashboardFigures).toEqual(overviewFigures);
    await expect(page.locator(".overview-header .status")).toHaveText(dashboardStatus!);

    await page.goto(`/${locale}/organiser/campaigns/${campaignId}/signatures`);
    const filterStates = (await page.locator("#filter-state option").allTextContents()).slice(1);
    expect([...filterStates].sort()).toEqual([...overviewStates].sort());
    await context.close();
  });
}
