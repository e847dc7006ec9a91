// An owner fills in the organisation's profile, writes an update in English and Arabic to the
// signers who asked to hear from the organisation, previews it, sends a test to themself, then
// sends it: each signer who agreed receives it in their language, from the organisation's sender
// name, with one-click unsubscribe; the signer who did not agree receives nothing; the campaign
// page shows the update. A signer who unsubscribes with one click gets no later update.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { isolate } from "../../lib/i18n/isolate";
import type { Captured } from "../fixtures/resend-capture";
import { campaignPath, capturedFor, confirmFromEmail, confirmPath, expectCheckYourEmail, mailTimeoutMs, newSigner, signFromOwnAddress, submitSignForm, uniqueTag, waitForEmail, type Signer } from "./helpers";
import {
  createPublishedCampaign,
  e2eOrganisations,
  e2eOrganisers,
  expectNoAxeViolations,
  fillOrganisationProfile,
  openOrganisationProfile,
  signedInContext,
  uploadOrganisationLogo,
} from "./organiser-helpers";

const organiser = e2eOrganisers.updates;

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
}

// Signs on the Arabic campaign page, agreeing to hear from the organisation, and confirms.
async function signInArabic(page: Page, slug: string, signer: Signer): Promise<void> {
  await page.goto(campaignPath(slug, "ar"));
  await signFromOwnAddress(page);
  await page.getByLabel("الاسم الكامل").fill(signer.name);
  await page.getByLabel("البريد الإلكتروني", { exact: true }).fill(signer.email);
  await page.getByLabel("بلد الإقامة").selectOption(signer.country);
  await page.getByLabel("أرغب في تلقّي أخبار هذه الحملة بالبريد الإلكتروني من المنظمات القائمة عليها").check();
  await page.getByRole("button", { name: "وقّع العريضة" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/campaigns/${slug}/signed$`));
  await page.goto(confirmPath(await waitForEmail(signer.email, "أكّد توقيعك")));
  await page.getByRole("button", { name: "أؤكّد توقيعي" }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/campaigns/${slug}/thanks$`));
}

// The subjects of every message captured for `email`, oldest first.
async function subjectsFor(email: string): Promise<string[]> {
  return (await capturedFor(email)).map((message) => message.subject);
}

// The one-click address of a message's List-Unsubscribe header, "<https://…>".
function oneClickUrl(mail: Captured): string {
  const found = /^<(https?:\/\/[^>]+)>$/.exec(mail.headers["List-Unsubscribe"] ?? "");
  expect(found, `List-Unsubscribe of "${mail.subject}"`).not.toBeNull();
  return found![1]!;
}

// What a mail client does when its reader presses "Unsubscribe" (RFC 8058): a POST with no cookie.
async function unsubscribeWithOneClick(request: APIRequestContext, mail: Captured): Promise<void> {
  const response = await request.post(oneClickUrl(mail), { headers: { "Content-Type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ unsubscribed: true });
}

// Reloads the update's page until its sending is over.
async function waitUntilSent(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("update-status").textContent();
      },
      { timeout: mailTimeoutMs, message: "the update is sent" },
    )
    .toMatch(/^Sent /);
}

const arabicMissing = "لا توجد نسخة عربية من هذا التحديث، لذلك هو بالإنجليزية.";

test("an owner sends an update to the signers who agreed, and a signer who unsubscribed gets no later one", async ({ browser, baseURL, request }) => {
  test.setTimeout(300_000);
  const tag = uniqueTag();
  const { page } = await signedInContext(browser, baseURL!, organiser.email);

  // The organisation's profile, in both languages, with its logo: the sender name is what its updates come from.
  const profile = {
    nameAr: "المنظمة د للاختبار",
    description: "Doctors who keep the hospitals of Idlib open.",
    descriptionAr: "أطباء يُبقون مستشفيات إدلب مفتوحة.",
    website: "https://e2e-d.example.org",
    contactEmail: "contact@e2e-d.example.org",
    senderName: "Hospitals of Idlib (E2E D)",
  };
  await openOrganisationProfile(page, e2eOrganisations.d);
  await fillOrganisationProfile(page, profile);
  await uploadOrganisationLogo(page, test.info().outputPath("logo.png"));

  const { id, slug } = await createPublishedCampaign(page, `Reopen the hospitals ${tag}`, { summary: "Hospitals in Idlib must reopen.", demand: { kind: "PROTECTION_OF_CIVILIANS", text: "Stop the attacks on hospitals" } });

  // Three signers confirm through the sign form: one on the Arabic page and one on the English
  // page agree to hear from the organisation; one on the English page does not.
  const supporter = await browser.newContext({ baseURL });
  const signerPage = await supporter.newPage();
  const arabic = newSigner({ name: "ليلى حداد", country: "SY" });
  const english = newSigner();
  const silent = newSigner({ name: "Omar Khatib" });
  await signInArabic(signerPage, slug, arabic);
  for (const [signer, consent] of [[english, true], [silent, false]] as const) {
    await signerPage.goto(campaignPath(slug));
    if (consent) await signerPage.getByLabel("Keep me informed about this campaign").check();
    await submitSignForm(signerPage, signer);
    await expectCheckYourEmail(signerPage, slug);
    await confirmFromEmail(signerPage, slug, signer.email);
  }
  const confirmations = {
    arabic: await subjectsFor(arabic.email),
    english: await subjectsFor(english.email),
    silent: await subjectsFor(silent.email),
  };
  expect(Object.values(confirmations).map((subjects) => subjects.length)).toEqual([1, 1, 1]);

  // The update: written, counted, previewed in both languages.
  await page.goto(`/en/organiser/campaigns/${encodeURIComponent(id)}`);
  await page.getByRole("link", { name: "Updates to supporters" }).click();
  await page.getByRole("link", { name: "Write an update" }).click();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator(".error-summary")).toContainText("Write a subject.");
  // The campaign is written in English: that is the one language asked for; Arabic waits, folded, until it is opened.
  await expect(page.getByLabel("Subject (Arabic)")).toBeHidden();
  // Checked here: axe cannot look into the sandboxed previews of the update's own page.
  await expectNoAxeViolations(page);
  const subject = `The hospitals reopened ${tag}`;
  const subjectAr = `أعيد فتح المستشفيات ${tag}`;
  await page.getByLabel("Subject (English)").fill(subject);
  await page.getByLabel("Message (English)").fill("Thank you. **Two hospitals** reopened this week.\n\nWe will write again when the third one opens.");
  await page.getByText("In Arabic: not written yet").click();
  await page.getByLabel("Subject (Arabic)").fill(subjectAr);
  await page.getByLabel("Message (Arabic)").fill("شكرًا لكم. أعيد فتح **مستشفيين** هذا الأسبوع.\n\nسنكتب إليكم مجددًا عند افتتاح الثالث.");
  await page.getByLabel("Show it on the campaign page").check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  const updatePage = page.url();
  await expect(page.getByTestId("update-recipients")).toHaveText("This will go to 2 supporters: 1 in English and 1 in Arabic.");
  const previewAr = page.frameLocator('iframe[title="As a reader of Arabic gets it"]');
  await expect(previewAr.getByRole("heading", { level: 1 })).toHaveText(subjectAr);
  await expect(previewAr.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(previewAr.locator("body")).toContainText("أعيد فتح مستشفيين هذا الأسبوع");
  const previewEn = page.frameLocator('iframe[title="As a reader of English gets it"]');
  await expect(previewEn.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(previewEn.locator("body")).toContainText("Two hospitals reopened this week");
  // On a phone the previews take the page's whole width, as a mail app shows the e-mail.
  await page.setViewportSize({ width: 390, height: 844 });
  const previewWidth = (await page.locator("iframe.update-preview").first().boundingBox())!.width;
  expect(previewWidth).toBeGreaterThanOrEqual((await page.getByRole("heading", { level: 1 }).boundingBox())!.width - 1);
  await shoot(page, "update-preview-en.png");
  await page.goto(updatePage.replace("/en/", "/ar/"));
  await expect(page.getByTestId("update-recipients")).toHaveText(/^سيصل هذا إلى مؤيدَين: /);
  await shoot(page, "update-preview-ar.png");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(updatePage);

  // A test to the organiser themself: exactly one message, to them, marked as a test; nobody else gets it.
  await page.getByRole("button", { name: "Test in English" }).click();
  await expect(page.getByRole("status")).toHaveText(`A test is on its way to ${organiser.email}.`);
  const testMail = await waitForEmail(organiser.email, `[Test] ${isolate(subject)}`);
  expect(testMail.to).toEqual([organiser.email]);
  expect(testMail.text).toContain("This is a test: only you received it.");
  expect(testMail.text).toContain("Two hospitals reopened this week");
  const ofThisUpdate = async () => (await capturedFor(organiser.email)).filter((message) => message.subject.includes(tag)).map((message) => message.subject);
  expect(await ofThisUpdate()).toEqual([`[Test] ${isolate(subject)}`]);
  await expect(page.getByTestId("update-status")).toHaveText("Draft");

  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Sending has begun.");
  await waitUntilSent(page);
  await expect(page.getByTestId("update-stats")).toContainText("Recipients2");

  // Each signer who agreed has it in their language; the one who did not has nothing new.
  const fromOrganisation = `"${profile.senderName}"`;
  const mailAr = await waitForEmail(arabic.email, subjectAr);
  const mailEn = await waitForEmail(english.email, subject);
  for (const mail of [mailAr, mailEn]) {
    expect(mail.from).toContain(fromOrganisation);
    expect(oneClickUrl(mail)).toMatch(/\/api\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).not.toContain(arabicMissing);
    expect(mail.subject).not.toContain("[Test]");
  }
  expect(mailAr.subject).toBe(subjectAr);
  expect(mailAr.html).toMatch(/<html[^>]*\bdir="rtl"/);
  expect(mailAr.text).toContain("أعيد فتح مستشفيين هذا الأسبوع");
  expect(mailAr.text).toMatch(/إيقاف الرسائل من المنظمات\s*\n?\s*http:\/\/\S+\/ar\/unsubscribe\//);
  expect(mailEn.subject).toBe(subject);
  expect(mailEn.text).toContain("Two hospitals reopened this week");
  expect(mailEn.text).toMatch(/Stop hearing from the organisations\s*\n?\s*http:\/\/\S+\/en\/unsubscribe\//);
  expect(await subjectsFor(arabic.email)).toEqual([...confirmations.arabic, subjectAr]);
  expect(await subjectsFor(english.email)).toEqual([...confirmations.english, subject]);
  expect(await subjectsFor(silent.email)).toEqual(confirmations.silent);
  expect(await ofThisUpdate()).toEqual([`[Test] ${isolate(subject)}`]);

  // The English signer presses their mail client's "Unsubscribe"; a second update, in English
  // only, reaches the Arabic signer alone, in English, saying why.
  await unsubscribeWithOneClick(request, mailEn);
  await page.goto(`/en/organiser/campaigns/${encodeURIComponent(id)}/updates/new`);
  const second = `The third hospital reopened ${tag}`;
  await page.getByLabel("Subject (English)").fill(second);
  await page.getByLabel("Message (English)").fill("The third hospital opened its doors today.");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(second);
  // The Arabic signer reads this one in English, as the count says.
  await expect(page.getByTestId("update-recipients")).toHaveText("This will go to 1 supporter: 1 in English.");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Sending has begun.");
  await waitUntilSent(page);
  await expect(page.getByTestId("update-stats")).toContainText("Recipients1");
  const secondAr = await waitForEmail(arabic.email, second);
  expect(secondAr.text).toContain(arabicMissing);
  expect(secondAr.text).toContain("The third hospital opened its doors today.");
  expect(secondAr.text).toContain(`/ar/campaigns/${slug}`);
  expect(await subjectsFor(arabic.email)).toEqual([...confirmations.arabic, subjectAr, second]);
  expect(await subjectsFor(english.email)).toEqual([...confirmations.english, subject]);
  expect(await subjectsFor(silent.email)).toEqual(confirmations.silent);

  // The campaign page's timeline shows the first update (the second was not for the page), in each language.
  await expect
    .poll(
      async () => {
        await page.goto(campaignPath(slug));
        return page.locator(".updates-timeline h3").allTextContents();
      },
      { timeout: 20_000, message: "the campaign page shows the update" },
    )
    .toEqual([subject]);
  await expect(page.locator(".updates-timeline")).toContainText("Two hospitals reopened this week");
  await shoot(page, "timeline-en.png");
  await page.goto(campaignPath(slug, "ar"));
  await expect(page.locator(".updates-timeline h3")).toHaveText([subjectAr]);
  await expect(page.locator(".updates-timeline")).toContainText("أعيد فتح مستشفيين هذا الأسبوع");
  await shoot(page, "timeline-ar.png");
});
