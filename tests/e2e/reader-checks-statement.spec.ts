// A reader checks a campaign's quotes against the statement they come from: the statement page
// shows its full text as published, marked with its language, by every one of its authors, in
// English and in Arabic; and no link the organisers have not entered.
import { expect, test } from "@playwright/test";
import { seedCampaigns } from "./helpers";
import { expectNoAxeViolations } from "./organiser-helpers";
import { latinWordsShown } from "./reach-helpers";

// A phone's width: the statement's long lines must wrap within it.
test.use({ viewport: { width: 390, height: 844 } });

const joint = "c4ssa-setf-joint-statement-2023";
const authors = {
  en: ["Citizens for a Secure and Safe America (C4SSA)", "Syrian Emergency Task Force (SETF)"],
  ar: ["مواطنون من أجل أمريكا آمنة ومأمونة (C4SSA)", "المنظمة السورية للطوارئ (SETF)"],
};

test("every quote on a campaign page is found in the full text of the statement it is attributed to", async ({ page }) => {
  await page.goto(`/en/campaigns/${seedCampaigns.ceasefire.slug}`);
  const quotes = await page.locator("figure.quote blockquote").allInnerTexts();
  expect(quotes.length).toBeGreaterThanOrEqual(4);
  // The quotes name both authors of the joint statement, and so does the source section.
  for (const caption of await page.locator("figure.quote figcaption").allInnerTexts()) {
    for (const name of authors.en) expect(caption).toContain(name);
  }
  const source = page.getByRole("region", { name: "Where these demands come from" });
  await expect(source).toContainText(`a joint public statement by ${authors.en[0]} and ${authors.en[1]}`);

  await source.getByRole("link", { name: /Read about the statement/ }).click();
  await expect(page).toHaveURL(new RegExp(`/en/statements/${joint}$`));
  const text = page.getByTestId("statement-text");
  await expect(text).toHaveAttribute("lang", "en");
  await expect(text).toHaveAttribute("dir", "ltr");
  const published = await text.innerText();
  for (const quote of quotes) expect(published.replace(/\s+/g, " ")).toContain(quote.trim().replace(/\s+/g, " ").replace(/\.$/, ""));
  // The whole statement, to its press contacts, which are shown as published and never a link.
  await expect(text).toContainText("URGENT JOINT STATEMENT");
  await expect(text).toContainText("For press inquiries, please contact:");
  await expect(text.locator("a")).toHaveCount(0);
  // The only address the page links is a publishing organisation's public contact, on its card.
  await expect(page.locator(':is(a[href^="mailto:"], a[href^="tel:"]):not(.organisation-card a)')).toHaveCount(0);
  await expect(page.locator('meta[name="format-detection"]')).toHaveAttribute("content", /telephone=no/);

  await expect(page.getByTestId("statement-authors")).toHaveText(`${authors.en[0]} and ${authors.en[1]}`);
  await expect(page.getByRole("region", { name: "The statement as published" })).toContainText(`A joint statement by ${authors.en[0]} and ${authors.en[1]}, published 10 October 2023, in English.`);
  // The seed carries no address of the statement, so the page offers none (a publisher's card
  // links the publisher's own website).
  await expect(page.getByText("No link has been entered yet.")).toBeVisible();
  await expect(page.locator('article a[href^="http"]:not(.organisation-card a)')).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the statement page in Arabic names every author in Arabic and keeps the English text left to right", async ({ page }) => {
  await page.goto(`/ar/statements/${joint}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("statement-authors")).toHaveText(`${authors.ar[0]} و${authors.ar[1]}`);
  const text = page.getByTestId("statement-text");
  await expect(text).toHaveAttribute("lang", "en");
  await expect(text).toHaveAttribute("dir", "ltr");
  await expect(text).toContainText("Humanitarian organizations must be granted unfettered access");
  await expect(page.getByText("نص البيان كما نُشر", { exact: true })).toBeVisible();
  // Outside the statement's own text, nothing but the authors' acronyms is in Latin letters.
  expect((await latinWordsShown(page)).filter((word) => !["C", "SSA", "SETF"].includes(word))).toEqual([]);
  // The text wraps within a phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));
  await expectNoAxeViolations(page);

  await page.goto(`/ar/campaigns/${seedCampaigns.ceasefire.slug}`);
  const source = page.getByRole("region", { name: "من أين جاءت هذه المطالب" });
  await expect(source).toContainText(`بيان علني مشترك صادر عن ${authors.ar[0]} و${authors.ar[1]}`);
  for (const caption of await page.locator("figure.quote figcaption").allInnerTexts()) {
    for (const name of authors.ar) expect(caption).toContain(name);
  }
});
