// The Arabic interface has no English left in it: an organiser walks through every page of the
// organiser area reachable from their dashboard, and a reader through the public pages beside
// the signing path (tested in arabic-visitor-signs.spec.ts).
import { expect, test } from "@playwright/test";
import { e2eOrganisations, e2eOrganisers, signIn } from "./organiser-helpers";
import { latinWordsShown } from "./reach-helpers";

// Test data shown as it was entered: the organisations' names have no Arabic form.
const testNames = Object.values(e2eOrganisations).flatMap((name) => name.split(/[^A-Za-z]+/)).filter(Boolean);
// Proper names from the seed data, stored in Latin letters only (authors of source statements).
const properNames = ["Muhammad", "Najem"];
// Names of formats and systems that Arabic technical writing keeps in Latin letters, each next
// to an Arabic explanation ("بالتوقيت العالمي المنسَّق (UTC)", "بصمة IP", "رمز بلد من حرفين مثل SY",
// "صورة PNG أو JPEG أو WebP").
// "ملف PDF", "رمز QR", and the name of the webhook specification and of the languages its libraries exist for.
const technicalNames = ["UTC", "CSV", "HTML", "Markdown", "IP", "Gmail", "SY", "PNG", "JPEG", "WebP", "SVG", "PDF", "QR", "Standard", "Webhooks", "JavaScript", "Python", "Go", "PHP", "Ruby", "Java"];

test("every page of the organiser area reads in Arabic", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({ baseURL, locale: "ar-SY" });
  const page = await context.newPage();
  await signIn(page, e2eOrganisers.owner.email, "ar");

  const seen = new Set<string>();
  const queue = ["/ar/organiser"];
  const problems: Record<string, string[]> = {};
  while (queue.length > 0 && seen.size < 40) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    // Open every disclosure, so that what it hides is read too.
    // (Each one opened leaves the list, so the first closed one is taken each time.)
    const closed = page.locator("details:not([open]) > summary");
    for (let left = await closed.count(); left > 0; left--) await closed.first().click();
    const words = (await latinWordsShown(page)).filter((word) => ![...testNames, ...properNames, ...technicalNames].includes(word));
    if (words.length > 0) problems[path] = [...new Set(words)];
    const links = await page.locator('a[href^="/ar/organiser"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")!));
    for (const href of links) {
      const url = new URL(href, "http://x");
      // One page per route is enough: drop query strings that only filter, keep ones that name an organisation.
      const kept = url.searchParams.get("organisation");
      const next = kept ? `${url.pathname}?organisation=${kept}` : url.pathname;
      if (!seen.has(next) && !/sign-out|\/export$/.test(url.pathname)) queue.push(next);
    }
  }
  expect(seen.size).toBeGreaterThan(5);
  expect(problems).toEqual({});
  await context.close();
});

test("the public pages beside the signing path read in Arabic", async ({ page }) => {
  await page.goto("/ar/statements/najem-snhr-report-northwest-syria-2023");
  const statement = await latinWordsShown(page);
  expect(statement.filter((word) => !properNames.includes(word))).toEqual([]);

  const missing = await page.goto("/ar/campaigns/no-such-campaign");
  expect(missing?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  expect(await latinWordsShown(page)).toEqual([]);
});
