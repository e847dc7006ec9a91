import { expect, test, type Page } from "@playwright/test";
import { isolate } from "../../lib/i18n/isolate";
import { decisionMakersInArabic } from "../../prisma/seed-data";
import { capturedFor, confirmPath, newSigner, pressConfirm, seedCampaigns, sign, uniqueTag, waitForConfirmationEmail } from "./helpers";
import type { Captured } from "../fixtures/resend-capture";
import { expectNoAxeViolations } from "./organiser-helpers";

// Signs and confirms on the ICC seed campaign (which no spec counts on), then writes to the seed
// directory's representatives (prisma/seed-data.ts): only this spec writes letters.
const campaign = seedCampaigns.icc;
const personal = "I grew up in Aleppo and still have family in Idlib. Justice for what they lived through matters to me more than I can say.";
const londonMember = { name: "Member of Parliament for London Example", email: "mp-london-example@example.org" };
const germanCommittee = { name: "Chair of the Committee on Foreign Affairs", nameAr: decisionMakersInArabic["de-bundestag-foreign-affairs"]!.name, email: "bundestag-foreign-affairs@example.org" };
// Marked in the seed as a recipient that writing to may put signers at risk.
const syrianMinistry = { name: "Minister of Foreign Affairs of Syria", nameAr: decisionMakersInArabic["sy-foreign-ministry"]!.name, email: "sy-foreign-ministry@example.org" };
const subjects = ["Please support referring Syria to the International Criminal Court", "Accountability for crimes against civilians in Syria"];

test.use({ locale: "en-GB" });

async function confirmedSupporter(page: Page, country = "GB") {
  const signer = newSigner({ name: "Layla Haddad", country });
  await sign(page, campaign.slug, signer);
  await page.goto(confirmPath(await waitForConfirmationEmail(signer.email)));
  await pressConfirm(page, campaign.slug);
  return signer;
}

// The letters that reached `recipient` with `marker` (a paragraph unique to the test) in them,
// once `count` have arrived. Recipients are shared by both projects: the marker tells them apart.
async function lettersWith(marker: string, recipient: string, count: number): Promise<Captured[]> {
  let letters: Captured[] = [];
  await expect
    .poll(
      async () => {
        letters = (await capturedFor(recipient)).filter((mail) => mail.text?.includes(marker));
        return letters.length;
      },
      { timeout: 30_000, message: `${count} letters to ${recipient} saying "${marker}"` },
    )
    .toBe(count);
  return letters;
}

test("a signer in Syria is offered no Syrian ministry, is warned on choosing it, and sends one letter that shows only the name line they chose", async ({ page }) => {
  // Signs, confirms, writes, sends, waits for the mail, tries again and reads the privacy page.
  test.setTimeout(120_000);
  const signer = await confirmedSupporter(page, "SY");
  const paragraph = `${personal} ${uniqueTag()}`;

  await page.getByRole("link", { name: "Write a letter" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/campaigns/${campaign.slug}/write\\?token=[A-Za-z0-9_-]{43}$`));
  await expect(page.getByText(`You can send letters through Nida from ${signer.email}`)).toBeVisible();
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("SY");

  // Listed, marked, and not chosen for them; no warning until they choose it.
  const ministry = page.getByRole("radio", { name: new RegExp(syrianMinistry.name) });
  await expect(ministry).toBeVisible();
  await expect(ministry).not.toBeChecked();
  await expect(page.locator("label", { hasText: syrianMinistry.name })).toContainText("Writing to them may put you at risk");
  await expect(page.getByRole("radio", { checked: true })).toHaveAccessibleName(/Security Council|General Assembly|Secretary-General|Prosecutor|High Representative/);
  await expect(page.getByRole("heading", { name: `Before you write to ${syrianMinistry.name}` })).toHaveCount(0);

  // The letter is signed with the first name and country unless they write something else, and
  // carries their address only if they tick a box: both boxes start empty.
  await expect(page.getByLabel("Sign the letter as")).toHaveValue("Layla, Syria");
  await expect(page.getByRole("checkbox", { name: `Let them reply to me at ${signer.email}` })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Send me a copy" })).not.toBeChecked();

  await ministry.check();
  await expect(page.getByRole("heading", { name: `Before you write to ${syrianMinistry.name}` })).toBeVisible();
  await expect(page.getByText("may treat a letter about this campaign as opposition")).toBeVisible();
  await page.getByLabel("Your own paragraph").fill(paragraph);
  await page.getByRole("button", { name: "Send through Nida" }).click();
  await expect(page.locator("#letter-errors")).toContainText("Read the warning about this recipient and tick the box to confirm");

  await page.getByRole("checkbox", { name: `I have read this warning and still want to write to ${syrianMinistry.name}` }).check();
  await page.getByRole("button", { name: "Send through Nida" }).click();
  const status = page.getByRole("status").filter({ hasText: "Your letter to" });
  await expect(status).toContainText(`Your letter to ${syrianMinistry.name} has been sent`);
  await expect(status).toContainText("It does not carry your e-mail address, so the recipient cannot reply to you.");
  await expect(status).not.toContainText(signer.email);
  await expectNoAxeViolations(page);

  const [letter] = await lettersWith(paragraph, syrianMinistry.email, 1);
  expect(letter!.to).toEqual([syrianMinistry.email]);
  expect(letter!.reply_to).toEqual([]);
  expect(letter!.cc).toEqual([]);
  expect(letter!.from).toMatch(/nida/i);
  expect(subjects).toContain(letter!.subject);
  expect(letter!.text).toContain(`Dear ${isolate(syrianMinistry.name)},`);
  expect(letter!.text).toMatch(/Yours sincerely,\s+\u2068Layla, Syria\u2069/);
  for (const part of [letter!.text ?? "", letter!.html ?? "", letter!.from]) {
    expect(part).not.toContain(signer.email);
    expect(part).not.toContain("Haddad");
  }

  // Sending again is refused, and says why; nothing more reaches the ministry.
  await page.getByRole("button", { name: "Send through Nida" }).click();
  await expect(page.locator("#letter-errors")).toContainText("You have already written to this recipient about this campaign.");
  // Back on the page later, it says so before they write.
  await page.reload();
  await expect(ministry).toBeDisabled();
  await expect(page.locator("label", { hasText: syrianMinistry.name })).toContainText("You wrote to them on");
  expect(await lettersWith(paragraph, syrianMinistry.email, 1)).toHaveLength(1);

  // The privacy page says what a letter reveals.
  await page.getByRole("link", { name: "What a letter reveals about you" }).click();
  await expect(page).toHaveURL(/\/en\/privacy#privacy-letters$/);
  await expect(page.getByRole("heading", { name: "What a letter reveals, and to whom" })).toBeVisible();
  await expect(page.getByText("Your e-mail address goes with it only if you tick")).toBeVisible();
});

test("a signer who chooses a marked recipient before the page's script has arrived is warned as soon as it has", async ({ page }) => {
  // A slow connection: the form is on screen and usable while its script is still on the way.
  await confirmedSupporter(page, "SY");
  const writeHref = await page.getByRole("link", { name: "Write a letter" }).getAttribute("href");
  let release = () => {};
  const scriptsArrive = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await scriptsArrive;
    await route.continue();
  });
  await page.goto(writeHref!, { waitUntil: "domcontentloaded" });

  const ministry = page.getByRole("radio", { name: new RegExp(syrianMinistry.name) });
  await ministry.check();
  await expect(page.getByRole("heading", { name: `Before you write to ${syrianMinistry.name}` })).toHaveCount(0);

  release();
  await expect(page.getByRole("heading", { name: `Before you write to ${syrianMinistry.name}` })).toBeVisible();
  await expect(ministry).toBeChecked();
  await expect(page.getByRole("checkbox", { name: `I have read this warning and still want to write to ${syrianMinistry.name}` })).not.toBeChecked();
});

test("a supporter who ticks both boxes lets the recipient reply to them and receives a copy", async ({ page }) => {
  const signer = await confirmedSupporter(page);
  const paragraph = `${personal} ${uniqueTag()}`;

  await page.getByRole("link", { name: "Write a letter" }).click();
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("GB");
  await page.getByLabel("Region or constituency").selectOption("London");
  await page.getByRole("button", { name: "Show who I can write to" }).click();
  await expect(page).toHaveURL(/country=GB&region=London/);
  await page.getByRole("radio", { name: new RegExp(londonMember.name) }).check();
  await expect(page.getByLabel("The letter", { exact: true })).toHaveValue(/^I am writing to ask you to support the referral of the situation in Syria/);

  // Not without a paragraph of one's own.
  await page.getByRole("button", { name: "Send through Nida" }).click();
  await expect(page.locator("#letter-errors")).toContainText("Write a paragraph in your own words.");

  await page.getByLabel("Sign the letter as").fill("Layla Haddad");
  await page.getByLabel("Your own paragraph").fill(paragraph);
  await page.getByRole("checkbox", { name: `Let them reply to me at ${signer.email}` }).check();
  await page.getByRole("checkbox", { name: "Send me a copy" }).check();
  await page.getByRole("button", { name: "Send through Nida" }).click();
  const status = page.getByRole("status").filter({ hasText: "Your letter to" });
  await expect(status).toContainText(`Your letter to ${londonMember.name} has been sent`);
  await expect(status).toContainText(`Replies will come to ${signer.email}. A copy is on its way to ${signer.email}.`);

  const [letter] = await lettersWith(paragraph, londonMember.email, 1);
  expect(letter!.to).toEqual([londonMember.email]);
  expect(letter!.reply_to).toEqual([signer.email]);
  expect(letter!.cc).toEqual([signer.email]);
  expect(letter!.from).not.toContain(signer.email);
  expect(subjects).toContain(letter!.subject);
  await expect(status).toContainText(`“${letter!.subject}”`);
  expect(letter!.text).toContain("Layla Haddad");
  expect(letter!.text).toContain(`Replies to this e-mail go to ${isolate("Layla Haddad")} directly`);
});

test("without JavaScript and without confirming, a supporter writes in Arabic and opens the letter in their own mail client", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "ar" });
  const page = await context.newPage();
  try {
    await page.goto(`/ar/campaigns/${campaign.slug}`);
    await page.getByRole("link", { name: "راسِل ممثليك" }).click();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("راسِل ممثليك");
    await expect(page.getByRole("button", { name: "أرسِل عبر «نداء»" })).toHaveCount(0);

    await page.getByLabel("البلد", { exact: true }).selectOption("DE");
    await page.getByRole("button", { name: "اعرض من يمكنني مراسلته" }).click();
    // The Arabic list names each one as the directory does in Arabic, isolated.
    await expect(page.getByRole("radio", { name: new RegExp(germanCommittee.nameAr) })).toHaveCount(1);
    await expect(page.locator("label bdi", { hasText: germanCommittee.name })).toHaveCount(0);
    await page.getByRole("radio", { name: new RegExp(germanCommittee.nameAr) }).check();
    await expect(page.getByLabel("نص الرسالة")).toHaveValue(/^أكتب إليكم لأطلب دعمكم لإحالة الوضع في سوريا/);
    await expect(page.getByLabel("نص الرسالة")).toHaveAttribute("dir", "rtl");

    // A plain POST, and a per-field error in Arabic.
    await page.getByRole("button", { name: "افتحها في برنامج البريد لديّ" }).click();
    await expect(page.locator("#letter-errors")).toContainText("اكتب فقرة بكلماتك.");

    await page.getByLabel("توقيع الرسالة").fill("ليلى حداد");
    await page.getByLabel("فقرتك الخاصة").fill("نشأتُ في حلب وما زالت عائلتي في إدلب، والعدالة لما عاشوه تعني لي الكثير.");
    await page.getByRole("button", { name: "افتحها في برنامج البريد لديّ" }).click();
    const open = page.getByRole("link", { name: "افتحها في برنامج البريد لديّ" });
    const href = (await open.getAttribute("href")) ?? "";
    const mailto = new URL(href);
    expect(mailto.protocol).toBe("mailto:");
    expect(mailto.pathname).toBe(germanCommittee.email);
    expect(mailto.searchParams.get("body")).toContain("العدالة لما عاشوه تعني لي الكثير");
    expect(mailto.searchParams.get("body")).toContain(`حضرة ${germanCommittee.nameAr} المحترم/ة،`);
    expect(mailto.searchParams.get("subject")).toMatch(/المحكمة الجنائية الدولية|المحاسبة/);
  } finally {
    await context.close();
  }
});

test("without JavaScript, the warning about a risk-marked recipient is shown, and must be acknowledged, before the letter can go", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false, locale: "ar" });
  const page = await context.newPage();
  try {
    await page.goto(`/ar/campaigns/${campaign.slug}/write?country=SY`);
    const ministry = page.getByRole("radio", { name: new RegExp(syrianMinistry.nameAr) });
    await expect(ministry).not.toBeChecked();
    await expect(page.locator("label", { hasText: syrianMinistry.nameAr })).toContainText("قد تعرّضك مراسلتهم للخطر");
    await ministry.check();
    await page.getByLabel("توقيع الرسالة").fill("ليلى");
    await page.getByLabel("فقرتك الخاصة").fill("نشأتُ في حلب وما زالت عائلتي في إدلب، والعدالة لما عاشوه تعني لي الكثير.");
    await page.getByRole("button", { name: "افتحها في برنامج البريد لديّ" }).click();

    // The server answers with the warning and a box to tick; no letter yet.
    await expect(page.locator("#letter-errors")).toContainText("اقرأ التحذير الخاص بهذه الجهة وحدّد المربع للتأكيد");
    await expect(page.getByRole("heading", { name: new RegExp(`قبل أن تراسل ${syrianMinistry.nameAr}`) })).toBeVisible();
    await expect(page.getByRole("link", { name: "افتحها في برنامج البريد لديّ" })).toHaveCount(0);
    await expect(ministry).toBeChecked();

    await page.getByRole("checkbox", { name: new RegExp(`قرأت هذا التحذير وما زلت أريد مراسلة ${syrianMinistry.nameAr}`) }).check();
    await page.getByRole("button", { name: "افتحها في برنامج البريد لديّ" }).click();
    const href = (await page.getByRole("link", { name: "افتحها في برنامج البريد لديّ" }).getAttribute("href")) ?? "";
    expect(new URL(href).pathname).toBe(syrianMinistry.email);

    await page.getByRole("link", { name: "ما الذي تكشفه الرسالة عنك" }).click();
    await expect(page.getByRole("heading", { name: "ما الذي تكشفه الرسالة، ولمن" })).toBeVisible();
    await expect(page.getByText("ولا يُرفق بها عنوان بريدك الإلكتروني إلا إذا حدّدت")).toBeVisible();
  } finally {
    await context.close();
  }
});
