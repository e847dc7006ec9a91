// People who share one internet connection (a family router, a camp's satellite link, a mobile
// network's shared address) sign one campaign within a minute. Each is counted, or told plainly that
// their confirmed signature waits for the organisers; the count on the page agrees with what they
// are told.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eOpenCampaigns } from "../fixtures/e2e-organisers";
import { e2eOrganisers, signedInContext } from "./organiser-helpers";
import { campaignPath, confirmPath, expectCheckYourEmail, newSigner, readCount, uniqueClientIp, waitForConfirmationEmail, type Signer } from "./helpers";

test.use({ locale: "en-GB" });
// Each test owns its campaign; its tests run one after another, so counts move only by what they confirm.
test.describe.configure({ mode: "default" });

const countsNow = (title: string) => `Your signature on “${title}” now counts.`;
const heldText = (title: string) => `Your signature on “${title}” is confirmed and will be counted once the organisers have checked a burst of signatures from your connection.`;

async function personOn(browser: Browser, baseURL: string, clientIp: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-GB", javaScriptEnabled });
  const page = await context.newPage();
  // The same connection for everyone in this test, as a proxy in front would report it.
  await page.setExtraHTTPHeaders({ "x-forwarded-for": clientIp });
  return page;
}

async function signAs(page: Page, slug: string, signer: Signer): Promise<void> {
  await page.goto(campaignPath(slug));
  await page.getByLabel("Full name").fill(signer.name);
  await page.getByLabel("E-mail address").fill(signer.email);
  await page.getByLabel("Country where you live").selectOption(signer.country);
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expectCheckYourEmail(page, slug);
}

async function confirmAs(page: Page, slug: string, signer: Signer): Promise<void> {
  await page.goto(confirmPath(await waitForConfirmationEmail(signer.email)));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/campaigns/${slug}/thanks$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your signature is confirmed");
}

test("Ahmad, then Huda, sign from one connection within a minute: both confirm, both are told it counts, and the count rises by two", async ({ browser, baseURL }) => {
  // Two people's whole journeys, one after the other.
  test.setTimeout(150_000);
  const campaign = e2eOpenCampaigns.sharedConnection;
  const connection = uniqueClientIp();
  const tag = randomUUID().slice(0, 6);
  const ahmad = newSigner({ name: `Ahmad ${tag}`, country: "SY" });
  const huda = newSigner({ name: `Huda ${tag}`, country: "SY" });
  const ahmadPage = await personOn(browser, baseURL!, connection);
  const hudaPage = await personOn(browser, baseURL!, connection);
  const before = await readCount(ahmadPage, campaign.slug);

  await signAs(ahmadPage, campaign.slug, ahmad);
  await signAs(hudaPage, campaign.slug, huda);
  await confirmAs(ahmadPage, campaign.slug, ahmad);
  await expect(ahmadPage.locator(".panel-success .lede")).toContainText(countsNow(campaign.titleEn));
  await confirmAs(hudaPage, campaign.slug, huda);
  await expect(hudaPage.locator(".panel-success .lede")).toContainText(countsNow(campaign.titleEn));

  expect(await readCount(hudaPage, campaign.slug)).toBe(before + 2);
});

test("on a campaign under attack, a signer whose browser proved its work counts; one without JavaScript is held and told so, until an organiser releases them", async ({ browser, baseURL }) => {
  // Two signers' journeys, then an organiser signing in by e-mail and moderating.
  test.setTimeout(240_000);
  const campaign = e2eOpenCampaigns.underAttack;
  const connection = uniqueClientIp();
  const tag = randomUUID().slice(0, 6);
  const khaled = newSigner({ name: `Khaled ${tag}`, country: "TR" });
  const fatima = newSigner({ name: `Fatima ${tag}`, country: "TR" });
  const khaledPage = await personOn(browser, baseURL!, connection);
  const fatimaPage = await personOn(browser, baseURL!, connection, false);
  const before = await readCount(khaledPage, campaign.slug);

  // With JavaScript the form computes the proof of work while the signer types, and sends it.
  await signAs(khaledPage, campaign.slug, khaled);
  await confirmAs(khaledPage, campaign.slug, khaled);
  await expect(khaledPage.locator(".panel-success .lede")).toContainText(countsNow(campaign.titleEn));
  expect(await readCount(khaledPage, campaign.slug)).toBe(before + 1);

  // Without it the signature is kept, mailed and confirmable, but held, and the page says so.
  await signAs(fatimaPage, campaign.slug, fatima);
  await confirmAs(fatimaPage, campaign.slug, fatima);
  const lede = fatimaPage.locator(".panel-success .lede");
  await expect(lede).toContainText(heldText(campaign.titleEn));
  await expect(lede).not.toContainText("now counts");
  expect(await readCount(khaledPage, campaign.slug)).toBe(before + 1);

  // An organiser finds her among the held signatures, with the reason, and releases her.
  const { page: organiser } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  await organiser.goto("/en/organiser");
  const campaignHref = await organiser.getByRole("link", { name: campaign.titleEn }).getAttribute("href");
  await organiser.goto(`${campaignHref}/signatures?state=HELD&text=${encodeURIComponent(fatima.name)}`);
  const row = organiser.getByRole("row", { name: new RegExp(fatima.name) });
  await expect(row).toContainText("Held for review");
  await expect(row).toContainText(/no proof of work/i);
  await organiser.getByLabel(`Select the signature of ${fatima.name}`).check();
  await organiser.getByRole("button", { name: "Restore or release selected" }).click();
  await expect(organiser.getByTestId("moderation-result")).toHaveText("Restored 1 signature: 1 to confirmed (in the count).");
  expect(await readCount(khaledPage, campaign.slug)).toBe(before + 2);

  // Back on her thank-you page, she is now told it counts.
  await fatimaPage.reload();
  await expect(lede).toContainText(countsNow(campaign.titleEn));
});
