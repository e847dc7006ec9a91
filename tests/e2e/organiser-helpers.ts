// Steps of the organiser journeys: signing in through the real e-mail flow, and the organisers and
// draft campaigns scripts/test.ts creates before each server starts (tests/fixtures/e2e-organisers.ts).
import { randomUUID } from "node:crypto";
import { writeFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { e2eCampaigns, e2eOrganisations, e2eOrganisers } from "../fixtures/e2e-organisers";
import { fetchCaptured, type Captured } from "../fixtures/resend-capture";
import { captureUrl, mailTimeoutMs } from "./helpers";

export { e2eCampaigns, e2eOrganisations, e2eOrganisers };

export type Locale = "en" | "ar";

/** The continue-page link of a sign-in or invitation e-mail, read from the text part, else the html. */
export function continueLink(mail: Captured): string | null {
  const pattern = /https?:\/\/[^\s"'<>]+\/(?:en|ar)\/organiser\/sign-in\/continue\?callback=[^\s"'<>]+/;
  const found = pattern.exec(mail.text ?? "") ?? pattern.exec(mail.html ?? "");
  return found ? found[0].replaceAll("&amp;", "&") : null;
}

/** The sign-in link e-mailed to `email` whose link carries `marker`, once it has arrived. */
export async function waitForLinkWith(email: string, marker: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        const mails = await fetchCaptured(captureUrl(), { to: email });
        link = mails.map(continueLink).find((found) => found?.includes(marker)) ?? null;
        return link !== null;
      },
      { timeout: mailTimeoutMs, message: `a sign-in e-mail to ${email} whose link carries ${marker}` },
    )
    .toBe(true);
  return link!;
}

/** A unique page of the organiser area to come back to after signing in: it marks the e-mail's link. */
export function markedDestination(locale: Locale = "en"): { marker: string; path: string } {
  const marker = `signin-${randomUUID()}`;
  return { marker, path: `/${locale}/organiser?${marker}` };
}

/** Fills and sends the sign-in form of the current page. */
export async function requestSignInLink(page: Page, email: string, locale: Locale = "en"): Promise<void> {
  await page.getByLabel(locale === "ar" ? "عنوان البريد الإلكتروني" : "E-mail address").fill(email);
  await page.getByRole("button", { name: locale === "ar" ? "أرسل إليّ رابط الدخول" : "Send me a sign-in link" }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/organiser/sign-in/check-email$`));
}

/** Signs in through the real flow: the form, the captured e-mail, the continue page, its button. */
export async function signIn(page: Page, email: string, locale: Locale = "en"): Promise<void> {
  const { marker, path } = markedDestination(locale);
  await page.goto(`/${locale}/organiser/sign-in?next=${encodeURIComponent(path)}`);
  await requestSignInLink(page, email, locale);
  await page.goto(await waitForLinkWith(email, marker));
  await page.getByRole("button", { name: locale === "ar" ? "تسجيل الدخول" : "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/organiser\\?${marker}$`));
}

/** A fresh browser context of this project, signed in as `email`. */
export async function signedInContext(browser: Browser, baseURL: string, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

export type OrganisationA = { organisationId: string; campaignId: string };

/** Reads Organisation A's id and its draft campaign's id from its owner's dashboard. */
export async function discoverOrganisationA(ownerPage: Page): Promise<OrganisationA> {
  await ownerPage.goto("/en/organiser");
  const section = ownerPage.getByRole("region", { name: e2eOrganisations.a, exact: true });
  const campaignHref = await section.getByRole("link", { name: e2eCampaigns.a.titleEn }).getAttribute("href");
  const membersHref = await section.getByRole("link", { name: "Members", exact: true }).getAttribute("href");
  const campaignId = campaignHref?.match(/\/en\/organiser\/campaigns\/([^/?#]+)$/)?.[1];
  const organisationId = new URL(membersHref ?? "", "http://x").searchParams.get("organisation");
  if (!campaignId || !organisationId) throw new Error(`Organisation A not found on the owner's dashboard (${campaignHref}, ${membersHref})`);
  return { organisationId, campaignId: decodeURIComponent(campaignId) };
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation the page's metadata (its <title>) arrives with the rest of the
  // server's answer: check the page once it is all there.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const found = violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({ target: node.target.join(" "), summary: node.failureSummary })),
  }));
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

type DraftOptions = {
  summary?: string;
  // The first demand's kind and English text, or false for none.
  demand?: { kind: string; text: string } | false;
};

/** Writes a draft campaign in the editor, as an organiser would: an English title and summary, and one demand unless told otherwise. */
export async function createDraftCampaign(page: Page, title: string, options: DraftOptions = {}): Promise<{ id: string; slug: string }> {
  await page.goto("/en/organiser/campaigns/new");
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Summary (English)").fill(options.summary ?? "Hospitals in Idlib have been bombed again and again.");
  const demand = options.demand ?? { kind: "PROTECTION_OF_CIVILIANS", text: "Stop the attacks on hospitals" };
  if (demand) {
    const row = page.getByRole("group", { name: "New demand (row 1)" });
    await row.getByLabel("Kind of demand").selectOption(demand.kind);
    await row.getByLabel("Demand (English)").fill(demand.text);
  }
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/en\/organiser\/campaigns\/[^/]+\/edit\?done=created$/);
  const id = decodeURIComponent(/\/organiser\/campaigns\/([^/?#]+)\/edit/.exec(page.url())![1]!);
  const slug = (await page.locator(".editor-facts code").textContent())!.replace(/^\/en\/campaigns\//, "");
  return { id, slug };
}

/** A new campaign written in the editor and published from it. */
export async function createPublishedCampaign(page: Page, title: string, options: DraftOptions = {}): Promise<{ id: string; slug: string }> {
  const campaign = await createDraftCampaign(page, title, options);
  await page.getByRole("button", { name: "Publish campaign" }).click();
  await expect(page).toHaveURL(/done=published$/);
  return campaign;
}

export type ProfileEntry = { nameAr: string; description: string; descriptionAr: string; website: string; contactEmail: string; senderName: string };

/** Opens the profile of the signed-in owner's organisation from the organiser area's navigation; returns the organisation's id. */
export async function openOrganisationProfile(page: Page, organisationName: string): Promise<string> {
  await page.goto("/en/organiser");
  await page.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "Profile", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Profile of ${organisationName}`);
  await expect(page.getByLabel("Name in English")).toHaveValue(organisationName);
  return new URL(page.url()).searchParams.get("organisation") ?? "";
}

/** Fills in the open profile form in English and Arabic (its Arabic unfolded first when not yet written) and saves it. */
export async function fillOrganisationProfile(page: Page, entered: ProfileEntry): Promise<void> {
  const arabic = page.locator("details", { has: page.getByLabel("Name in Arabic") });
  if (!(await arabic.evaluate((details: HTMLDetailsElement) => details.open))) await arabic.locator("summary").click();
  await page.getByLabel("Name in Arabic").fill(entered.nameAr);
  await page.getByLabel("Short description in English").fill(entered.description);
  await page.getByLabel("Short description in Arabic").fill(entered.descriptionAr);
  await page.getByLabel("Website").fill(entered.website);
  await page.getByLabel("Public contact address").fill(entered.contactEmail);
  await page.getByLabel("Sender name for e-mails").fill(entered.senderName);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The profile has been saved." })).toBeVisible();
}

/** Uploads a small PNG made at `path` as the organisation's logo, from the open profile page. */
export async function uploadOrganisationLogo(page: Page, path: string): Promise<void> {
  await writeFile(
    path,
    await sharp({ create: { width: 120, height: 80, channels: 4, background: { r: 11, g: 93, b: 59, alpha: 1 } } })
      .composite([{ input: { create: { width: 40, height: 40, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 1 } } }, left: 40, top: 20 }])
      .png()
      .toBuffer(),
  );
  await page.getByLabel("Logo file").setInputFiles(path);
  await page.getByRole("button", { name: "Upload logo" }).click();
  await expect(page).toHaveURL(/[?&]logo=saved/);
  await expect(page.getByRole("status").filter({ hasText: "The logo has been saved." })).toBeVisible();
  await expect(page.getByRole("img", { name: "The current logo" })).toBeVisible();
}
