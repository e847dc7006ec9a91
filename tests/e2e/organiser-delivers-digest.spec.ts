// An organiser adds a decision-maker to the directory, addresses a new campaign to them with a
// daily cadence, approves a signer's comment, sends the digest, and follows it in the delivery
// log; the captured e-mail holds the count, the comment and the fingerprint, and the public page
// says what was sent to whom, without their e-mail address. Then, with a second signer from another
// country, they print a delivery pack in Arabic and in English to hand over in person; the PDFs are
// read back, and the public page records the hand-over. A response threshold the count has
// reached asks the minister for an answer: the campaign page, in both languages, gives the due
// date the API reads from the database.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { formatDate, formatNumber } from "../../lib/i18n/format";
import { isolate } from "../../lib/i18n/isolate";
import { pdfReadingText } from "../fixtures/pdf-text";
import { campaignPath, confirmPath, mailTimeoutMs, newSigner, pressConfirm, submitSignForm, uniqueEmail, uniqueTag, waitForConfirmationEmail, waitForEmail, expectCheckYourEmail } from "./helpers";
import { createPublishedCampaign, e2eOrganisers, expectNoAxeViolations, signedInContext } from "./organiser-helpers";

const { owner } = e2eOrganisers;

test("an organiser sets targets and cadence, approves a comment, sends the digest and sees it in the delivery log", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const { context, page } = await signedInContext(browser, baseURL!, owner.email);
  const tag = uniqueTag();
  const minister = { name: `Minister ${tag}`, institution: `Ministry of Foreign Affairs ${tag}`, email: uniqueEmail("minister") };

  // The directory: a new decision-maker of the organisation.
  await page.goto("/en/organiser");
  await page.getByRole("link", { name: "Decision-makers", exact: true }).click();
  await page.getByRole("link", { name: "Add a decision-maker" }).click();
  await page.getByLabel("Name (English)").fill(minister.name);
  await page.getByLabel("Title (English)").fill("Foreign Secretary");
  await page.getByLabel("Institution (English)").fill(minister.institution);
  await page.getByLabel("Country", { exact: true }).fill("GB");
  await page.getByLabel("E-mail address").fill(minister.email);
  await page.getByRole("button", { name: "Add to the directory" }).click();
  await expect(page.getByRole("status")).toContainText("The entry has been saved.");
  await expect(page.getByRole("row", { name: new RegExp(minister.name) })).toContainText(minister.institution);

  // A new campaign, published.
  const title = `Open the crossings ${tag}`;
  const { id, slug } = await createPublishedCampaign(page, title, { summary: "Aid must reach northwest Syria.", demand: { kind: "HUMANITARIAN_ACCESS", text: "Keep every border crossing open for aid" } });

  // A supporter signs with a comment and confirms.
  const supporter = await browser.newContext({ baseURL });
  const signerPage = await supporter.newPage();
  const signer = newSigner({ country: "DE" });
  // Short enough to be quoted whole in the button that approves it.
  const comment = `Cousins in Idlib wait ${tag}`;
  await signerPage.goto(campaignPath(slug));
  await signerPage.getByLabel("Why are you signing? (optional)").fill(comment);
  await submitSignForm(signerPage, signer);
  await expectCheckYourEmail(signerPage, slug);
  await signerPage.goto(confirmPath(await waitForConfirmationEmail(signer.email)));
  await pressConfirm(signerPage, slug);

  // Delivery: targets and cadence.
  await page.goto(`/en/organiser/campaigns/${encodeURIComponent(id)}`);
  await page.getByRole("link", { name: "Delivery", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delivery to decision-makers");
  await page.getByLabel(minister.name).check();
  await page.getByLabel("Daily").check();
  await page.getByRole("button", { name: "Save targets and cadence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Targets and cadence saved." })).toBeVisible();

  // The comment, approved for delivery.
  await page.reload();
  await page.getByRole("button", { name: `Approve for delivery: ${comment}` }).click();
  await expect(page.getByRole("row", { name: new RegExp(comment) })).toContainText("Approved");
  await expectNoAxeViolations(page);

  // A response threshold: refused out of range, field by field; then at 1 signature (reached) within 30 days.
  const thresholds = page.getByRole("region", { name: "Response deadline" });
  await thresholds.getByLabel("At this many signatures").fill("0");
  await thresholds.getByLabel(/Ask for a response within/).fill("400");
  await thresholds.getByRole("button", { name: "Save the deadline" }).click();
  await expect(thresholds.getByRole("alert")).toContainText("Enter a whole number of signatures, 1 or more.");
  await expect(thresholds.getByRole("alert")).toContainText("Enter a whole number of days from 1 to 365.");
  await thresholds.getByLabel("At this many signatures").fill("1");
  await thresholds.getByLabel(/Ask for a response within/).fill("30");
  await thresholds.getByRole("button", { name: "Save the deadline" }).click();
  await expect(thresholds.getByRole("status").filter({ hasText: "Deadline saved." })).toBeVisible();
  await page.reload();
  await expect(thresholds).toContainText("At 1 signature, a response within 30 days.");
  await expect(thresholds.getByRole("row", { name: new RegExp(minister.name) })).toContainText("response due by");

  // Send now: one digest, then the log shows it handed to the provider.
  await page.getByRole("button", { name: "Send due digests now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 digest queued for delivery." })).toBeVisible();
  const logRow = page.locator(".delivery-log tbody tr").filter({ hasText: minister.name });
  await expect(logRow).toHaveCount(1);
  await expect
    .poll(
      async () => {
        await page.reload();
        return (await logRow.locator(".status").textContent())?.trim();
      },
      { timeout: mailTimeoutMs, message: "the digest is sent" },
    )
    .toBe("Sent");
  await expect(logRow).toContainText("1 / 1");

  // Sending again sends nothing: this period's digest went out.
  await page.getByRole("button", { name: "Send due digests now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No digest was due" })).toBeVisible();

  // The e-mail the minister received says what the log says.
  const mail = await waitForEmail(minister.email, `1 signature: ${isolate(title)}`);
  expect(mail.text).toContain("1 person has confirmed their signature so far.");
  expect(mail.text).toContain("Keep every border crossing open for aid");
  expect(mail.text).toContain("Germany: 1");
  expect(mail.text).toContain(comment);
  expect(mail.text).not.toContain(signer.name);
  expect(mail.text).toContain(`${baseURL}/en/campaigns/${slug}`);
  expect(mail.text).toContain("When the petition reached 1 signature, its organisers asked for your response by");
  const fingerprint = /SHA-256 ([0-9a-f]{64})/.exec(mail.text ?? "")?.[1];
  expect(fingerprint).toBeTruthy();
  await logRow.getByText("Fingerprint of the counted signatures").click();
  await expect(logRow.locator(".fingerprint")).toHaveText(fingerprint!);

  // The public page: the minister once, with the digest sent to them; no e-mail address.
  const record = signerPage.getByRole("region", { name: "Addressed to", exact: true });
  await expect
    .poll(
      async () => {
        await signerPage.goto(campaignPath(slug));
        return (await record.textContent()) ?? "";
      },
      { timeout: mailTimeoutMs, message: "the campaign page shows the digest sent" },
    )
    .toContain("1 digest sent");
  await expect(record.getByRole("listitem")).toHaveCount(1);
  await expect(record).toContainText(minister.name);
  await expect(record).toContainText(minister.institution);
  await expect(record).toContainText("No response yet");
  expect(await signerPage.content()).not.toContain(minister.email);

  // The due date on the page, in each language, is the one the database holds (read through the API).
  const states = (await (await signerPage.request.get(`/api/v1/campaigns/${slug}/responses`)).json()) as { targets: { state: string; dueAt: string; askedAt: string }[] };
  expect(states.targets.map((target) => target.state)).toEqual(["asked"]);
  const dueAt = new Date(states.targets[0]!.dueAt);
  const askedAt = new Date(states.targets[0]!.askedAt);
  await expect(record).toContainText(`Response due by ${formatDate(dueAt, "en")}: the petition reached 1 signature on ${formatDate(askedAt, "en")}.`);
  await signerPage.goto(campaignPath(slug, "ar"));
  await expect(signerPage.getByRole("region", { name: "موجّهة إلى" })).toContainText(`الردّ مطلوب في موعد أقصاه ${formatDate(dueAt, "ar")}`);

  // A second signer, from Syria, then a delivery pack to hand over in person in each language: the
  // PDF states the count, its fingerprint, the demand and both countries, and the public record
  // says so.
  const second = newSigner({ country: "SY" });
  await signerPage.goto(campaignPath(slug));
  await submitSignForm(signerPage, second);
  await expectCheckYourEmail(signerPage, slug);
  await signerPage.goto(confirmPath(await waitForConfirmationEmail(second.email)));
  await pressConfirm(signerPage, slug);

  await page.goto(`/en/organiser/campaigns/${encodeURIComponent(id)}/delivery`);
  const packSection = page.getByRole("region", { name: "Delivery pack" });
  const packText = async (locale: "ar" | "en") => {
    await packSection.getByLabel("For").selectOption({ label: `${minister.name}, ${minister.institution}` });
    await packSection.getByLabel("Language of the pack").selectOption(locale);
    const [download] = await Promise.all([page.waitForEvent("download"), packSection.getByRole("button", { name: "Generate the PDF and record the hand-over" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-delivery-${locale}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    return pdfReadingText(new Uint8Array(pdf), locale === "ar" ? "rtl" : "ltr");
  };
  const arabic = await packText("ar");
  const packFingerprint = /[0-9a-f]{64}/.exec(arabic)?.[0];
  expect(packFingerprint).toBeTruthy();
  expect(packFingerprint).not.toBe(fingerprint);
  expect(arabic).toMatch(new RegExp(`عدد التوقيعات عبر الإنترنت المؤكَّدة[^\\n]* ${formatNumber(2, "ar")} `));
  // The country table: online, on paper, together, share.
  expect(arabic).toContain("ألمانيا 1 0 1 50%");
  expect(arabic).toContain("سوريا 1 0 1 50%");
  expect(arabic).toContain("Keep every border crossing open for aid");
  expect(arabic).toContain(minister.name);
  expect(arabic).not.toContain(signer.email);

  const english = await packText("en");
  expect(english).toContain(packFingerprint!);
  expect(english).toContain("2 online signatures confirmed by e-mail");
  expect(english).toContain("Germany 1 0 1 50%");
  expect(english).toContain("Syria 1 0 1 50%");
  expect(english).toContain("Keep every border crossing open for aid");
  expect(english).not.toContain(second.email);

  // Both hand-overs are in the log, with the count and the fingerprint the PDFs state.
  await page.reload();
  const handOvers = page.locator(".delivery-log tbody tr").filter({ hasText: "Delivery pack handed over in person" });
  await expect(handOvers).toHaveCount(2);
  // Newest first: the English pack, nobody new since the Arabic one; the Arabic pack, one signer
  // new since the mailed digest.
  await expect(handOvers.nth(0)).toContainText("0 / 2");
  await expect(handOvers.nth(1)).toContainText("1 / 2");
  for (const row of await handOvers.all()) {
    await row.getByText("Fingerprint of the counted signatures").click();
    await expect(row.locator(".fingerprint")).toHaveText(packFingerprint!);
  }
  await signerPage.goto(campaignPath(slug));
  await expect(record).toContainText("Handed over in person on");
  await expect(record).toContainText("1 digest sent");

  await supporter.close();
  await context.close();
});
