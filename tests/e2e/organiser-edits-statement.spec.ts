// An organiser enters the link to where their organisation's joint statement was published: a
// link that is not a web address is refused with a message beside the field, a real one shows on
// the statement's public page with both of its authors, and the change is in the audit log. An
// organiser of another organisation is told the statement's editor does not exist.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eStatement } from "../fixtures/e2e-organisers";
import { discoverOrganisationA, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner, other } = e2eOrganisers;

test("an organiser enters the statement's link, which then shows on its public page", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const link = `https://www.example.org/statements/${randomUUID()}`;

  // Without JavaScript first, so that the server's own check answers a link that is not one.
  const plain = await signedInContext(browser, baseURL!, owner.email, { javaScriptEnabled: false });
  await plain.page.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "Source statements" }).click();
  await expect(plain.page.getByRole("heading", { level: 1 })).toHaveText("Source statements");
  const row = plain.page.getByRole("row", { name: new RegExp(e2eStatement.title) });
  await expect(row).toContainText(`${e2eStatement.authors[0].name} and ${e2eStatement.authors[1].name}`);
  await row.getByRole("link", { name: e2eStatement.title }).click();
  await expect(plain.page.getByRole("heading", { level: 1 })).toHaveText("Edit a source statement");
  const editor = new URL(plain.page.url()).pathname;
  await plain.page.getByLabel("Link to where it was published").fill("javascript:alert(document.cookie)");
  await plain.page.getByRole("button", { name: "Save the statement" }).click();
  await expect(plain.page.getByRole("alert").filter({ hasText: "Please correct the following" })).toContainText("Link to where it was published: Enter a web address starting with https:// or http://.");
  await expect(plain.page.locator("#statement-url-error")).toHaveText("Enter a web address starting with https:// or http://.");
  await plain.page.goto(`/en/statements/${e2eStatement.slug}`);
  await expect(plain.page.getByText("No link has been entered yet.")).toBeVisible();
  await expect(plain.page.locator('article a[href^="javascript:"]')).toHaveCount(0);
  await plain.context.close();

  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const { organisationId } = await discoverOrganisationA(page);
  await page.goto(editor);
  await expectNoAxeViolations(page);
  await page.getByLabel("Link to where it was published").fill(link);
  // Its title and summary in a language it lacks: folded until opened.
  const turkishTitle = `Bildiri ${link.slice(-6)}: İdlib'in hastaneleri`;
  await expect(page.getByLabel("Title (Turkish)")).toBeHidden();
  await page.getByText("In Turkish: not written yet").click();
  await page.getByLabel("Title (Turkish)").fill(turkishTitle);
  await page.getByLabel("Summary in your own words (Turkish)").fill("Hastanelerin korunması çağrısı.");
  await page.getByRole("button", { name: "Save the statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The statement has been saved." })).toBeVisible();
  await expect(page.getByLabel("Link to where it was published")).toHaveValue(link);
  await expect(page.getByLabel("Title (Turkish)")).toHaveValue(turkishTitle);
  await expect(page.getByLabel("Title (Turkish)")).toHaveAttribute("lang", "tr");

  await page.getByRole("link", { name: "Its public page" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/statements/${e2eStatement.slug}$`));
  await expect(page.getByRole("link", { name: link })).toHaveAttribute("href", link);
  await expect(page.getByText("No link has been entered yet.")).toHaveCount(0);
  await expect(page.getByTestId("statement-authors")).toHaveText(`${e2eStatement.authors[0].name} and ${e2eStatement.authors[1].name}`);
  await expect(page.getByTestId("statement-text")).toContainText("No hospital may be a target.");

  await page.goto(`/tr/statements/${e2eStatement.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(turkishTitle);
  await expect(page.getByText("Hastanelerin korunması çağrısı.")).toBeVisible();

  await page.goto(`/ar/statements/${e2eStatement.slug}`);
  await expect(page.getByRole("link", { name: link })).toHaveAttribute("href", link);
  await expect(page.getByTestId("statement-authors")).toHaveText(`${e2eStatement.authors[0].nameAr} و${e2eStatement.authors[1].nameAr}`);

  await page.goto(`/en/organiser/audit?organisation=${encodeURIComponent(organisationId)}`);
  await expect(page.getByRole("row", { name: new RegExp(`Source statement edited.*${e2eStatement.title}`) }).first()).toContainText("Changed: link, title and summary");
  await context.close();

  // Another organisation's organiser: the statement is not theirs, its editor does not exist for them.
  const outsider = await signedInContext(browser, baseURL!, other.email);
  const response = await outsider.page.goto(editor);
  expect(response?.status()).toBe(404);
  await outsider.page.goto("/en/organiser/statements");
  await expect(outsider.page.getByText(e2eStatement.title)).toHaveCount(0);
  await outsider.context.close();
});
