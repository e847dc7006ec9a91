import { expect, test, type Page } from "@playwright/test";
import { isolate } from "../../lib/i18n/isolate";
import { capturedFor, uniqueEmail, waitForEmail } from "./helpers";
import {
  e2eOrganisations,
  e2eOrganisers,
  expectNoAxeViolations,
  markedDestination,
  requestSignInLink,
  signIn,
  signedInContext,
  waitForLinkWith,
} from "./organiser-helpers";

const { owner, viewer, other } = e2eOrganisers;

// Whether the browser context of `page` is signed in, asked of the server without following redirects.
async function signedIn(page: Page): Promise<boolean> {
  const response = await page.request.get("/en/organiser", { maxRedirects: 0 });
  if (response.status() === 200) return true;
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/\/en\/organiser\/sign-in$/);
  return false;
}

test("an organiser signs in with the e-mailed link: opening it signs no one in, pressing Sign in does", async ({ page }) => {
  const { marker, path } = markedDestination();
  await page.goto(`/en/organiser/sign-in?next=${encodeURIComponent(path)}`);
  await expect(page).toHaveTitle(/^Sign in/);
  await expectNoAxeViolations(page);
  await requestSignInLink(page, owner.email.toUpperCase());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your e-mail");
  await expectNoAxeViolations(page);

  const link = await waitForLinkWith(owner.email, marker);
  // What a mail scanner does: fetch the link. Nothing happens.
  const scanned = await page.request.get(link);
  expect(scanned.status()).toBe(200);
  expect(await signedIn(page)).toBe(false);
  // A scanner that digs the callback out of the link and opens it is sent back to the continue
  // page, and spends nothing, whatever it says of itself (most say nothing).
  const callback = new URL(link).searchParams.get("callback")!;
  for (const headers of [{}, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-origin" }] as Record<string, string>[]) {
    const direct = await page.request.get(callback, { headers, maxRedirects: 0 });
    expect(direct.status()).toBe(303);
    expect(direct.headers().location).toContain("/en/organiser/sign-in/continue?callback=");
    expect(await signedIn(page)).toBe(false);
  }
  // Pressing the button from another site is refused: only Nida's own page signs in.
  const action = new URL(callback);
  const foreign = await page.request.post(`${action.pathname}${action.search}`, { headers: { origin: "https://elsewhere.example" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect(await signedIn(page)).toBe(false);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Nida");
  await expect(page.locator("main")).toContainText(`Press the button to sign in as ${owner.email}.`);
  await expectNoAxeViolations(page);
  expect(await signedIn(page)).toBe(false);

  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/en/organiser\\?${marker}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your campaigns");
  await expect(page.getByText(`Signed in as ${owner.email}`)).toBeVisible();
  await expect(page.getByRole("region", { name: e2eOrganisations.a, exact: true })).toContainText("Your role: Owner");
  await expectNoAxeViolations(page);
  expect(await signedIn(page)).toBe(true);

  // The organiser area is never cached.
  const response = await page.request.get("/en/organiser");
  expect(response.headers()["cache-control"]).toContain("no-store");

  // A link works once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This sign-in link cannot be used");
});

test("an address that is not a member sees the same page and is sent nothing", async ({ page }) => {
  const stranger = uniqueEmail("stranger");
  await page.goto("/en/organiser/sign-in");
  await requestSignInLink(page, stranger);
  const strangerPage = await page.locator("main").innerText();

  // A member's request, answered with the same page; its e-mail arriving twice over is the sign that
  // anything queued before it has been delivered too.
  for (let round = 0; round < 2; round++) {
    const { marker, path } = markedDestination();
    await page.goto(`/en/organiser/sign-in?next=${encodeURIComponent(path)}`);
    await requestSignInLink(page, viewer.email);
    expect(await page.locator("main").innerText()).toBe(strangerPage);
    await waitForLinkWith(viewer.email, marker);
  }
  expect(await capturedFor(stranger)).toEqual([]);
});

test("the sign-in form explains a malformed address, in Arabic too", async ({ page }) => {
  await page.goto("/ar/organiser/sign-in");
  await page.getByLabel("عنوان البريد الإلكتروني").fill("ليس-عنوانًا");
  await page.getByRole("button", { name: "أرسل إليّ رابط الدخول" }).click();
  await expect(page.locator("#email-error")).toHaveText("أدخل عنوان بريد إلكتروني بصيغة صحيحة، مثل name@example.org");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAxeViolations(page);
});

test("signing out ends the session itself, not just the cookie", async ({ page, browser, baseURL }) => {
  await signIn(page, viewer.email);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name === "next-auth.session-token")).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/organiser\/sign-in\?signedOut=1$/);
  await expect(page.getByRole("status")).toHaveText("You have signed out.");
  expect(await signedIn(page)).toBe(false);

  // A copy of the old cookie is worth nothing: the session row is gone.
  const copy = await browser.newContext({ baseURL });
  await copy.addCookies(cookies);
  expect(await signedIn(await copy.newPage())).toBe(false);
  await copy.close();
});

test("an owner invites a member, who signs in from the invitation; removing them ends their session at once", async ({ page, browser, baseURL }) => {
  await signIn(page, other.email);
  await page.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Members of ${e2eOrganisations.b}`);
  await expectNoAxeViolations(page);

  const member = uniqueEmail("member");
  await page.getByLabel("E-mail address").fill(member);
  await page.getByLabel("Organiser: runs campaigns, moderates and exports signatures").check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Invitation sent" })).toHaveText(`Invitation sent to ${member}.`);
  await expect(page.locator(".member-list")).toContainText(member);

  const invitation = await waitForEmail(member, `You are invited to join ${isolate(e2eOrganisations.b)} on Nida`);
  expect(invitation.text).toContain(`${isolate(other.email)} has invited you`);
  const link = /https?:\/\/\S+\/en\/organiser\/sign-in\/continue\?callback=\S+/.exec(invitation.text ?? "")?.[0];
  expect(link).toBeDefined();

  const memberContext = await browser.newContext({ baseURL });
  const memberPage = await memberContext.newPage();
  await memberPage.goto(link!);
  await memberPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(memberPage).toHaveURL(/\/en\/organiser$/);
  await expect(memberPage.getByRole("region", { name: e2eOrganisations.b, exact: true })).toContainText("Your role: Organiser");
  // Not an owner: no members page, neither in the menu nor by address.
  await expect(memberPage.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "Members" })).toHaveCount(0);
  expect((await memberPage.request.get("/en/organiser/members")).status()).toBe(404);

  await page.getByRole("button", { name: `Remove ${member}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "removed" })).toHaveText(`${member} has been removed and signed out.`);
  await expect(page.locator(".member-list")).not.toContainText(member);

  await memberPage.reload();
  await expect(memberPage).toHaveURL(/\/en\/organiser\/sign-in$/);
  expect(await signedIn(memberPage)).toBe(false);
  await memberContext.close();

  await page.getByRole("navigation", { name: "Organiser area" }).getByRole("link", { name: "Audit log" }).click();
  // Other tests change Organisation B's members at the same time: find this member's removal.
  const latest = page.locator("table.audit-table tbody tr").filter({ hasText: "Member removed" }).filter({ hasText: member }).first();
  await expect(latest).toContainText("Member removed");
  await expect(latest).toContainText(`${member}, who was Organiser`);
  await expect(latest).toContainText(other.email);
  await expectNoAxeViolations(page);
});

test("an owner manages members without JavaScript: field errors, invite, change role, remove", async ({ browser, baseURL }) => {
  const { context, page } = await signedInContext(browser, baseURL!, other.email, { javaScriptEnabled: false });
  await page.goto("/en/organiser/members");

  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.locator("#invite-email-error")).toHaveText("Enter the e-mail address of the person to invite");

  const member = uniqueEmail("nojs");
  await page.getByLabel("E-mail address").fill(member);
  await page.getByLabel(/^Viewer:/).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${member}.`)).toBeVisible();
  await expect(page.getByLabel(`Role of ${member}`)).toHaveValue("VIEWER");

  await page.getByLabel(`Role of ${member}`).selectOption("ORGANISER");
  await page.getByRole("button", { name: `Save role for ${member}` }).click();
  await expect(page.getByText(`${member} is now: Organiser.`)).toBeVisible();
  await expect(page.getByLabel(`Role of ${member}`)).toHaveValue("ORGANISER");

  // The last owner of the organisation cannot be demoted.
  await page.getByLabel(`Role of ${other.email}`).selectOption("VIEWER");
  await page.getByRole("button", { name: `Save role for ${other.email}` }).click();
  await expect(page.locator(".member .field-error")).toHaveText("An organisation needs at least one owner: make someone else an owner first");

  await page.getByRole("button", { name: `Remove ${member}` }).click();
  await expect(page.getByText(`${member} has been removed and signed out.`)).toBeVisible();
  await expect(page.locator(".member-list")).not.toContainText(member);
  await context.close();
});

for (const locale of ["en", "ar"] as const) {
  test(`the organiser pages read without accessibility barriers (${locale})`, async ({ page }) => {
    await signIn(page, owner.email, locale);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expectNoAxeViolations(page);
    for (const path of ["members", "audit"]) {
      await page.goto(`/${locale}/organiser/${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await page.goto(`/${locale}/organiser/sign-in/check-email`);
    await expectNoAxeViolations(page);
  });
}
