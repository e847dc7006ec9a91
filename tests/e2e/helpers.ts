// Shared steps for the end-to-end journeys. Each project ("pglite", "postgres") has its own server
// and database, but both send their mail to one Resend capture: always filter by a unique address.
import { randomUUID } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { fetchCaptured, waitForCapturedMessage, type Captured } from "../fixtures/resend-capture";
import type { Locale } from "../../lib/i18n/locales";

// The five seed campaigns (prisma/seed-data.ts). A spec that asserts how a count moves owns one
// of them, so that no other spec signs it while it runs: counts only move on confirmation, and
// only that spec confirms signatures on its campaign.
export const seedCampaigns = {
  // sign-and-confirm.spec.ts
  protectCivilians: { slug: "protect-civilians-northwest-syria", titleEn: "Stop the attacks and protect civilians in northwest Syria" },
  // sign-twice.spec.ts
  ceasefire: { slug: "ceasefire-idlib-now", titleEn: "Ceasefire in Idlib now" },
  // sign-without-javascript.spec.ts
  endAttacks: { slug: "end-attacks-on-civilians-idlib", titleEn: "End the attacks on civilians in Idlib and western Aleppo" },
  // invalid-input.spec.ts (asserts the count does not move)
  monitoring: { slug: "protect-idlib-civilians-monitoring", titleEn: "Protect civilians in Idlib: monitor the de-escalation agreements" },
  // accessibility.spec.ts (signs and confirms, asserts no count)
  icc: { slug: "refer-syria-to-the-icc", titleEn: "Refer Syria to the International Criminal Court" },
} as const;

/**
 * The seed campaign a spec owns. Its tests run one after another, so that the count moves only by
 * what the test before confirmed.
 */
export function ownSeedCampaign<Key extends keyof typeof seedCampaigns>(key: Key): (typeof seedCampaigns)[Key] {
  test.describe.configure({ mode: "default" });
  return seedCampaigns[key];
}

export const mailTimeoutMs = 20_000;

export function captureUrl(): string {
  const url = process.env.E2E_CAPTURE_URL;
  if (!url) throw new Error("E2E_CAPTURE_URL is not set: run the journeys through `npm run test:e2e`");
  return url;
}

/** A short id unique to this test and project, with no dots or plus signs. */
export function uniqueTag(): string {
  return `${test.info().project.name}-${randomUUID().slice(0, 13)}`;
}

/** A recipient no other test (in this project or the other one) will use. */
export function uniqueEmail(prefix = "e2e"): string {
  return `${prefix}.${test.info().project.name}.${randomUUID()}@example.org`;
}

export function campaignPath(slug: string, locale: Locale = "en"): string {
  return `/${locale}/campaigns/${slug}`;
}

/** The count as the campaign page shows it, e.g. "1,234" → 1234. With JavaScript, once the page
 * has fetched the live count (the page itself is kept for a few seconds; its count keeps itself
 * current); without, as the server rendered it (again after every confirmation). */
export async function readCount(page: Page, slug: string): Promise<number> {
  await page.goto(campaignPath(slug));
  // Next's inline scripts define self.__next_f when scripts run at all.
  const scripted = await page.evaluate(() => "__next_f" in self).catch(() => false);
  if (scripted) await expect(page.locator(".progress[data-live=live]")).toHaveCount(1);
  return shownCount(page);
}

/** The count shown by the (single) progress meter on the current page. */
export async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId("signature-count").textContent()) ?? "";
  const digits = text.replace(/[^0-9]/g, "");
  expect(digits, `signature count "${text}"`).not.toBe("");
  return Number(digits);
}

export type Signer = { name: string; email: string; country: string };

export function newSigner(overrides: Partial<Signer> = {}): Signer {
  return { name: "Layla Haddad", email: uniqueEmail(), country: "GB", ...overrides };
}

/** An address in 10.0.0.0/8 no other sign in this run shares, for X-Forwarded-For. */
export function uniqueClientIp(): string {
  const bytes = randomUUID().replace(/-/g, "").slice(0, 6);
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

/**
 * Each signer comes from an address of their own, as people do: the servers trust X-Forwarded-For
 * (scripts/test.ts), so the per-address rate limits never hold up one journey's signers because
 * another journey signed the same campaign from this machine a moment before.
 */
export async function signFromOwnAddress(page: Page): Promise<void> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueClientIp() });
}

/** Fills the sign form on the current campaign page and submits it, from an address of its own
 * unless `clientIp` names the one to share (X-Forwarded-For). */
export async function submitSignForm(page: Page, signer: Partial<Signer>, options: { clientIp?: string } = {}): Promise<void> {
  if (options.clientIp) await page.setExtraHTTPHeaders({ "x-forwarded-for": options.clientIp });
  else await signFromOwnAddress(page);
  if (signer.name !== undefined) await page.getByLabel("Full name").fill(signer.name);
  if (signer.email !== undefined) await page.getByLabel("E-mail address").fill(signer.email);
  if (signer.country !== undefined) await page.getByLabel("Country where you live").selectOption(signer.country);
  await page.getByRole("button", { name: "Sign the petition" }).click();
}

/** The sign form's error summary (Next's route announcer is another role="alert"). */
export function errorSummary(page: Page): Locator {
  return page.locator("#sign-errors");
}

/** The page shown after a successful sign, whether or not the address signed before. */
export async function expectCheckYourEmail(page: Page, slug: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/en/campaigns/${slug}/signed$`));
  await expect(page).toHaveTitle(/^Check your e-mail/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("One more step: confirm your signature");
}

/** Opens the campaign page, signs, and waits for "Check your e-mail". */
export async function sign(page: Page, slug: string, signer: Signer): Promise<void> {
  await page.goto(campaignPath(slug));
  await submitSignForm(page, signer);
  await expectCheckYourEmail(page, slug);
}

/** The first e-mail to `email` whose subject contains `subject` (any captured so far counts). */
export function waitForEmail(email: string, subject: string): Promise<Captured> {
  return waitForCapturedMessage(captureUrl(), { to: email, subject }, { timeoutMs: mailTimeoutMs });
}

/** The first confirmation e-mail to `email`. */
export function waitForConfirmationEmail(email: string): Promise<Captured> {
  return waitForEmail(email, "Confirm your signature");
}

/** Every e-mail captured for `email` so far, oldest first. */
export function capturedFor(email: string): Promise<Captured[]> {
  return fetchCaptured(captureUrl(), { to: email });
}

/** The confirmation link's path (/en/confirm/<token>), read from the text part, else the html. */
export function confirmPath(mail: Captured): string {
  const pattern = /https?:\/\/[^\s"'<>]+\/[a-z]{2}\/confirm\/[A-Za-z0-9_-]{43}/;
  const found = pattern.exec(mail.text ?? "") ?? pattern.exec(mail.html ?? "");
  if (!found) throw new Error(`no confirmation link in the e-mail "${mail.subject}"`);
  return new URL(found[0]).pathname;
}

/** On the confirmation page: presses Confirm and lands on the thank-you page. */
export async function pressConfirm(page: Page, slug: string): Promise<void> {
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/campaigns/${slug}/thanks$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your signature is confirmed");
}

/** Follows the link in the confirmation e-mail to `email` and presses Confirm. */
export async function confirmFromEmail(page: Page, slug: string, email: string): Promise<void> {
  await page.goto(confirmPath(await waitForConfirmationEmail(email)));
  await pressConfirm(page, slug);
}
