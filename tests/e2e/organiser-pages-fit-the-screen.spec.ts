// The organiser area on a laptop (1366 px) and a phone (390 px), in English and Arabic: the
// signatures table fits its column, or scrolls inside its own frame with the checkbox, the name
// and the state in view; an organiser sees the addresses the export would give them and no
// others; and the settings, webhook and editor fields look like every other field.
import { expect, test, type Page } from "@playwright/test";
import { campaignPath, expectCheckYourEmail, signFromOwnAddress, uniqueTag } from "./helpers";
import { createDraftCampaign, discoverOrganisationA, e2eOrganisers, signedInContext } from "./organiser-helpers";

const { owner } = e2eOrganisers;

async function signAs(page: Page, slug: string, signer: { name: string; email: string; consent: boolean }): Promise<void> {
  await page.goto(campaignPath(slug));
  await signFromOwnAddress(page);
  await page.getByLabel("Full name").fill(signer.name);
  await page.getByLabel("E-mail address").fill(signer.email);
  await page.getByLabel("Country where you live").selectOption("SY");
  if (signer.consent) await page.getByLabel("Keep me informed about this campaign by e-mail from the organisations behind it").check();
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expectCheckYourEmail(page, slug);
}

type Box = { left: number; right: number };

/** Where the page's column, the table's frame, the table and its first three header cells are. */
function measure(page: Page) {
  return page.evaluate(() => {
    const box = (element: Element | null): Box => {
      const rect = element!.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    };
    const main = document.querySelector("main")!;
    const style = getComputedStyle(main);
    const outer = main.getBoundingClientRect();
    const headers = [...document.querySelectorAll(".signatures-table thead th")].slice(0, 3).map(box);
    return {
      column: { left: outer.left + parseFloat(style.paddingLeft), right: outer.right - parseFloat(style.paddingRight) },
      frame: box(document.querySelector(".moderation-results .table-scroll")),
      table: box(document.querySelector(".signatures-table")),
      headers,
      pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}

const within = (inner: Box, outer: Box) => inner.left >= outer.left - 1 && inner.right <= outer.right + 1;

test("the signatures table fits a laptop's column and keeps the name and state in view on a phone, with unconsented addresses masked", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const campaign = await createDraftCampaign(page, `Keep the water stations of Idlib running ${uniqueTag()}`);
  await page.goto(`/en/organiser/campaigns/${campaign.id}`);
  await page.getByRole("button", { name: "Publish campaign" }).click();
  await expect(page).toHaveURL(/done=published$/);

  const tag = uniqueTag();
  const consenting = { name: "Maximilian Alexander von Habsburg-Lothringen", email: `a.rather.long.address.${tag}@subdomain.example-organisation.org`, consent: true };
  const notConsenting = { name: "محمد عبد الرحمن الأحمد الحلبي", email: `another.long.address.${tag}@mail.example-organisation.org`, consent: false };
  const signerPage = await (await browser.newContext({ baseURL })).newPage();
  for (const signer of [consenting, notConsenting]) await signAs(signerPage, campaign.slug, signer);
  await signerPage.context().close();

  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const locale of ["en", "ar"] as const) {
      await page.goto(`/${locale}/organiser/campaigns/${campaign.id}/signatures`);
      await expect(page.locator(".signatures-table tbody tr")).toHaveCount(2);
      const at = await measure(page);
      const where = `${locale} at ${width} px: ${JSON.stringify(at)}`;
      expect(at.pageOverflow, where).toBeLessThanOrEqual(0);
      expect(within(at.frame, at.column), where).toBe(true);
      // The checkbox, the name and the state come first, and are in view without scrolling.
      for (const header of at.headers) expect(within(header, at.frame), where).toBe(true);
      // On a laptop the whole table fits: nothing hides beyond the frame's edge.
      if (width === 1366) expect(within(at.table, at.frame), where).toBe(true);
    }
  }

  // The export's rule: the consenting signer's address in full, the other's masked.
  const rows = page.locator(".signatures-table tbody tr");
  await expect(rows.filter({ hasText: consenting.name }).locator(".signer-email")).toHaveText(consenting.email);
  await expect(rows.filter({ hasText: notConsenting.name }).locator(".signer-email")).toHaveText("a•••@mail.example-organisation.org");
  await context.close();
});

test("settings, webhook and editor fields look like the rest of the organiser area", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const { organisationId, campaignId } = await discoverOrganisationA(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  for (const path of [`/en/organiser/settings?organisation=${organisationId}`, `/ar/organiser/webhooks?organisation=${organisationId}`, `/en/organiser/campaigns/${campaignId}/edit`]) {
    await page.goto(path);
    const looks = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const controls = [...document.querySelectorAll("main input:not([type=hidden], [type=checkbox], [type=radio]), main select, main textarea")].filter((element) => (element as HTMLElement).offsetParent !== null);
      return controls.map((element) => {
        const style = getComputedStyle(element);
        return {
          control: `${element.tagName.toLowerCase()}#${element.id}`,
          border: `${style.borderTopWidth} ${style.borderTopStyle}`,
          sameFont: style.fontFamily === body.fontFamily && style.fontSize === body.fontSize,
        };
      });
    });
    expect(looks.length, path).toBeGreaterThan(0);
    for (const look of looks) expect(look, path).toEqual({ control: look.control, border: "2px solid", sameFont: true });
  }
  await context.close();
});
