import { expect, test, type Page } from "@playwright/test";
import { capturedFor, confirmPath, newSigner, pressConfirm, seedCampaigns, sign, waitForConfirmationEmail } from "./helpers";
import type { Captured } from "../fixtures/resend-capture";
import { expectNoAxeViolations } from "./organiser-helpers";

// Signs and confirms on the ICC seed campaign (which no spec counts on), then writes to the seed
// directory's representatives (prisma/seed-data.ts): only this spec writes letters.
const campaign = seedCampaigns.icc;
const personal = "I grew up in Aleppo and still have family in Idlib. Justice for what they lived through matters to me more than I can say.";
const londonMember = { name: "Member of Parliament for London Example", email: "mp-london-example@example.org" };
const germanCommittee = { name: "Chair of the Committee on Foreign Affairs", email: "bundestag-foreign-affairs@example.org" };
const subjects = ["Please support referring Syria to the International Criminal Court", "Accountability for crimes against civilians in Syria"];

test.use({ locale: "en-GB" });

async function confirmedSupporter(page: Page) {
  const signer = newSigner({ name: "Layla Haddad", country: "GB" });
  await sign(page, campaign.slug, signer);
  await page.goto(confirmPath(await waitForConfirmationEmail(signer.email)));
  await pressConfirm(page, campaign.slug);
  return signer;
}

// The letters that reached `recipient` with a copy to `supporter`, once `count` have arrived.
async function lettersCopiedTo(supporter: string, recipient: string, count: number): Promise<Captured[]> {
  let letters: Captured[] = [];
  await expect
    .poll(
      async () => {
        letters = (await capturedFor(supporter)).filter((mail) => mail.to.includes(recipient));
        return letters.length;
      },
      { timeout: 30_000, message: `${count} letters to ${recipient}, copied to ${supporter}` },
    )
    .toBe(count);
  return letters;
}

test("a supporter confirms, writes to their representative with a paragraph of their own and sends it; replies go to them", async ({ page }) => {
  const signer = await confirmedSupporter(page);

  await page.getByRole("link", { name: "Write a letter" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/campaigns/${campaign.slug}/write\\?token=[A-Za-z0-9_-]{43}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write to your representatives");
  await expect(page.getByText(`You can send letters through Nida from ${signer.email}`)).toBeVisible();

  // The signer's country is already chosen; the directory has regions there.
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("GB");
  await page.getByLabel("Region or constituency").selectOption("London");
  await page.getByRole("button", { name: "Show who I can write to" }).click();
  await expect(page).toHaveURL(/country=GB&region=London/);
  await page.getByRole("radio", { name: new RegExp(londonMember.name) }).check();
  await expect(page.getByRole("radio", { name: /Security Council/ }).first()).toBeVisible();
  await expect(page.getByLabel("The letter")).toHaveValue(/^I am writing to ask you to support the referral of the situation in Syria/);

  // Not without a paragraph of one's own.
  await page.getByRole("button", { name: "Send through Nida" }).click();
  await expect(page.locator("#letter-errors")).toContainText("Write a paragraph in your own words.");

  await page.getByLabel("Your own paragraph").fill(personal);
  await page.getByRole("button", { name: "Send through Nida" }).click();
  const status = page.getByRole("status").filter({ hasText: "Your letter to" });
  await expect(status).toContainText(`Your letter to ${londonMember.name} has been sent`);
  await expectNoAxeViolations(page);

  const [letter] = await lettersCopiedTo(signer.email, londonMember.email, 1);
  expect(letter!.to).toEqual([londonMember.email]);
  expect(letter!.reply_to).toEqual([signer.email]);
  expect(letter!.cc).toEqual([signer.email]);
  expect(letter!.from).toMatch(/nida/i);
  expect(letter!.from).not.toContain(signer.email);
  expect(subjects).toContain(letter!.subject);
  await expect(status).toContainText(`“${letter!.subject}”`);
  expect(letter!.text).toContain(`Dear ${londonMember.name},`);
  expect(letter!.text).toContain(personal);
  expect(letter!.text).toContain("Layla Haddad");
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
    await page.getByRole("radio", { name: new RegExp(germanCommittee.name) }).check();
    await expect(page.getByLabel("نص الرسالة")).toHaveValue(/^أكتب إليكم لأطلب دعمكم لإحالة الوضع في سوريا/);
    await expect(page.getByLabel("نص الرسالة")).toHaveAttribute("dir", "rtl");

    // A plain POST, and a per-field error in Arabic.
    await page.getByRole("button", { name: "افتحها في برنامج البريد لديّ" }).click();
    await expect(page.locator("#letter-errors")).toContainText("اكتب فقرة بكلماتك.");

    await page.getByLabel("اسمك").fill("ليلى حداد");
    await page.getByLabel("فقرتك الخاصة").fill("نشأتُ في حلب وما زالت عائلتي في إدلب، والعدالة لما عاشوه تعني لي الكثير.");
    await page.getByRole("button", { name: "افتحها في برنامج البريد لديّ" }).click();
    const open = page.getByRole("link", { name: "افتحها في برنامج البريد لديّ" });
    const href = (await open.getAttribute("href")) ?? "";
    const mailto = new URL(href);
    expect(mailto.protocol).toBe("mailto:");
    expect(mailto.pathname).toBe(germanCommittee.email);
    expect(mailto.searchParams.get("body")).toContain("العدالة لما عاشوه تعني لي الكثير");
    expect(mailto.searchParams.get("body")).toContain(`حضرة ${germanCommittee.name} المحترم/ة،`);
    expect(mailto.searchParams.get("subject")).toMatch(/المحكمة الجنائية الدولية|المحاسبة/);
  } finally {
    await context.close();
  }
});

test("the daily cap per decision-maker holds: the letter after the cap is refused with a clear message", async ({ page }) => {
  test.setTimeout(240_000);
  const cap = 20; // the seed campaigns' daily cap per decision-maker
  const signer = await confirmedSupporter(page);
  await page.getByRole("link", { name: "Write a letter" }).click();
  const writeUrl = `${page.url()}&country=DE`;

  // Each page gives its letter a key of its own: every reload writes a new letter.
  for (let sent = 0; sent <= cap; sent++) {
    await page.goto(writeUrl);
    await page.getByRole("radio", { name: new RegExp(germanCommittee.name) }).check();
    await page.getByLabel("Your own paragraph").fill(`${personal} (${sent + 1})`);
    await page.getByRole("button", { name: "Send through Nida" }).click();
    if (sent < cap) await expect(page.getByRole("status").filter({ hasText: "has been sent" })).toBeVisible();
  }
  await expect(page.locator("#letter-errors")).toContainText("This decision-maker has already received as many letters through Nida today as we send in a day.");
  const letters = await lettersCopiedTo(signer.email, germanCommittee.email, cap);
  expect(letters).toHaveLength(cap);
});
