// An organisation writes and publishes a campaign in Arabic only, from the Arabic interface: no
// English anywhere. A visitor whose browser asks for Turkish reads it in the Turkish interface,
// the Arabic text marked as Arabic and said to be so, signs with a name mixing Arabic and Latin,
// confirms from a Turkish e-mail and is counted; the organiser's signatures table shows the name
// isolated, as written. The words come from the catalogues themselves.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createTranslator } from "next-intl";
import { slugFromTitle } from "../../lib/campaigns/editor/slug";
import { isolate } from "../../lib/i18n/isolate";
import { languageName, type Locale } from "../../lib/i18n/locales";
import { campaignPath, confirmPath, signFromOwnAddress, uniqueEmail, uniqueTag, waitForEmail } from "./helpers";
import { e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

// A catalogue as the server merges it (lib/i18n/messages/<code>/index.ts), read as files.
function translatorFor(locale: Locale) {
  const folder = join(import.meta.dirname, "../../lib/i18n/messages", locale);
  const messages = Object.assign({}, ...readdirSync(folder).filter((file) => file.endsWith(".json")).map((file) => JSON.parse(readFileSync(join(folder, file), "utf8")) as object));
  return (namespace: string) => createTranslator({ locale, messages, namespace });
}
const arabic = translatorFor("ar");
const turkish = translatorFor("tr");
const editor = arabic("CampaignEditor");
const moderation = arabic("Moderation");

const latinLetters = /[A-Za-z]/;

async function expectFitsThePhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${page.url()}`).toBeLessThanOrEqual(390);
}

test("an Arabic-only campaign is published, read in Turkish, signed with a mixed name and confirmed from a Turkish e-mail", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  // A title of its own in each run: the tag is in Arabic-Indic digits, so the text stays Arabic.
  const tag = uniqueTag().replace(/[^0-9]/g, "").slice(0, 6).replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
  const title = `مياه نظيفة لمخيمات أطمة ${tag}`;
  const summary = "تحتاج العائلات في مخيمات أطمة إلى مياه نظيفة كل يوم.";
  const demand = "اسمحوا بدخول صهاريج المياه إلى المخيمات دون عوائق.";

  // 1. The organiser writes it in the Arabic interface, where a new campaign is written in Arabic.
  const { context, page } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  await page.goto("/ar/organiser/campaigns/new");
  await expect(page.getByLabel(editor("fields.primaryLocale"))).toHaveValue("ar");
  const inArabic = languageName("ar", "ar");
  await page.getByLabel(editor("fields.title", { language: inArabic })).fill(title);
  await expect(page.getByLabel(editor("fields.title", { language: inArabic }))).toHaveAttribute("dir", "rtl");
  await page.getByLabel(editor("fields.summary", { language: inArabic })).fill(summary);
  const row = page.getByRole("group", { name: editor("demand.legendNew", { number: 1 }) });
  await row.getByLabel(editor("demand.kind")).selectOption("HUMANITARIAN_ACCESS");
  await row.getByLabel(editor("demand.text", { language: inArabic })).fill(demand);
  // Every translation is folded and marked as not written.
  await expect(page.getByText(editor("languages.missing", { language: languageName("ar", "en") }))).toBeVisible();
  await page.getByRole("button", { name: editor("actions.create") }).click();
  await expect(page).toHaveURL(/\/ar\/organiser\/campaigns\/[^/]+\/edit\?done=created$/);
  const campaignId = decodeURIComponent(/\/organiser\/campaigns\/([^/?#]+)\/edit/.exec(page.url())![1]!);
  const slug = (await page.locator(".editor-facts code").textContent())!.replace(/^\/ar\/campaigns\//, "");
  // The address is the Arabic title in Latin letters (a number after it if another run took it).
  expect(slug).toMatch(new RegExp(`^${slugFromTitle(title)}(-\\d+)?$`));
  // It is previewed in the one language it is written in.
  await expect(page.getByRole("navigation", { name: editor("previewLinks") }).getByRole("link")).toHaveText([editor("overview"), editor("previewIn", { language: inArabic })]);
  await page.getByRole("button", { name: editor("status.publish") }).click();
  await expect(page).toHaveURL(/done=published$/);

  // 2. The Arabic page: the campaign as written, no Latin letter in its texts, nothing wider than the phone.
  const reader = await browser.newContext({ baseURL, locale: "ar", viewport: { width: 390, height: 844 } });
  const arabicPage = await reader.newPage();
  await arabicPage.goto(campaignPath(slug, "ar"));
  const heading = arabicPage.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(title);
  await expect(heading).not.toHaveAttribute("lang", /.+/);
  for (const text of [await heading.textContent(), await arabicPage.locator(".lede").textContent(), await arabicPage.locator(".demands").textContent()]) {
    expect(text).not.toMatch(latinLetters);
  }
  await expectFitsThePhone(arabicPage);

  // 3. A Turkish visitor: the Turkish interface, the Arabic text marked as Arabic, and a note.
  const visitor = await browser.newContext({ baseURL, locale: "tr-TR", extraHTTPHeaders: { "Accept-Language": "tr-TR,tr;q=0.9" }, viewport: { width: 390, height: 844 } });
  const turkishPage = await visitor.newPage();
  await turkishPage.goto(campaignPath(slug, "tr"));
  await expect(turkishPage.locator("html")).toHaveAttribute("lang", "tr");
  const shown = turkishPage.getByRole("heading", { level: 1 });
  await expect(shown).toHaveText(title);
  await expect(shown).toHaveAttribute("lang", "ar");
  await expect(shown).toHaveAttribute("dir", "rtl");
  await expect(turkishPage.locator(".demands .demand-text")).toHaveAttribute("lang", "ar");
  await expect(turkishPage.getByText(turkish("Campaign")("writtenIn", { language: languageName("tr", "ar") }))).toBeVisible();
  await expectFitsThePhone(turkishPage);
  await expectNoAxeViolations(turkishPage);

  // 4. The visitor signs with a name that mixes Arabic and Latin, quotes and a comma.
  const form = turkish("SignForm");
  const name = `نور "الهدى", Ali`;
  const email = uniqueEmail("arabic-only");
  await signFromOwnAddress(turkishPage);
  await turkishPage.getByLabel(form("name")).fill(name);
  await turkishPage.getByLabel(form("email"), { exact: true }).fill(email);
  await turkishPage.getByLabel(form("country")).selectOption("TR");
  await turkishPage.getByRole("button", { name: form("submit") }).click();
  await expect(turkishPage).toHaveURL(new RegExp(`/tr/campaigns/${slug}/signed$`));

  // 5. The e-mail is in Turkish and names the campaign by its Arabic title.
  const emails = turkish("Emails");
  const mail = await waitForEmail(email, title);
  expect(mail.subject).toBe(emails("confirm.subject", { title: isolate(title) }));
  expect(mail.html).toMatch(/<html[^>]*\blang="tr"/);
  expect(mail.text).toContain(emails("confirm.button"));
  await turkishPage.goto(confirmPath(mail));
  await turkishPage.getByRole("button", { name: turkish("Confirm")("button") }).click();
  await expect(turkishPage).toHaveURL(new RegExp(`/tr/campaigns/${slug}/thanks$`));
  await expect(turkishPage.getByRole("heading", { level: 1 })).toHaveText(turkish("Thanks")("counted.heading"));

  // 6. The organiser's table of signatures shows the name as written, isolated from the table's direction.
  await page.goto(`/ar/organiser/campaigns/${campaignId}/signatures`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(moderation("title"));
  const cell = page.locator("table bdi", { hasText: "Ali" });
  await expect(cell).toHaveCount(1);
  expect(await cell.textContent()).toBe(name);
  await context.close();
  await reader.close();
  await visitor.close();
});
