// The whole organiser journey of issue 3, in one test: an owner invites a new organiser, who signs
// in from the invitation e-mail, writes a bilingual campaign with two demands and publishes it; a
// signer signs and confirms; the organiser sees the count and the chart, invalidates the signature
// by its e-mail domain and restores it, then downloads the CSV, which the test parses.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { isolate } from "../../lib/i18n/isolate";
import { campaignPath, confirmPath, expectCheckYourEmail, readCount, submitSignForm, uniqueTag, waitForConfirmationEmail, waitForEmail } from "./helpers";
import { continueLink, discoverOrganisationA, e2eOrganisations, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

// The export's contract (lib/exports/csv.ts): these columns, in this order, named in the
// exporter's language (here English), or by these fixed names with header=machine.
const csvColumns = ["name", "email", "country", "postcode", "comment", "signed_at", "confirmed_at", "language", "channel"];
const csvHeader = ["Name", "E-mail", "Country", "Postcode", "Comment", "Signed (UTC)", "Confirmed (UTC)", "Language", "Channel"];
const isoUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The campaign id in the editor's address, /en/organiser/campaigns/<id>/edit. */
function campaignIdOf(page: Page): string {
  const id = /\/organiser\/campaigns\/([^/?#]+)\/edit/.exec(page.url())?.[1];
  if (!id) throw new Error(`not on an editor page: ${page.url()}`);
  return decodeURIComponent(id);
}

/** A new browser context of this project with no session, and a page in it. */
async function anonymousPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

/** The count on the public page, once it has become `expected`. */
async function expectPublicCount(page: Page, slug: string, expected: number): Promise<void> {
  await expect.poll(() => readCount(page, slug), { message: `public count of ${slug}` }).toBe(expected);
}

/** Runs a bulk action on the signatures page: fill, preview, check the preview, confirm. */
async function bulkByDomain(page: Page, campaignId: string, action: "invalidate" | "restore", domain: string, axe = false): Promise<void> {
  await page.goto(`/en/organiser/campaigns/${campaignId}/signatures`);
  const bulk = page.getByRole("region", { name: "Act on many signatures at once" });
  await bulk.getByLabel(action === "invalidate" ? "Invalidate: take them out of the count" : "Restore: undo an invalidation").check();
  await bulk.getByLabel("Match signatures by").selectOption("emailDomain");
  await bulk.getByLabel("Value to match").fill(domain);
  await bulk.getByRole("button", { name: "Preview" }).click();

  await expect(page).toHaveURL(/bulkPreview=1/);
  await expect(page.getByTestId("bulk-preview-summary")).toHaveText(
    action === "invalidate" ? "This will invalidate 1 signature: 1 confirmed." : "This will restore 1 signature: 1 to confirmed (in the count).",
  );
  await expect(page.locator("#bulk-preview")).toContainText(action === "invalidate" ? "The public count will go down by 1." : "The public count will go up by 1.");
  if (axe) await expectNoAxeViolations(page);

  await page.getByRole("button", { name: action === "invalidate" ? "Invalidate 1 signature" : "Restore 1 signature" }).click();
  await expect(page.getByTestId("moderation-result")).toHaveText(
    action === "invalidate" ? "Invalidated 1 signature: 1 confirmed." : "Restored 1 signature: 1 to confirmed (in the count).",
  );
  await expect(page.locator("#moderation-result")).toContainText(action === "invalidate" ? "The public count went down by 1." : "The public count went up by 1.");
}

test("an invited organiser publishes a bilingual campaign, moderates its signature and exports it as CSV", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const tag = uniqueTag();
  const organiserEmail = `org-${randomUUID()}@e2e.example.org`;

  // 1. The owner of Organisation A invites a new organiser.
  const owner = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  const { organisationId } = await discoverOrganisationA(owner.page);
  await owner.page.goto(`/en/organiser/members?organisation=${encodeURIComponent(organisationId)}`);
  await expect(owner.page.getByRole("heading", { level: 1 })).toHaveText(`Members of ${e2eOrganisations.a}`);
  await owner.page.getByLabel("E-mail address").fill(organiserEmail);
  await owner.page.getByLabel("Organiser: runs campaigns, moderates and exports signatures").check();
  await owner.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(owner.page.getByRole("status").filter({ hasText: "Invitation sent" })).toHaveText(`Invitation sent to ${organiserEmail}.`);
  await owner.context.close();

  // 2. The new organiser signs in from the invitation, in a browser of their own.
  const invitation = await waitForEmail(organiserEmail, `You are invited to join ${isolate(e2eOrganisations.a)} on Nida`);
  const link = continueLink(invitation);
  expect(link, "the sign-in link of the invitation").not.toBeNull();
  const organiserContext = await browser.newContext({ baseURL });
  const page = await organiserContext.newPage();
  await page.goto(link!);
  await expect(page.locator("main")).toContainText(`Press the button to sign in as ${organiserEmail}.`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/en\/organiser$/);
  await expect(page.getByRole("region", { name: e2eOrganisations.a, exact: true })).toContainText("Your role: Organiser");

  // 3. A bilingual campaign with two demands of different kinds, a goal ladder and a closing date
  // a year away; created as a draft, then published.
  const titleEn = `Open the schools of Idlib ${tag}`;
  const titleAr = "افتحوا مدارس إدلب";
  const demands = [
    { kind: "HUMANITARIAN_ACCESS", en: "Let teachers and books reach every school", ar: "اسمحوا بوصول المعلمين والكتب إلى كل مدرسة" },
    { kind: "PROTECTION_OF_CIVILIANS", en: "Stop the shelling of schools", ar: "أوقفوا قصف المدارس" },
  ];
  const closesAt = new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.goto("/en/organiser/campaigns/new");
  await expect(page.locator(".lede")).toContainText(`The campaign will belong to ${e2eOrganisations.a}.`);
  await page.getByLabel("Title (English)").fill(titleEn);
  // Translations are folded until opened; the Arabic one is written here.
  await page.getByText("Arabic: not translated yet").click();
  await page.getByLabel("Title (Arabic)").fill(titleAr);
  await page.getByLabel("Summary (English)").fill("Children in Idlib have had no school for years.");
  await page.getByLabel("Summary (Arabic)").fill("لم يذهب أطفال إدلب إلى المدرسة منذ سنوات.");
  await page.getByLabel("Goal ladder").fill("10, 100, 1000");
  await page.getByLabel("Closing date (optional)").fill(closesAt);
  for (const [index, demand] of demands.entries()) {
    const row = page.getByRole("group", { name: `New demand (row ${index + 1})` });
    await row.getByLabel("Kind of demand").selectOption(demand.kind);
    await row.getByLabel("Demand (English)").fill(demand.en);
    await row.getByText("Translations of this demand (0 of 5)").click();
    await row.getByLabel("Demand (Arabic)").fill(demand.ar);
  }
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/en\/organiser\/campaigns\/[^/]+\/edit\?done=created$/);
  const campaignId = campaignIdOf(page);
  const address = (await page.locator(".editor-facts code").textContent()) ?? "";
  const slug = /^\/en\/campaigns\/([a-z0-9-]+)$/.exec(address)?.[1];
  expect(slug, `the campaign's address (${address})`).toBeDefined();
  for (const [index, demand] of demands.entries()) {
    const saved = page.getByRole("group", { name: `Demand ${index + 1}`, exact: true });
    await expect(saved.getByLabel("Kind of demand")).toHaveValue(demand.kind);
    await expect(saved.getByLabel("Demand (Arabic)")).toHaveValue(demand.ar);
  }
  await page.getByRole("button", { name: "Publish campaign" }).click();
  await expect(page).toHaveURL(/done=published$/);

  // The public pages, in English and in Arabic (right to left), seen by someone signed out.
  const signer = await anonymousPage(browser, baseURL!);
  await signer.goto(campaignPath(slug!));
  await expect(signer.getByRole("heading", { level: 1 })).toHaveText(titleEn);
  for (const demand of demands) await expect(signer.locator(".demands")).toContainText(demand.en);
  await expect(signer.getByTestId("signature-count")).toHaveText("0");
  await signer.goto(campaignPath(slug!, "ar"));
  await expect(signer.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(signer.getByRole("heading", { level: 1 })).toHaveText(titleAr);
  await expect(signer.getByRole("heading", { level: 1 })).not.toHaveAttribute("dir", "ltr");
  for (const demand of demands) await expect(signer.locator(".demands")).toContainText(demand.ar);

  // 4. A signer from a domain no one else uses. A name that looks like a formula is refused by the
  // sign form, so the formula-looking cell of the export is the comment.
  const domain = `${randomUUID()}.example.org`;
  const signerEmail = `signer@${domain}`;
  const signerName = `Layla Haddad, ليلى حداد`;
  const formula = `=HYPERLINK("x","y")`;
  await signer.goto(campaignPath(slug!));
  await submitSignForm(signer, { name: formula, email: signerEmail, country: "SY" });
  await expect(signer.locator("#name-error")).toHaveText("Name must not start with =, +, - or @");
  await signer.getByLabel("Full name").fill(signerName);
  await signer.getByLabel("Why are you signing? (optional)").fill(formula);
  await signer.getByLabel("Keep me informed about this campaign by e-mail from the organisations behind it").check();
  await signer.getByRole("button", { name: "Sign the petition" }).click();
  await expectCheckYourEmail(signer, slug!);
  await expect.poll(() => readCount(signer, slug!)).toBe(0);
  await signer.goto(confirmPath(await waitForConfirmationEmail(signerEmail)));
  await signer.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(signer).toHaveURL(new RegExp(`/en/campaigns/${slug}/thanks$`));
  await expectPublicCount(signer, slug!, 1);

  // 5. The overview: the confirmed total and the chart of signatures per day.
  await page.goto(`/en/organiser/campaigns/${campaignId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(titleEn);
  await expect(page.getByTestId("total-confirmed")).toHaveText("1");
  await expect(page.getByTestId("total-pending")).toHaveText("0");
  const chart = page.getByRole("img", { name: /^Bar chart of confirmed signatures per day over the last 30 days: 1 in all/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveJSProperty("tagName", "svg");
  await expect(page.locator("table.country-table tbody tr")).toHaveText([/^Syria\s*1\s*100%$/]);
  await expectNoAxeViolations(page);

  // 6. Moderation by e-mail domain: invalidate (the public count falls to 0), then restore.
  await bulkByDomain(page, campaignId, "invalidate", domain, true);
  await expect(page.getByRole("row").filter({ hasText: signerName })).toContainText("Invalidated");
  await expectNoAxeViolations(page);
  await expectPublicCount(signer, slug!, 0);
  await bulkByDomain(page, campaignId, "restore", domain);
  await expectPublicCount(signer, slug!, 1);
  await page.goto(`/en/organiser/campaigns/${campaignId}`);
  await expect(page.getByTestId("total-confirmed")).toHaveText("1");
  await expect(page.getByTestId("total-invalidated")).toHaveText("0");

  // 7. The export, downloaded through the page (its script fetches the route and saves the file).
  await page.goto(`/en/organiser/campaigns/${campaignId}/export`);
  await expect(page.getByText("1 confirmed signature so far.")).toBeVisible();
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-signatures-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  await expect(page.locator(".export-status-done")).toContainText("Done: 1");
  const bytes = await readFile(await download.path());

  // The same bytes straight from the route, which the page's session cookie opens.
  const direct = await page.request.get(`/api/organiser/campaigns/${campaignId}/export`);
  expect(direct.status()).toBe(200);
  expect(direct.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(direct.headers()["content-disposition"]).toContain(`filename="${download.suggestedFilename()}"`);
  expect(direct.headers()["x-expected-rows"]).toBe("1");
  expect(direct.headers()["cache-control"]).toContain("no-store");
  expect(Buffer.compare(await direct.body(), bytes), "the downloaded file and the route's response differ").toBe(0);

  expect([...bytes.subarray(0, 3)], "UTF-8 byte order mark").toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3));
  expect(text.startsWith(`${csvHeader.join(",")}\r\n`), "the header row, ending in CRLF").toBe(true);
  const records = parse(text, { relax_column_count: false }) as string[][];
  expect(records[0]).toEqual(csvHeader);
  expect(records, "the header and exactly one signature").toHaveLength(2);
  const row = Object.fromEntries(csvColumns.map((column, index) => [column, records[1]![index]])) as Record<string, string>;
  expect(row).toMatchObject({ name: signerName, email: signerEmail, country: "SY", postcode: "", language: "en" });
  expect(row.comment, "the formula-looking comment, neutralised").toBe(`'${formula}`);
  expect(row.comment!.startsWith("=")).toBe(false);
  expect(row.signed_at).toMatch(isoUtc);
  expect(row.confirmed_at).toMatch(isoUtc);
  expect(Date.parse(row.confirmed_at!)).toBeGreaterThanOrEqual(Date.parse(row.signed_at!));

  // The fixed names, for tools that read the file, whatever the exporter's language.
  const machine = await page.request.get(`/api/organiser/campaigns/${campaignId}/export?locale=ar&header=machine`);
  expect((await machine.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(csvColumns.join(","));

  // Only the signers who consented to hear from Organisation A: the same row.
  const consented = await page.request.get(`/api/organiser/campaigns/${campaignId}/export?consented=on`);
  expect(Buffer.compare(await consented.body(), bytes)).toBe(0);

  await signer.context().close();
  await organiserContext.close();
});
