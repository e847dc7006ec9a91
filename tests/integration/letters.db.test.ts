import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../emails/confirm-signature";
import type { LetterProps } from "../../emails/letter";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { isolate } from "../../lib/i18n/isolate";
import { findLetterRecipients, preselectedRecipient } from "../../lib/letters/find-recipients";
import { getLetterSettings, updateLetterTemplate } from "../../lib/letters/letter-settings";
import { issueLetterToken } from "../../lib/letters/letter-token";
import { letterLimitReason, prepareMailtoLetter, sendLetter } from "../../lib/letters/send-letter";
import { findSentLetters } from "../../lib/letters/sent-letters";
import { renderTemplate } from "../../lib/mail/templates";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { signPetition } from "../../lib/signatures/sign-petition";
import { expectAppError } from "../fixtures/app-errors";
import { createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { createMember } from "../fixtures/organisers";
import { mailsTo, openOutbox } from "../fixtures/sealed-mail";
import { supporterWithEmail } from "../fixtures/sealed-signers";

const bodyEn = "I am writing to ask you to press for the protection of civilians in northwest Syria.\n\nPlease raise it with those you can reach.";
const bodyAr = "أكتب إليكم لأطلب أن تعملوا على حماية المدنيين في شمال غرب سوريا.";
const personal = "My cousin teaches in a school in Idlib that was damaged last spring; the children deserve to learn in safety.";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function letterCampaign(options: { cap?: number; subjectsEn?: string[] } = {}) {
  const campaign = await createCampaign();
  await db.campaign.update({
    where: { id: campaign.id },
    data: {
      letterSubjects: { en: options.subjectsEn ?? ["Protect civilians", "Civilians need you", "A request from a constituent"], ar: ["احموا المدنيين"] },
      letterBody: { en: bodyEn, ar: bodyAr },
      letterDailyCap: options.cap ?? 20,
    },
  });
  const organisationId = campaign.owners[0]!.organisationId;
  const person = ({ nameAr, ...data }: { name: string; nameAr?: string; country: string; region?: string }) =>
    db.decisionMaker.create({ data: { ...data, name: { en: data.name, ...(nameAr ? { ar: nameAr } : {}) }, organisationId, institution: { en: `${data.name}'s office` }, email: uniqueEmail("office") } });
  const recipients = {
    london: await person({ name: "Member for London", country: "GB", region: "London" }),
    scotland: await person({ name: "Member for Scotland", country: "GB", region: "Scotland" }),
    britain: await person({ name: "Foreign Secretary", country: "GB" }),
    france: await person({ name: "Députée", country: "FR" }),
    un: await person({ name: "Security Council", nameAr: "مجلس الأمن", country: "UN" }),
  };
  return { campaign, recipients };
}

// Signs and confirms as a supporter would: the confirmation link comes from the outbox.
async function confirmedSupporter(campaign: Campaign, overrides: Record<string, unknown> = {}) {
  const input = signInput({ country: "GB", ...overrides });
  await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: null });
  const signature = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporter: supporterWithEmail(input.email as string) } });
  const message = await openOutbox(await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: { startsWith: `confirm-signature:${signature.id}:` } } }));
  const token = (message.payload as unknown as ConfirmSignatureProps).confirmUrl.split("/confirm/")[1]!;
  const confirmed = await confirmSignature({ token });
  expect(confirmed.letterToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return { email: input.email as string, name: input.name as string, signatureId: signature.id, letterToken: confirmed.letterToken! };
}

function letter(recipientId: string, overrides: Record<string, unknown> = {}) {
  return { recipient: recipientId, name: "Layla Haddad", body: bodyEn, personal, ...overrides };
}

async function lettersTo(decisionMakerId: string) {
  return db.letter.findMany({ where: { decisionMakerId }, orderBy: { createdAt: "asc" } });
}

async function letterMessagesTo(address: string) {
  return mailsTo(address, { template: "letter" });
}

describe("letters to representatives", () => {
  it("confirming a signature issues a letter token that lasts a day, of which only the hash is stored", async () => {
    const { campaign } = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    const stored = await db.supporterToken.findUniqueOrThrow({ where: { tokenHash: createHash("sha256").update(supporter.letterToken).digest("hex") } });
    expect(stored.purpose).toBe("LETTER");
    const hours = (stored.expiresAt!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);
    expect(await db.supporterToken.count({ where: { tokenHash: supporter.letterToken } })).toBe(0);
  });

  it("finds the decision-makers of the writer's country and region, and the international ones for everyone", async () => {
    const { campaign, recipients } = await letterCampaign();
    const ids = async (place: { country?: string; region?: string }) =>
      (await findLetterRecipients({ campaignId: campaign.id, ...place })).recipients.map((recipient) => recipient.id);

    const inBritain = await findLetterRecipients({ campaignId: campaign.id, country: "GB" });
    expect(inBritain.regions).toEqual(expect.arrayContaining(["London", "Scotland"]));
    expect(await ids({ country: "GB" })).toEqual(expect.arrayContaining([recipients.britain.id, recipients.un.id]));
    expect(await ids({ country: "GB" })).not.toContain(recipients.london.id);

    const inLondon = await ids({ country: "GB", region: "London" });
    expect(inLondon).toEqual(expect.arrayContaining([recipients.london.id, recipients.britain.id, recipients.un.id]));
    expect(inLondon).not.toContain(recipients.scotland.id);
    expect(inLondon.indexOf(recipients.london.id)).toBeLessThan(inLondon.indexOf(recipients.un.id));

    const inFrance = await ids({ country: "FR" });
    expect(inFrance).toEqual(expect.arrayContaining([recipients.france.id, recipients.un.id]));
    expect(inFrance).not.toContain(recipients.britain.id);

    // Somewhere the directory does not cover: the international bodies still.
    const elsewhere = await ids({ country: "BR" });
    expect(elsewhere).toContain(recipients.un.id);
    expect(elsewhere).not.toContain(recipients.france.id);

    await db.decisionMaker.update({ where: { id: recipients.france.id }, data: { retiredAt: new Date() } });
    expect(await ids({ country: "FR" })).not.toContain(recipients.france.id);
  });

  it("by default a letter carries the name line the writer chose and nothing else of theirs: no Reply-To, no copy", async () => {
    const { campaign, recipients } = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    const sent = await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.london.id, { name: "Layla, Syria" }), locale: "en" });
    expect(sent).toMatchObject({ recipientName: "Member for London", replyTo: null, copyTo: null });

    const [row] = await lettersTo(recipients.london.id);
    expect(row).toMatchObject({ campaignId: campaign.id, signatureId: supporter.signatureId, locale: "en", subject: sent.subject });
    const [message] = await letterMessagesTo(recipients.london.email);
    expect(message).toMatchObject({ replyTo: null, cc: null, idempotencyKey: row!.outboxKey });
    const count = await db.letterDailyCount.findFirstOrThrow({ where: { campaignId: campaign.id, decisionMakerId: recipients.london.id } });
    expect(count.sent).toBe(1);

    const email = await renderTemplate("letter", message!.payload as unknown as LetterProps);
    expect(email.subject).toBe(sent.subject);
    expect(email.text).toContain(`Dear ${isolate("Member for London")},`);
    expect(email.text).toContain(personal);
    expect(email.text).toContain(`Yours sincerely, ${isolate("Layla, Syria")}`);
    expect(email.text).toContain("replies to this e-mail do not reach them");
    // Neither the address nor the full name given when signing is anywhere in the letter.
    for (const part of [email.text, email.html, JSON.stringify(message!.payload)]) {
      expect(part).not.toContain(supporter.email);
      expect(part).not.toContain(supporter.name);
    }
  });

  it("the writer's address goes with the letter only as they ticked it: Reply-To, a copy, or both", async () => {
    const { campaign, recipients } = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    const send = (recipientId: string, ticks: Record<string, string>) =>
      sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipientId, ticks), locale: "en" });

    expect(await send(recipients.london.id, { replyToMe: "yes" })).toMatchObject({ replyTo: supporter.email, copyTo: null });
    expect(await send(recipients.britain.id, { copyToMe: "yes" })).toMatchObject({ replyTo: null, copyTo: supporter.email });
    expect(await send(recipients.un.id, { replyToMe: "yes", copyToMe: "yes" })).toMatchObject({ replyTo: supporter.email, copyTo: supporter.email });

    const [london] = await letterMessagesTo(recipients.london.email);
    expect(london).toMatchObject({ replyTo: supporter.email, cc: null });
    expect((await renderTemplate("letter", london!.payload as unknown as LetterProps)).text).toContain(`Replies to this e-mail go to ${isolate("Layla Haddad")} directly`);
    const [britain] = await letterMessagesTo(recipients.britain.email);
    expect(britain).toMatchObject({ replyTo: null, cc: supporter.email });
    expect((await renderTemplate("letter", britain!.payload as unknown as LetterProps)).text).toContain("replies to this e-mail do not reach them");
    expect((await letterMessagesTo(recipients.un.email))[0]).toMatchObject({ replyTo: supporter.email, cc: supporter.email });
  });

  it("in Arabic the letter is prefilled, sent and rendered right to left in Arabic", async () => {
    const { campaign, recipients } = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    const arabicPersonal = "عائلتي تعيش في إدلب منذ سنوات، وأطفال الحيّ يستحقون أن يذهبوا إلى مدارسهم بأمان.";
    await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.un.id, { body: bodyAr, personal: arabicPersonal }), locale: "ar" });
    const [message] = await letterMessagesTo(recipients.un.email);
    expect(message!.locale).toBe("ar");
    const email = await renderTemplate("letter", message!.payload as unknown as LetterProps);
    expect(email.subject).toBe("احموا المدنيين");
    expect(email.html).toMatch(/<html[^>]*dir="rtl"/);
    // Greeted by their Arabic name, which the directory has.
    expect(email.text).toContain(`حضرة ${isolate("مجلس الأمن")} المحترم/ة،`);
    expect(email.text).toContain(arabicPersonal);
  });

  it("refuses to send without a token, with an unknown or expired one, or for a signature that is not confirmed; nothing is written", async () => {
    const { campaign, recipients } = await letterCampaign();
    const input = letter(recipients.britain.id);
    await expectAppError(sendLetter({ campaignSlug: campaign.slug, token: "", input, locale: "en" }), "TOKEN_INVALID");
    await expectAppError(sendLetter({ campaignSlug: campaign.slug, token: "A".repeat(43), input, locale: "en" }), "TOKEN_INVALID");

    // Signed but never confirmed: even a token of its own does not let the letter go.
    const pending = signInput();
    await signPetition({ campaignSlug: campaign.slug, input: pending, locale: "en", ipAddress: null });
    const supporter = await db.supporter.findFirstOrThrow({ where: supporterWithEmail(pending.email as string) });
    const pendingToken = await db.$transaction((tx) => issueLetterToken(tx, supporter.id));
    await expectAppError(sendLetter({ campaignSlug: campaign.slug, token: pendingToken, input, locale: "en" }), "FORBIDDEN");

    // Confirmed on another campaign only.
    const other = await letterCampaign();
    const elsewhere = await confirmedSupporter(other.campaign);
    await expectAppError(sendLetter({ campaignSlug: campaign.slug, token: elsewhere.letterToken, input, locale: "en" }), "FORBIDDEN");

    const confirmed = await confirmedSupporter(campaign);
    const later = new Date(Date.now() + 25 * 3_600_000);
    await expectAppError(sendLetter({ campaignSlug: campaign.slug, token: confirmed.letterToken, input, locale: "en", now: later }), "TOKEN_EXPIRED");

    expect(await lettersTo(recipients.britain.id)).toEqual([]);
    expect(await letterMessagesTo(recipients.britain.email)).toEqual([]);
  });

  it("a letter without a personal paragraph of the writer's own is refused per field, and nothing is written", async () => {
    const { campaign, recipients } = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    const send = (overrides: Record<string, unknown>) =>
      sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.france.id, overrides), locale: "en" });

    await expectAppError(send({ personal: "" }), "VALIDATION", { personal: "personalRequired" });
    await expectAppError(send({ personal: undefined }), "VALIDATION", { personal: "personalRequired" });
    await expectAppError(send({ personal: "I care." }), "VALIDATION", { personal: "personalTooShort" });
    await expectAppError(send({ personal: bodyEn }), "VALIDATION", { personal: "personalIsTemplate" });
    await expectAppError(send({ personal: "  I am WRITING to ask you to press for the protection   of civilians in northwest Syria. " }), "VALIDATION", { personal: "personalIsTemplate" });
    await expectAppError(send({ personal: "", name: "" }), "VALIDATION", { personal: "personalRequired", name: "nameRequired" });

    expect(await lettersTo(recipients.france.id)).toEqual([]);
    expect(await letterMessagesTo(recipients.france.email)).toEqual([]);
    expect(await db.letterDailyCount.findMany({ where: { decisionMakerId: recipients.france.id } })).toEqual([]);
  });

  it("refuses a recipient the campaign's supporters cannot write to", async () => {
    const { campaign } = await letterCampaign();
    const other = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    await expectAppError(
      sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(other.recipients.france.id), locale: "en" }),
      "VALIDATION",
      { recipient: "recipientRequired" },
    );
  });

  it("rotates subject lines among the template's variants", async () => {
    const { campaign, recipients } = await letterCampaign({ subjectsEn: ["First subject", "Second subject"] });
    const subjects: string[] = [];
    for (let index = 0; index < 3; index++) {
      const supporter = await confirmedSupporter(campaign);
      subjects.push((await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.britain.id), locale: "en" })).subject);
    }
    expect(subjects).toEqual(["First subject", "Second subject", "First subject"]);
    const messages = await letterMessagesTo(recipients.britain.email);
    const rendered = await Promise.all(messages.map((message) => renderTemplate("letter", message.payload as unknown as LetterProps)));
    expect(rendered.map((email) => email.subject)).toEqual(subjects);
  });

  it("a second letter from the same signature to the same recipient is refused by the database, however it is sent", async () => {
    const { campaign, recipients } = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    const send = (letterKey?: string) => sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.un.id), locale: "en", letterKey });
    const letterKey = randomUUID();
    await send(letterKey);
    // The same form again, a new page, and several at once: each is refused, per field.
    await expectAppError(send(letterKey), "VALIDATION", { recipient: "alreadyWritten" });
    await expectAppError(send(randomUUID()), "VALIDATION", { recipient: "alreadyWritten" });
    const racing = await Promise.allSettled(Array.from({ length: 3 }, () => send(randomUUID())));
    for (const result of racing) expect(result).toMatchObject({ status: "rejected", reason: { code: "VALIDATION", fields: { recipient: "alreadyWritten" } } });
    expect(await lettersTo(recipients.un.id)).toHaveLength(1);
    expect(await letterMessagesTo(recipients.un.email)).toHaveLength(1);
    expect((await db.letterDailyCount.findFirstOrThrow({ where: { campaignId: campaign.id, decisionMakerId: recipients.un.id } })).sent).toBe(1);

    // The rule is the database's own, not the code's.
    const [first] = await lettersTo(recipients.un.id);
    const duplicate = db.letter.create({
      data: { campaignId: campaign.id, decisionMakerId: recipients.un.id, signatureId: supporter.signatureId, locale: "en", subject: "Again", outboxKey: `test:${randomUUID()}` },
    });
    await expect(duplicate).rejects.toMatchObject({ code: "P2002" });
    expect(first!.signatureId).toBe(supporter.signatureId);

    // Another recipient, and another signer to the same recipient, are not affected.
    await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.britain.id), locale: "en" });
    const other = await confirmedSupporter(campaign);
    await sendLetter({ campaignSlug: campaign.slug, token: other.letterToken, input: letter(recipients.un.id), locale: "en" });
    expect(await lettersTo(recipients.un.id)).toHaveLength(2);
  });

  it("one signature sends at most LETTERS_PER_SIGNATURE_PER_DAY letters a UTC day, even at once; the next day it may send again", async () => {
    const limit = env.LETTERS_PER_SIGNATURE_PER_DAY;
    const { campaign } = await letterCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const offices = await Promise.all(
      Array.from({ length: limit + 3 }, (_, index) =>
        db.decisionMaker.create({ data: { name: { en: `Office ${index}` }, institution: { en: "Parliament" }, country: "GB", organisationId, email: uniqueEmail("office") } }),
      ),
    );
    const supporter = await confirmedSupporter(campaign);
    // The link outlives the day for this test.
    await db.supporterToken.updateMany({ where: { tokenHash: createHash("sha256").update(supporter.letterToken).digest("hex") }, data: { expiresAt: new Date(Date.now() + 72 * 3_600_000) } });
    const today = new Date();
    const results = await Promise.allSettled(
      offices.slice(0, limit + 2).map((office) => sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(office.id), locale: "en", now: today })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(limit);
    for (const result of results.filter((result) => result.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "RATE_LIMITED", message: letterLimitReason.signatureLimit });
    }
    expect(await db.letter.count({ where: { signatureId: supporter.signatureId } })).toBe(limit);
    expect(await mailsTo(offices.map((office) => office.email), { template: "letter" })).toHaveLength(limit);
    const sent = await findSentLetters({ signatureId: supporter.signatureId, now: today });
    expect(sent).toMatchObject({ today: limit, dailyLimit: limit });

    const tomorrow = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + 1, 0, 0, 1));
    await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(offices.at(-1)!.id), locale: "en", now: tomorrow });
    expect(await db.letter.count({ where: { signatureId: supporter.signatureId } })).toBe(limit + 1);
  });

  it("with a cap of N, N letters of a campaign go to a decision-maker in a day and the next is refused without writing anything", async () => {
    const cap = 3;
    const { campaign, recipients } = await letterCampaign({ cap });
    const supporters = await Promise.all(Array.from({ length: cap + 1 }, () => confirmedSupporter(campaign)));
    const send = (index: number, recipientId: string) => sendLetter({ campaignSlug: campaign.slug, token: supporters[index]!.letterToken, input: letter(recipientId), locale: "en" });
    for (let index = 0; index < cap; index++) await send(index, recipients.scotland.id);
    await expectAppError(send(cap, recipients.scotland.id), "RATE_LIMITED");

    expect(await lettersTo(recipients.scotland.id)).toHaveLength(cap);
    expect(await letterMessagesTo(recipients.scotland.email)).toHaveLength(cap);
    expect((await db.letterDailyCount.findFirstOrThrow({ where: { decisionMakerId: recipients.scotland.id } })).sent).toBe(cap);
    // Another decision-maker is not affected.
    await send(cap, recipients.london.id);
    expect(await lettersTo(recipients.london.id)).toHaveLength(1);
  });

  it("the cap is per campaign: one campaign's letters at the cap leave another campaign's letters to the same person alone", async () => {
    const cap = 2;
    const first = await letterCampaign({ cap });
    const second = await letterCampaign({ cap });
    // The second campaign targets the first one's foreign secretary too.
    const shared = first.recipients.britain;
    await db.campaignTarget.create({ data: { campaignId: second.campaign.id, decisionMakerId: shared.id } });
    const write = async (campaign: Campaign) => {
      const supporter = await confirmedSupporter(campaign);
      return sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(shared.id), locale: "en" });
    };
    for (let index = 0; index < cap; index++) await write(first.campaign);
    await expectAppError(write(first.campaign), "RATE_LIMITED");

    for (let index = 0; index < cap; index++) await write(second.campaign);
    await expectAppError(write(second.campaign), "RATE_LIMITED");
    const letters = await lettersTo(shared.id);
    expect(letters.filter((row) => row.campaignId === first.campaign.id)).toHaveLength(cap);
    expect(letters.filter((row) => row.campaignId === second.campaign.id)).toHaveLength(cap);
    expect(await letterMessagesTo(shared.email)).toHaveLength(2 * cap);
  });

  it("the cap holds under concurrent sends", async () => {
    const cap = 4;
    const attempts = 12;
    const { campaign, recipients } = await letterCampaign({ cap });
    const supporters = await Promise.all(Array.from({ length: attempts }, () => confirmedSupporter(campaign)));
    const results = await Promise.allSettled(
      supporters.map((supporter) => sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.un.id), locale: "en" })),
    );
    const refused = results.filter((result) => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(cap);
    expect(refused).toHaveLength(attempts - cap);
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "RATE_LIMITED" });
    expect(await lettersTo(recipients.un.id)).toHaveLength(cap);
    expect(await letterMessagesTo(recipients.un.email)).toHaveLength(cap);
    expect((await db.letterDailyCount.findFirstOrThrow({ where: { decisionMakerId: recipients.un.id } })).sent).toBe(cap);
  });

  it("without a token, a letter can still be opened in the writer's own mail client, and nothing is stored", async () => {
    const { campaign, recipients } = await letterCampaign();
    const mail = await prepareMailtoLetter({ campaignSlug: campaign.slug, input: letter(recipients.france.id), locale: "en" });
    const url = new URL(mail.href);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe(recipients.france.email);
    expect(url.searchParams.get("subject")).toBe("Protect civilians");
    expect(url.searchParams.get("body")).toContain(personal);
    expect(url.searchParams.get("body")).toContain("Dear Députée,");
    expect(await lettersTo(recipients.france.id)).toEqual([]);
    await expectAppError(prepareMailtoLetter({ campaignSlug: campaign.slug, input: letter(recipients.france.id, { personal: "" }), locale: "en" }), "VALIDATION", {
      personal: "personalRequired",
    });
  });

  it("organisers edit the template and see letters per decision-maker; viewers only read", async () => {
    const { campaign, recipients } = await letterCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const organiser = await createMember(organisationId, "ORGANISER");
    const viewer = await createMember(organisationId, "VIEWER");
    const outsider = await createMember((await createCampaign()).owners[0]!.organisationId, "OWNER");

    const input = { letterSubjects: { en: "One\n\nTwo\n", ar: "واحد" }, letterBody: { en: "A body.", ar: "نص." }, dailyCap: "5" };
    await expectAppError(updateLetterTemplate({ actor: viewer, campaignId: campaign.id, input }), "FORBIDDEN");
    await expectAppError(updateLetterTemplate({ actor: outsider, campaignId: campaign.id, input }), "NOT_FOUND");
    await expectAppError(updateLetterTemplate({ actor: organiser, campaignId: campaign.id, input: { ...input, dailyCap: "-1", letterSubjects: { ...input.letterSubjects, ar: "" } } }), "VALIDATION", {
      dailyCap: "capInvalid",
      "letterSubjects.ar": "subjectsRequired",
    });
    await updateLetterTemplate({ actor: organiser, campaignId: campaign.id, input });
    const saved = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(saved).toMatchObject({ letterSubjects: { en: ["One", "Two"], ar: ["واحد"] }, letterBody: { en: "A body.", ar: "نص." }, letterDailyCap: 5 });

    const send = async () => {
      const supporter = await confirmedSupporter(campaign);
      return sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.london.id, { body: "A body." }), locale: "en" });
    };
    await send();
    await send();
    await db.letter.updateMany({ where: { decisionMakerId: recipients.london.id }, data: { createdAt: new Date("2026-01-01T12:00:00Z") } });
    await send();

    const settings = await getLetterSettings({ actor: viewer, campaignId: campaign.id });
    expect(settings.role).toBe("VIEWER");
    expect(settings.received).toEqual([expect.objectContaining({ decisionMakerId: recipients.london.id, total: 3, today: 1 })]);
  });

  it("the template takes every language, needs only the campaign's own, and a language left empty is not stored", async () => {
    const campaign = await createCampaign();
    await db.campaign.update({ where: { id: campaign.id }, data: { primaryLocale: "ar", title: { ar: "احموا المدنيين" } } });
    const organiser = await createMember(campaign.owners[0]!.organisationId, "ORGANISER");
    const turkish = { letterSubjects: { tr: "Sivilleri koruyun" }, letterBody: { tr: "Sivillerin korunması için çalışmanızı istiyorum." }, dailyCap: "5" };
    await expectAppError(updateLetterTemplate({ actor: organiser, campaignId: campaign.id, input: turkish }), "VALIDATION", { "letterBody.ar": "primaryRequired" });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { letterBody: true } })).toEqual({ letterBody: {} });

    await updateLetterTemplate({
      actor: organiser,
      campaignId: campaign.id,
      input: { letterSubjects: { ...turkish.letterSubjects, ar: "احموا المدنيين", en: "" }, letterBody: { ...turkish.letterBody, ar: bodyAr, en: "  " }, dailyCap: "5" },
    });
    const saved = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { letterSubjects: true, letterBody: true } });
    expect(saved).toEqual({ letterSubjects: { ar: ["احموا المدنيين"], tr: ["Sivilleri koruyun"] }, letterBody: { ar: bodyAr, tr: turkish.letterBody.tr } });
    const settings = await getLetterSettings({ actor: organiser, campaignId: campaign.id });
    expect(settings.campaign).toMatchObject({ primaryLocale: "ar", title: { ar: "احموا المدنيين" } });
    expect(settings.template).toEqual({ letterSubjects: saved.letterSubjects, letterBody: saved.letterBody, dailyCap: 5 });
  });

  it("a supporter gets the letter in the page's language when it is written in it, else in the campaign's own; a campaign without English works", async () => {
    const { campaign, recipients } = await letterCampaign();
    const turkishBody = "Kuzeybatı Suriye'deki sivillerin korunması için çalışmanızı rica ediyorum.";
    await db.campaign.update({
      where: { id: campaign.id },
      data: { primaryLocale: "ar", title: { ar: "احموا المدنيين", tr: "Sivilleri koruyun" }, letterSubjects: { ar: ["احموا المدنيين"], tr: ["Sivilleri koruyun"] }, letterBody: { ar: bodyAr, tr: turkishBody } },
    });
    const supporter = await confirmedSupporter(campaign);
    const arabicPersonal = "عائلتي تعيش في إدلب منذ سنوات، وأطفال الحيّ يستحقون أن يذهبوا إلى مدارسهم بأمان.";
    // An English page: the campaign has no English letter, so it is the Arabic one.
    const sentToUn = await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.un.id, { body: bodyAr, personal: arabicPersonal }), locale: "en" });
    const [arabic] = await letterMessagesTo(recipients.un.email);
    expect(arabic!.locale).toBe("ar");
    expect(arabic!.payload).toMatchObject({ subject: "احموا المدنيين", campaignTitle: "احموا المدنيين", campaignTitleLocale: "ar", recipientName: "مجلس الأمن" });
    // The letter names them in its language, the English page that sent it in English.
    expect(sentToUn.recipientName).toBe("Security Council");
    expect((await renderTemplate("letter", arabic!.payload as unknown as LetterProps)).html).toMatch(/<html[^>]*dir="rtl"/);

    // A Turkish page: the Turkish letter, its subject, its greeting and the title in Turkish.
    await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.britain.id, { body: turkishBody }), locale: "tr" });
    const [turkish] = await letterMessagesTo(recipients.britain.email);
    expect(turkish!.locale).toBe("tr");
    expect(turkish!.payload).toMatchObject({ subject: "Sivilleri koruyun", campaignTitle: "Sivilleri koruyun", campaignTitleLocale: "tr" });
    expect((await renderTemplate("letter", turkish!.payload as unknown as LetterProps)).text).toContain(turkishBody);
    expect(await db.letter.findMany({ where: { campaignId: campaign.id }, select: { locale: true }, orderBy: { createdAt: "asc" } })).toEqual([{ locale: "ar" }, { locale: "tr" }]);
  });

  it("a recipient marked as a risk to writers is never preselected, and no letter to them leaves without the writer's acknowledgement", async () => {
    const { campaign, recipients } = await letterCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const ministry = await db.decisionMaker.create({
      data: { name: { en: "Minister of Foreign Affairs" }, institution: { en: "Ministry of Foreign Affairs" }, country: "SY", organisationId, email: uniqueEmail("ministry"), riskToSigners: true },
    });
    const choice = await findLetterRecipients({ campaignId: campaign.id, country: "SY" });
    expect(choice.recipients[0]).toMatchObject({ id: ministry.id, riskToSigners: true });
    expect(preselectedRecipient(choice.recipients, new Set())).toBe(recipients.un.id);

    const supporter = await confirmedSupporter(campaign, { country: "SY" });
    const send = (overrides: Record<string, unknown>) => sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(ministry.id, overrides), locale: "en" });
    await expectAppError(send({}), "VALIDATION", { acknowledgeRisk: "riskNotAcknowledged" });
    // Reported with the letter's other problems at once, so no one finds it only after fixing them.
    await expectAppError(send({ personal: "" }), "VALIDATION", { acknowledgeRisk: "riskNotAcknowledged", personal: "personalRequired" });
    await expectAppError(send({ acknowledgeRisk: "no" }), "VALIDATION", { acknowledgeRisk: "riskNotAcknowledged" });
    await expectAppError(prepareMailtoLetter({ campaignSlug: campaign.slug, input: letter(ministry.id), locale: "en" }), "VALIDATION", { acknowledgeRisk: "riskNotAcknowledged" });
    expect(await lettersTo(ministry.id)).toEqual([]);
    expect(await letterMessagesTo(ministry.email)).toEqual([]);

    await send({ acknowledgeRisk: "yes" });
    expect(await lettersTo(ministry.id)).toHaveLength(1);
    expect((await prepareMailtoLetter({ campaignSlug: campaign.slug, input: letter(ministry.id, { acknowledgeRisk: "yes" }), locale: "en" })).recipientName).toBe("Minister of Foreign Affairs");
    // Recipients without the mark need no acknowledgement.
    await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.un.id), locale: "en" });
  });

  it("the page knows what a signature has already sent: whom, and how many today", async () => {
    const { campaign, recipients } = await letterCampaign();
    const supporter = await confirmedSupporter(campaign);
    expect(await findSentLetters({ signatureId: supporter.signatureId })).toMatchObject({ sentOn: new Map(), today: 0 });
    await sendLetter({ campaignSlug: campaign.slug, token: supporter.letterToken, input: letter(recipients.un.id), locale: "en" });
    const sent = await findSentLetters({ signatureId: supporter.signatureId });
    expect([...sent.sentOn.keys()]).toEqual([recipients.un.id]);
    expect(sent.today).toBe(1);
    const choice = await findLetterRecipients({ campaignId: campaign.id, country: "FR" });
    expect(preselectedRecipient(choice.recipients, new Set(sent.sentOn.keys()))).toBe(recipients.france.id);
  });
});
