// A fresh install sends decision-makers nothing: its seed campaigns have no cadence, a new
// campaign has none until an organiser chooses one, and a chosen cadence sends nothing until
// someone has confirmed a signature. Then exactly one digest goes to the target, counting 1, and
// no more until someone new signs. The campaign page names each decision-maker once and says what
// was sent to them, as the API (the database) says it; the seed decision-makers' reserved
// addresses receive nothing during the whole run.
import { expect, test, type Page } from "@playwright/test";
import { isolate } from "../../lib/i18n/isolate";
import { campaigns as seedCampaignData, decisionMakers as seedDecisionMakers, letterDecisionMakers } from "../../prisma/seed-data";
import { fetchCaptured } from "../fixtures/resend-capture";
import { campaignPath, captureUrl, confirmPath, expectCheckYourEmail, mailTimeoutMs, newSigner, pressConfirm, submitSignForm, uniqueEmail, uniqueTag, waitForConfirmationEmail, waitForEmail } from "./helpers";
import { createPublishedCampaign, e2eOrganisers, signedInContext } from "./organiser-helpers";

const seedAddresses = new Set([...seedDecisionMakers, ...letterDecisionMakers].map((person) => person.email.toLowerCase()));
const dayFormat = new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

type Deliveries = { digests: { period: string; status: string; totalSignatures: number; newSignatures: number; sentAt: string }[]; responses: unknown[] };

async function deliveries(page: Page, slug: string): Promise<Deliveries> {
  const response = await page.request.get(`/api/v1/campaigns/${slug}/deliveries`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Deliveries;
}

/** The "Addressed to" list of a campaign page: one item per decision-maker. */
function addressees(page: Page) {
  return page.getByRole("region", { name: "Addressed to", exact: true }).getByRole("listitem");
}

// A letter a signer chose to write (other journeys write to seed decision-makers) says it is part
// of the campaign, in the language it was written in.
const letterLines = ["This letter is part of the campaign", "هذه الرسالة جزء من حملة"];
const isLetter = (mail: { text: string | null }) => letterLines.some((line) => mail.text?.includes(line));

/** Every message but signers' letters that the capture holds for a seed decision-maker's reserved address, from either server. */
async function mailToSeedDecisionMakers() {
  const captured = await fetchCaptured(captureUrl(), {});
  return captured.filter((mail) => !isLetter(mail) && [...mail.to, ...mail.cc, ...mail.bcc].some((address) => seedAddresses.has(address.toLowerCase().replace(/^.*<|>$/g, ""))));
}

test("the seed campaigns name each decision-maker once and claim no delivery, and nothing goes to them", async ({ page }) => {
  for (const campaign of seedCampaignData) {
    await page.goto(campaignPath(campaign.slug));
    const names = campaign.targetKeys.map((key) => seedDecisionMakers.find((person) => person.key === key)!.name);
    const items = addressees(page);
    await expect(items).toHaveCount(names.length);
    for (const name of names) {
      await expect(items.filter({ hasText: name }), `${campaign.slug}: ${name}`).toHaveCount(1);
      await expect(items.filter({ hasText: name })).toContainText("Nothing has been sent yet.");
    }
    await expect(page.locator("main")).not.toContainText(/Delivered to|digests? sent/);
    expect((await deliveries(page, campaign.slug)).digests, campaign.slug).toEqual([]);
  }

  // The same in Arabic.
  const first = seedCampaignData[0]!;
  await page.goto(campaignPath(first.slug, "ar"));
  const arabic = page.getByRole("region", { name: "موجّهة إلى", exact: true }).getByRole("listitem");
  await expect(arabic).toHaveCount(first.targetKeys.length);
  for (const item of await arabic.all()) await expect(item).toContainText("لم يُرسَل شيء بعد.");

  expect(await mailToSeedDecisionMakers()).toEqual([]);
});

test("an organiser's new campaign sends nothing until a cadence is chosen and someone signs, then one digest counting 1, then nothing new", async ({ browser, baseURL }) => {
  // A long journey (directory, editor, delivery, signing, the digest, the public page) on a busy machine.
  test.setTimeout(180_000);
  const { context, page } = await signedInContext(browser, baseURL!, e2eOrganisers.owner.email);
  const tag = uniqueTag();
  const minister = { name: `Envoy ${tag}`, institution: `Office of the Envoy ${tag}`, email: uniqueEmail("envoy") };

  await page.goto("/en/organiser/directory/new");
  await page.getByLabel("Name (English)").fill(minister.name);
  await page.getByLabel("Institution (English)").fill(minister.institution);
  await page.getByLabel("Country", { exact: true }).fill("INT");
  await page.getByLabel("E-mail address").fill(minister.email);
  await page.getByRole("button", { name: "Add to the directory" }).click();
  await expect(page.getByRole("status")).toContainText("The entry has been saved.");

  const title = `Let the aid through ${tag}`;
  const { id, slug } = await createPublishedCampaign(page, title, { summary: "Aid must reach northwest Syria.", demand: { kind: "HUMANITARIAN_ACCESS", text: "Keep the crossings open for aid" } });

  // Delivery: no cadence is chosen, and saving asks for one; each option says what it would do.
  const deliveryPath = `/en/organiser/campaigns/${encodeURIComponent(id)}/delivery`;
  await page.goto(deliveryPath);
  const cadence = page.getByRole("group", { name: "Digest cadence" });
  await expect(cadence).toContainText("No cadence has been chosen yet, so nothing is sent on a schedule.");
  for (const option of ["Off: no scheduled digests", "Daily", "Weekly"]) await expect(cadence.getByLabel(option, { exact: true })).not.toBeChecked();
  await expect(page.getByLabel("Also send a digest when a goal is reached")).not.toBeChecked();
  await page.getByLabel(minister.name).check();
  // The sentence names whoever is ticked, as soon as they are ticked.
  await expect(cadence).toContainText(`${minister.name} will receive a digest every Monday shortly after midnight (UTC) when someone new has confirmed their signature`);
  await page.getByRole("button", { name: "Save targets and cadence" }).click();
  await expect(page.getByText("Choose a cadence.")).toBeVisible();
  // Refused: the tick stays, and the sentences still name who is ticked.
  await expect(page.getByLabel(minister.name)).toBeChecked();

  await page.getByRole("button", { name: "Send due digests now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing was sent: no digest cadence is chosen and milestone digests are off." })).toBeVisible();

  // Daily, chosen: still nothing, since nobody has confirmed a signature.
  await page.getByLabel(minister.name).check();
  await page.getByLabel("Daily", { exact: true }).check();
  await expect(cadence).toContainText(`${minister.name} will receive a digest every day shortly after midnight (UTC)`);
  await page.getByRole("button", { name: "Save targets and cadence" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Targets and cadence saved." })).toBeVisible();
  await page.goto(deliveryPath);
  await page.getByRole("button", { name: "Send due digests now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Nothing was sent: nobody has confirmed their signature yet." })).toBeVisible();
  await expect(page.getByText("No digest has been sent yet.")).toBeVisible();

  const supporter = await browser.newContext({ baseURL });
  const publicPage = await supporter.newPage();
  await publicPage.goto(campaignPath(slug));
  await expect(addressees(publicPage)).toHaveCount(1);
  await expect(addressees(publicPage)).toContainText(minister.name);
  await expect(addressees(publicPage)).toContainText("Nothing has been sent yet.");
  expect((await deliveries(publicPage, slug)).digests).toEqual([]);
  expect(await fetchCaptured(captureUrl(), { to: minister.email })).toEqual([]);

  // One person signs and confirms.
  const signer = newSigner({ country: "DE" });
  await submitSignForm(publicPage, signer);
  await expectCheckYourEmail(publicPage, slug);
  await publicPage.goto(confirmPath(await waitForConfirmationEmail(signer.email)));
  await pressConfirm(publicPage, slug);

  // Now one digest, counting 1, shown in the log with its period in words, and sent.
  await page.getByRole("button", { name: "Send due digests now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 digest queued for delivery." })).toBeVisible();
  const mail = await waitForEmail(minister.email, `1 signature: ${isolate(title)}`);
  expect(mail.text).toContain("1 person has confirmed their signature so far.");
  expect(mail.text?.split(`${baseURL}/en/campaigns/${slug}`)).toHaveLength(2);

  const sent = await deliveries(publicPage, slug);
  await expect.poll(async () => (await deliveries(publicPage, slug)).digests.map((d) => [d.status, d.newSignatures, d.totalSignatures]), { timeout: mailTimeoutMs }).toEqual([["sent", 1, 1]]);
  const [digest] = (await deliveries(publicPage, slug)).digests;
  const day = dayFormat.format(new Date(`${digest!.period.slice("daily:".length)}T00:00:00Z`));
  const logRow = page.locator(".delivery-log tbody tr").filter({ hasText: minister.name });
  await page.reload();
  await expect(logRow).toHaveCount(1);
  await expect(logRow).toContainText(`Daily digest, ${day}`);
  await expect(logRow).not.toContainText("daily:");
  await expect(logRow.locator(".status")).toHaveText("Sent");
  await expect(logRow).toContainText("1 / 1");
  expect(sent.responses).toEqual([]);

  // Again, the same day: nothing.
  await page.getByRole("button", { name: "Send due digests now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No digest was due: every target has had this period’s digest." })).toBeVisible();
  expect(await fetchCaptured(captureUrl(), { to: minister.email })).toHaveLength(1);

  // The campaign page says what the API says: one digest sent, when, counting what; no delivery report, no response.
  const expected = `1 digest sent, the last on ${dayFormat.format(new Date(digest!.sentAt))}, with 1 confirmed signature.`;
  await expect
    .poll(
      async () => {
        await publicPage.goto(campaignPath(slug));
        return (await addressees(publicPage).textContent()) ?? "";
      },
      { timeout: mailTimeoutMs, message: "the campaign page shows the digest sent" },
    )
    .toContain(expected);
  await expect(addressees(publicPage)).toHaveCount(1);
  await expect(addressees(publicPage)).toContainText("No response yet");
  await expect(addressees(publicPage)).not.toContainText("reported it delivered");
  expect(await publicPage.content()).not.toContain(minister.email);

  expect(await mailToSeedDecisionMakers()).toEqual([]);
  await supporter.close();
  await context.close();
});
