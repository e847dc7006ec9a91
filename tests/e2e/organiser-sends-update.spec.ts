// An organiser writes an update in English and Arabic to the signers who asked to hear from the
// organisation, sees who it will go to, sends it, and the signer who agreed receives it (in their
// language, from the organisation's name, with one-click unsubscribe); the signer who did not
// agree receives nothing; the campaign page shows the update.
import { expect, test, type Page } from "@playwright/test";
import { campaignPath, confirmFromEmail, expectCheckYourEmail, mailTimeoutMs, newSigner, submitSignForm, uniqueTag, waitForEmail, capturedFor } from "./helpers";
import { createPublishedCampaign, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner } = e2eOrganisers;

async function shoot(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
}

test("an organiser sends an update to the signers who agreed to hear from the organisation", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { page } = await signedInContext(browser, baseURL!, owner.email);
  const tag = uniqueTag();
  const { id, slug } = await createPublishedCampaign(page, `Reopen the hospitals ${tag}`, { summary: "Hospitals in Idlib must reopen.", demand: { kind: "PROTECTION_OF_CIVILIANS", text: "Stop the attacks on hospitals" } });

  // Two signers confirm: one agrees to hear from the organisers, one does not.
  const supporter = await browser.newContext({ baseURL });
  const signerPage = await supporter.newPage();
  const agreeing = newSigner();
  const silent = newSigner();
  for (const [signer, consent] of [[agreeing, true], [silent, false]] as const) {
    await signerPage.goto(campaignPath(slug));
    if (consent) await signerPage.getByLabel("Keep me informed about this campaign").check();
    await submitSignForm(signerPage, signer);
    await expectCheckYourEmail(signerPage, slug);
    await confirmFromEmail(signerPage, slug, signer.email);
  }

  // The update: written, counted, previewed, sent.
  await page.goto(`/en/organiser/campaigns/${encodeURIComponent(id)}`);
  await page.getByRole("link", { name: "Updates to supporters" }).click();
  await page.getByRole("link", { name: "Write an update" }).click();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.locator(".error-summary")).toContainText("Write a subject.");
  // Checked here: axe cannot look into the sandboxed previews of the update's own page.
  await expectNoAxeViolations(page);
  const subject = `The hospitals reopened ${tag}`;
  await page.getByLabel("Subject (English)").fill(subject);
  await page.getByLabel("Message (English)").fill("Thank you. **Two hospitals** reopened this week.");
  await page.getByLabel("Subject (Arabic)").fill(`أعيد فتح المستشفيات ${tag}`);
  await page.getByLabel("Message (Arabic)").fill("شكرًا لكم. أعيد فتح **مستشفيين** هذا الأسبوع.");
  await page.getByLabel("Show it on the campaign page").check();
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  await expect(page.getByTestId("update-recipients")).toHaveText("This will go to 1 supporter: 0 in Arabic, 1 in English.");
  await expect(page.frameLocator('iframe[title="As an Arabic reader gets it"]').getByRole("heading", { level: 1 })).toHaveText(`أعيد فتح المستشفيات ${tag}`);

  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Sending has begun.");

  const mail = await waitForEmail(agreeing.email, subject);
  expect(mail.from).toContain(`"${owner.organisation}"`);
  expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  expect(mail.text).toContain("Two hospitals reopened this week");
  expect((await capturedFor(silent.email)).map((message) => message.subject)).not.toContain(subject);

  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("update-status").textContent();
      },
      { timeout: mailTimeoutMs, message: "the update is sent" },
    )
    .toMatch(/^Sent /);
  await expect(page.getByTestId("update-stats")).toContainText("Recipients1");
  await shoot(page, "update-sent-en.png");
  await page.goto(page.url().replace("/en/", "/ar/"));
  await expect(page.getByTestId("update-status")).toHaveText(/^أُرسل/);
  await shoot(page, "update-sent-ar.png");

  // The campaign page's timeline, in each language.
  await expect
    .poll(
      async () => {
        await page.goto(campaignPath(slug));
        return page.locator(".updates-timeline h3").first().textContent();
      },
      { timeout: 20_000, message: "the campaign page shows the update" },
    )
    .toBe(subject);
  await shoot(page, "timeline-en.png");
  await page.goto(campaignPath(slug, "ar"));
  await expect(page.locator(".updates-timeline h3").first()).toHaveText(`أعيد فتح المستشفيات ${tag}`);
  await shoot(page, "timeline-ar.png");
});
