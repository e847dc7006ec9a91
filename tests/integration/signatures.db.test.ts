import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { ConfirmSignatureProps } from "../../emails/confirm-signature";
import { confirmedCount } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import type { Locale } from "../../lib/i18n/locales";
import { readTranslations } from "../../lib/i18n/translations";
import { emailHash } from "../../lib/sealing/lookup";
import { mailScope, sealText } from "../../lib/sealing/seal";
import { openSignatures, openSupporterEmails } from "../../lib/sealing/signer-data";
import { confirmSignature, describeConfirmation } from "../../lib/signatures/confirm-signature";
import { maxConfirmationEmails, signPetition } from "../../lib/signatures/sign-petition";
import { createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { expectAppError } from "../fixtures/app-errors";
import { mailsTo, openOutboxRows } from "../fixtures/sealed-mail";
import { supporterWithEmail } from "../fixtures/sealed-signers";
import { expectNothingStoredFor } from "./abuse/helpers";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

const titleOf = (campaign: Campaign) => readTranslations(campaign.title);

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

async function sign(campaign: { slug: string }, input: Record<string, unknown>, options: { locale?: Locale; ipAddress?: string | null; source?: string } = {}) {
  return signPetition({ campaignSlug: campaign.slug, input, locale: options.locale ?? "en", ipAddress: "ipAddress" in options ? options.ipAddress : "203.0.113.9", source: options.source });
}

// The campaign's signatures, their names, postcodes and comments opened.
async function signaturesOf(campaign: Campaign) {
  return openSignatures(await db.signature.findMany({ where: { campaignId: campaign.id }, include: { consents: true } }));
}

async function onlySignatureOf(campaign: Campaign) {
  const signatures = await signaturesOf(campaign);
  expect(signatures).toHaveLength(1);
  return signatures[0]!;
}

// The confirmation e-mails queued for one signature, oldest first.
async function confirmationMessages(signatureId: string) {
  const prefix = `confirm-signature:${signatureId}:`;
  const rows = await openOutboxRows(await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix } } }));
  return rows
    .map((row) => ({ ...row, sequence: Number(row.idempotencyKey.slice(prefix.length)), props: row.payload as unknown as ConfirmSignatureProps }))
    .sort((a, b) => a.sequence - b.sequence);
}

// The token a signer would find in the link of an e-mail.
function tokenIn(message: { props: ConfirmSignatureProps }): string {
  const match = message.props.confirmUrl.match(/\/confirm\/([A-Za-z0-9_-]+)$/);
  if (!match) throw new Error(`no confirmation link in ${message.props.confirmUrl}`);
  return match[1]!;
}

async function tokensOf(signatureId: string) {
  return db.confirmationToken.findMany({ where: { signatureId } });
}



// Runs `act` while the database refuses any outbox message about a signature of the supporter
// with `email` (a trigger for this one person only, so tests running alongside are unaffected).
// The address is sealed in the row, so the trigger knows the person by their signature, which
// the same statement wrote just before.
async function whileOutboxRefuses<T>(email: string, act: () => Promise<T>): Promise<T> {
  const name = `nida_test_refuse_${randomUUID().replaceAll("-", "")}`;
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF EXISTS (SELECT 1 FROM signatures s JOIN supporters sup ON sup.id = s.supporter_id WHERE s.id = NEW.signature_id AND sup.email_hash = '${emailHash(email)}') THEN
      RAISE EXCEPTION 'outbox refused by test';
    END IF;
    RETURN NEW;
  END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON outbox_messages FOR EACH ROW WHEN (NEW.signature_id IS NOT NULL) EXECUTE FUNCTION ${name}()`);
  try {
    return await act();
  } finally {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON outbox_messages`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
  }
}

describe("signPetition", () => {
  it("stores one pending signature and one outbox message, without counting it", async () => {
    const campaign = await createCampaign();
    const input = signInput({ postcode: " 10115 ", comment: " Stop the bombing. " });
    const result = await sign(campaign, input, { source: "whatsapp" });
    expect(result).toEqual({ campaignSlug: campaign.slug });

    const signature = await onlySignatureOf(campaign);
    expect(signature).toMatchObject({ state: "PENDING", name: "Layla Haddad", country: "SY", postcode: "10115", comment: "Stop the bombing.", locale: "en", source: "whatsapp", confirmedAt: null });
    const outbox = await mailsTo(input.email);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ template: "confirm-signature", locale: "en", status: "PENDING", idempotencyKey: `confirm-signature:${signature.id}:1` });
    expect(await confirmedCount(campaign.id)).toBe(0);
  });

  it("mails a confirmation link to /en/confirm/<token> and keeps only the token's hash", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    await sign(campaign, input);
    const signature = await onlySignatureOf(campaign);

    const [message, ...others] = await confirmationMessages(signature.id);
    expect(others).toEqual([]);
    expect(message!.toAddress).toBe(input.email);
    expect(message!.props).toMatchObject({
      locale: "en",
      name: "Layla Haddad",
      campaignTitle: titleOf(campaign).en,
      campaignUrl: `http://nida.test/en/campaigns/${campaign.slug}`,
      alreadyConfirmed: false,
    });
    expect(message!.props.confirmUrl).toMatch(/^http:\/\/nida\.test\/en\/confirm\/[A-Za-z0-9_-]{43}$/);
    const token = tokenIn(message!);

    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM confirmation_tokens WHERE signature_id = ${signature.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM confirmation_tokens WHERE token_hash = ${token}`).toEqual([]);
    // Nor is the token kept anywhere on the signature.
    expect(JSON.stringify(await db.signature.findUnique({ where: { id: signature.id } }))).not.toContain(token);
  });

  it("writes to an Arabic signer in Arabic: /ar/ links and the Arabic campaign title", async () => {
    const campaign = await createCampaign();
    await sign(campaign, signInput({ name: "ليلى الحداد" }), { locale: "ar" });
    const signature = await onlySignatureOf(campaign);
    expect(signature.locale).toBe("ar");
    const [message] = await confirmationMessages(signature.id);
    expect(message!.locale).toBe("ar");
    expect(message!.props).toMatchObject({ locale: "ar", name: "ليلى الحداد", campaignTitle: titleOf(campaign).ar, campaignUrl: `http://nida.test/ar/campaigns/${campaign.slug}` });
    expect(message!.props.confirmUrl).toMatch(/^http:\/\/nida\.test\/ar\/confirm\/[A-Za-z0-9_-]{43}$/);
  });

  it("names the campaign in the signer's language when it is written in it, else in the language it is written in", async () => {
    const campaign = await createCampaign();
    await db.campaign.update({ where: { id: campaign.id }, data: { primaryLocale: "ar", title: { ar: "احموا المدنيين في إدلب", tr: "İdlib'deki sivilleri koruyun" } } });
    await sign(campaign, signInput(), { locale: "tr" });
    await sign(campaign, signInput(), { locale: "en" });
    const titles = await Promise.all(
      (await signaturesOf(campaign)).map(async (signature) => {
        const { props } = (await confirmationMessages(signature.id))[0]!;
        return [signature.locale, [props.campaignTitle, props.campaignTitleLocale]];
      }),
    );
    expect(Object.fromEntries(titles)).toEqual({ tr: ["İdlib'deki sivilleri koruyun", "tr"], en: ["احموا المدنيين في إدلب", "ar"] });
  });

  it("refuses invalid input with a key per field and stores nothing", async () => {
    const campaign = await createCampaign();
    const email = uniqueEmail();
    const error = await expectAppError(sign(campaign, signInput({ email, name: "=HYPERLINK(\"http://x\")", country: "ZZ", comment: "x".repeat(501) })), "VALIDATION");
    expect(error.fields).toEqual({ name: "nameFormula", country: "countryRequired", comment: "commentTooLong" });
    expect(error.status).toBe(400);

    const malformed = await expectAppError(sign(campaign, signInput({ email: "not-an-address", name: "www.example.org" })), "VALIDATION");
    expect(malformed.fields).toEqual({ email: "emailInvalid", name: "nameUrl" });

    expect(await signaturesOf(campaign)).toEqual([]);
    await expectNothingStoredFor(email);
    expect(await mailsTo("not-an-address")).toEqual([]);
  });

  it("treats a draft or unknown campaign as not found, and stores nothing", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    const input = signInput();
    await expectAppError(sign(draft, input), "NOT_FOUND");
    await expectAppError(sign({ slug: `no-such-campaign-${randomUUID()}` }, input), "NOT_FOUND");
    expect(await signaturesOf(draft)).toEqual([]);
    await expectNothingStoredFor(input.email);
  });

  it.each([
    ["closed", { status: "CLOSED" as const }],
    ["past its closing time", { closesAt: new Date(Date.now() - 60_000) }],
    ["not open yet", { opensAt: new Date(Date.now() + 3_600_000) }],
  ])("refuses a campaign that is %s, and stores nothing", async (_label, options) => {
    const campaign = await createCampaign(options);
    const input = signInput();
    const error = await expectAppError(sign(campaign, input), "CAMPAIGN_NOT_OPEN");
    expect(error.status).toBe(409);
    expect(await signaturesOf(campaign)).toEqual([]);
    await expectNothingStoredFor(input.email);
  });

  it("records consent to hear from every co-owning organisation when the box is ticked", async () => {
    const campaign = await createCampaign({ coOwners: 2 });
    await sign(campaign, signInput({ consent: "on" }));
    const signature = await onlySignatureOf(campaign);
    expect(signature.consents.map((consent) => consent.organisationId).sort()).toEqual(campaign.owners.map((owner) => owner.organisationId).sort());
    expect(signature.consents).toHaveLength(3);
  });

  it.each([["an empty value", ""], ["no value", undefined]])("records no consent when the box is not ticked (%s)", async (_label, consent) => {
    const campaign = await createCampaign({ coOwners: 1 });
    await sign(campaign, signInput({ consent }));
    const signature = await onlySignatureOf(campaign);
    expect(signature.consents).toEqual([]);
  });

  it("signs a crowd arriving at once, across campaigns and languages, each exactly as if alone", async () => {
    const coalition = await createCampaign({ coOwners: 1 });
    const single = await createCampaign();
    // Closed a moment ago: the open status read just before is still held (the clock stands still),
    // so only the statement that records signatures can tell.
    const closing = await createCampaign();
    vi.useFakeTimers({ toFake: ["Date"] });
    const crowd = Array.from({ length: 30 }, (_, index) => ({
      campaign: index % 3 === 0 ? single : coalition,
      input: signInput({ name: `Signer ${index}`, consent: index % 2 === 0 ? "on" : undefined, postcode: index % 5 === 0 ? `PC ${index}` : "" }),
      locale: index % 4 === 0 ? ("ar" as const) : ("en" as const),
      ipAddress: `198.51.100.${index + 1}`,
    }));
    const latecomers = [signInput(), signInput()];
    let results: unknown[];
    let refused: unknown[];
    try {
      await sign(closing, signInput());
      await db.campaign.update({ where: { id: closing.id }, data: { status: "CLOSED" } });
      [results, refused] = await Promise.all([
        Promise.all(crowd.map((signer) => sign(signer.campaign, signer.input, { locale: signer.locale, ipAddress: signer.ipAddress }))),
        Promise.all(latecomers.map((input, index) => sign(closing, input, { ipAddress: `203.0.113.${index + 1}` }).catch((error: unknown) => error))),
      ]);
    } finally {
      vi.useRealTimers();
    }

    expect(results).toEqual(crowd.map((signer) => ({ campaignSlug: signer.campaign.slug })));
    for (const [index, input] of latecomers.entries()) {
      await expectAppError(Promise.reject(refused[index]), "CAMPAIGN_NOT_OPEN");
      await expectNothingStoredFor(input.email);
    }
    // They were turned away by that statement, which records their attempts and nothing else.
    expect(await db.signAttemptWindow.count({ where: { campaignId: closing.id } })).toBe(1 + latecomers.length);
    for (const signer of crowd) {
      const signatures = await openSignatures(await db.signature.findMany({ where: { supporter: supporterWithEmail(signer.input.email) }, include: { consents: true } }));
      expect(signatures).toHaveLength(1);
      const signature = signatures[0]!;
      expect(signature).toMatchObject({ campaignId: signer.campaign.id, state: "PENDING", name: signer.input.name, postcode: signer.input.postcode || null, locale: signer.locale });
      expect(signature.consents).toHaveLength(signer.input.consent ? signer.campaign.owners.length : 0);
      const [message, ...more] = await confirmationMessages(signature.id);
      expect(more).toEqual([]);
      expect(message).toMatchObject({ toAddress: signer.input.email, locale: signer.locale, props: { name: signer.input.name } });
      // The link in the e-mail is the one whose hash was stored for this signature.
      expect((await tokensOf(signature.id)).map((token) => token.tokenHash)).toEqual([sha256(tokenIn(message!))]);
      expect(message!.props.confirmUrl).toContain(`/${signer.locale}/confirm/`);
      expect(await db.supporterToken.count({ where: { supporter: supporterWithEmail(signer.input.email) } })).toBe(2);
    }
    expect(await confirmedCount(coalition.id)).toBe(0);
  });

  it("stores everyone else when one signer of a crowd cannot be stored", async () => {
    const campaign = await createCampaign();
    const crowd = Array.from({ length: 12 }, () => signInput());
    const refusedInput = crowd[5]!;
    const outcomes = await whileOutboxRefuses(refusedInput.email, () =>
      Promise.allSettled(crowd.map((input, index) => sign(campaign, input, { ipAddress: `192.0.2.${index + 1}` }))),
    );

    expect(outcomes.map((outcome) => outcome.status)).toEqual(crowd.map((input) => (input === refusedInput ? "rejected" : "fulfilled")));
    await expectNothingStoredFor(refusedInput.email);
    const stored = await db.signature.findMany({ where: { campaignId: campaign.id }, include: { supporter: true } });
    expect((await openSupporterEmails(stored.map((signature) => signature.supporter!))).map((supporter) => supporter.email).sort()).toEqual(crowd.filter((input) => input !== refusedInput).map((input) => input.email).sort());
    expect(await mailsTo(crowd.map((input) => input.email))).toHaveLength(crowd.length - 1);
  });

  it("keeps a hash of the signer's IP, never the IP, the same for the same IP", async () => {
    const campaign = await createCampaign();
    const first = signInput();
    const second = signInput();
    const other = signInput();
    const none = signInput();
    await sign(campaign, first, { ipAddress: "203.0.113.77" });
    await sign(campaign, second, { ipAddress: "203.0.113.77" });
    await sign(campaign, other, { ipAddress: "198.51.100.4" });
    await sign(campaign, none, { ipAddress: null });
    const rows = await db.signature.findMany({ where: { campaignId: campaign.id }, include: { supporter: true } });
    const hashOf = (email: string) => rows.find((row) => row.supporter?.emailHash === supporterWithEmail(email).emailHash)!.ipHash;

    expect(hashOf(first.email)).toEqual(expect.any(String));
    expect(hashOf(first.email)).toBe(hashOf(second.email));
    expect(hashOf(other.email)).not.toBe(hashOf(first.email));
    expect(hashOf(none.email)).toBeNull();
    for (const row of rows) {
      expect(row.ipHash ?? "").not.toContain("203.0.113.77");
      expect(row.ipHash ?? "").not.toContain("198.51.100.4");
      // Not a bare, unkeyed hash that anyone could reverse by hashing all IPv4 addresses.
      expect([sha256("203.0.113.77"), sha256("198.51.100.4")].some((hash) => hash.startsWith(row.ipHash ?? "-"))).toBe(false);
    }
  });
});

describe("a signer's own data at rest", () => {
  it("is sealed in the database, yet their e-mail greets them by name and another spelling of their address is the same person", async () => {
    const campaign = await createCampaign();
    const mailbox = `layla.haddad.${randomUUID().slice(0, 8)}`;
    const input = signInput({ name: "Layla Haddad", email: `${mailbox}@example.org`, postcode: "10115", comment: "Stop the bombing." });
    await sign(campaign, input);

    const [row, ...others] = await db.$queryRaw<{ id: string; supporter_id: string; name: string; postcode: string | null; comment: string | null }[]>`
      SELECT id, supporter_id, name, postcode, comment FROM signatures WHERE campaign_id = ${campaign.id}`;
    expect(others).toEqual([]);
    for (const [sealed, plain] of [[row!.name, "Layla"], [row!.name, "Haddad"], [row!.postcode, "10115"], [row!.comment, "bombing"]] as const) {
      expect(sealed).toMatch(/^s1\./);
      expect(sealed).not.toContain(plain);
    }
    const [supporter] = await db.$queryRaw<{ email: string; email_hash: string }[]>`SELECT email, email_hash FROM supporters WHERE id = ${row!.supporter_id}`;
    for (const stored of [supporter!.email, supporter!.email_hash]) {
      expect(stored).not.toContain(mailbox);
      expect(stored).not.toContain("@");
    }
    expect(supporter!.email).toMatch(/^s1\./);

    // Signing again as LAYLA.HADDAD…+petition@Example.org, under another name: the same person,
    // mailed again with the name their signature holds.
    const again = `${mailbox.toUpperCase()}+petition@Example.org`;
    await sign(campaign, signInput({ name: "Someone Else", email: again }));
    expect(await signaturesOf(campaign)).toHaveLength(1);
    expect(await db.supporter.count({ where: supporterWithEmail(input.email) })).toBe(1);
    const messages = await confirmationMessages(row!.id);
    expect(messages.map((message) => [message.toAddress, message.props.name])).toEqual([
      [input.email, "Layla Haddad"],
      [again, "Layla Haddad"],
    ]);
  });
});

describe("confirming a signature", () => {
  async function signedOnce(locale: "en" | "ar" = "en") {
    const campaign = await createCampaign();
    const input = signInput();
    await sign(campaign, input, { locale });
    const signature = await onlySignatureOf(campaign);
    const [message] = await confirmationMessages(signature.id);
    return { campaign, input, signature, token: tokenIn(message!) };
  }

  it("opening the link (GET) shows the signature and changes nothing", async () => {
    const { campaign, signature, token } = await signedOnce("ar");
    const view = await describeConfirmation({ token });
    expect(view).toEqual({
      campaignSlug: campaign.slug,
      campaignTitle: titleOf(campaign),
      campaignPrimaryLocale: "en",
      signerName: "Layla Haddad",
      signatureLocale: "ar",
    });
    await describeConfirmation({ token });

    expect((await onlySignatureOf(campaign)).state).toBe("PENDING");
    expect(await tokensOf(signature.id)).toHaveLength(1);
    expect(await confirmedCount(campaign.id)).toBe(0);
    // The token still works after a mail scanner (or the signer) opened the page.
    expect(await confirmSignature({ token })).toEqual({ campaignSlug: campaign.slug, signatureId: expect.any(String), standing: "counted", counted: true, letterToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
  });

  it("pressing Confirm confirms and counts the signature once; the link then no longer works", async () => {
    const { campaign, signature, token } = await signedOnce();
    const before = Date.now();
    expect(await confirmSignature({ token })).toEqual({ campaignSlug: campaign.slug, signatureId: signature.id, standing: "counted", counted: true, letterToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });

    const confirmed = await onlySignatureOf(campaign);
    expect(confirmed.state).toBe("CONFIRMED");
    expect(confirmed.confirmedAt!.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await tokensOf(signature.id)).toEqual([]);

    await expectAppError(confirmSignature({ token }), "TOKEN_INVALID");
    await expectAppError(describeConfirmation({ token }), "TOKEN_INVALID");
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("counts a signature once when Confirm is pressed several times at once", async () => {
    const { campaign, token } = await signedOnce();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => confirmSignature({ token })));

    const counted = results.filter((result) => result.status === "fulfilled" && result.value.counted);
    expect(counted).toHaveLength(1);
    for (const result of results) {
      if (result.status === "fulfilled") expect(result.value.campaignSlug).toBe(campaign.slug);
      else expect(result.reason).toMatchObject({ code: "TOKEN_INVALID" });
    }
    expect((await onlySignatureOf(campaign)).state).toBe("CONFIRMED");
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("refuses an expired link, both to show and to confirm, and counts nothing", async () => {
    const { campaign, signature, token } = await signedOnce();
    await db.confirmationToken.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1_000) } });

    expect((await expectAppError(describeConfirmation({ token }), "TOKEN_EXPIRED")).status).toBe(410);
    await expectAppError(confirmSignature({ token }), "TOKEN_EXPIRED");
    expect((await onlySignatureOf(campaign)).state).toBe("PENDING");
    expect(await confirmedCount(campaign.id)).toBe(0);
    expect(await tokensOf(signature.id)).toHaveLength(1);
  });

  it("gives a link a week by default", async () => {
    const { token } = await signedOnce();
    const row = await db.confirmationToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    const hours = (row.expiresAt.getTime() - row.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(167.9);
    expect(hours).toBeLessThan(168.1);
  });

  it("refuses unknown and malformed tokens", async () => {
    const { campaign, token } = await signedOnce();
    const unknown = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const bad of [unknown, "", "short", `${token}x`, sha256(token), "../../etc/passwd"]) {
      await expectAppError(describeConfirmation({ token: bad }), "TOKEN_INVALID");
      await expectAppError(confirmSignature({ token: bad }), "TOKEN_INVALID");
    }
    expect((await onlySignatureOf(campaign)).state).toBe("PENDING");
  });

  it("records the confirmation of a signature held as fraudulent (from before HELD), says it is held, and does not count it", async () => {
    const { campaign, signature, token } = await signedOnce();
    await db.signature.update({ where: { id: signature.id }, data: { state: "FRAUDULENT" } });

    expect(await confirmSignature({ token })).toEqual({ campaignSlug: campaign.slug, signatureId: signature.id, standing: "held", counted: false });
    expect(await onlySignatureOf(campaign)).toMatchObject({ state: "FRAUDULENT", confirmedAt: expect.any(Date) });
    expect(await confirmedCount(campaign.id)).toBe(0);
    expect(await tokensOf(signature.id)).toEqual([]);
  });
});

describe("signing again with the same address", () => {
  // Seven spellings of one gmail mailbox.
  function gmailVariants() {
    const local = `layla.haddad.${randomUUID().slice(0, 8)}`;
    const undotted = local.replaceAll(".", "");
    return {
      first: `${local}@gmail.com`,
      canonical: `${undotted}@gmail.com`,
      again: [
        `${local.toUpperCase()}@GMAIL.COM`,
        `${local}+petition@gmail.com`,
        `${undotted}@gmail.com`,
        `${undotted.split("").join(".")}@gmail.com`,
        `${local.toUpperCase()}+Again@Gmail.com`,
        `${local}@gmail.com`,
      ],
    };
  }

  it("keeps one signature, mails again each time up to 5 e-mails, and answers exactly as the first time", async () => {
    const campaign = await createCampaign();
    const { first, canonical, again } = gmailVariants();
    const firstResult = await sign(campaign, signInput({ email: first }));
    const signature = await onlySignatureOf(campaign);
    expect(await confirmationMessages(signature.id)).toHaveLength(1);

    for (const [index, email] of again.entries()) {
      const result = await sign(campaign, signInput({ email, name: "Someone Else" }));
      expect(result).toEqual(firstResult);
      const messages = await confirmationMessages(signature.id);
      expect(messages).toHaveLength(Math.min(index + 2, maxConfirmationEmails));
    }
    expect(again).toHaveLength(6); // 7 signings in all

    expect(await signaturesOf(campaign)).toHaveLength(1);
    const messages = await confirmationMessages(signature.id);
    expect(messages.map((message) => message.sequence)).toEqual([1, 2, 3, 4, 5]);
    // Each e-mail goes to the address typed that time, with its own link; the name stays the first one.
    expect(messages.map((message) => message.toAddress)).toEqual([first, ...again.slice(0, 4)]);
    expect(new Set(messages.map(tokenIn)).size).toBe(5);
    expect(messages.every((message) => message.props.name === "Layla Haddad")).toBe(true);
    expect(await tokensOf(signature.id)).toHaveLength(5);
    expect((await onlySignatureOf(campaign)).confirmationsSent).toBe(5);
    expect(await openSupporterEmails(await db.supporter.findMany({ where: supporterWithEmail(canonical) }))).toMatchObject([{ email: first }]);
  });

  it("lets an older e-mail's link confirm after a newer one was sent, then spends every link", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    await sign(campaign, input);
    await sign(campaign, { ...input, email: input.email.toUpperCase() });
    const signature = await onlySignatureOf(campaign);
    const [older, newer] = await confirmationMessages(signature.id);

    expect(await confirmSignature({ token: tokenIn(older!) })).toMatchObject({ counted: true });
    await expectAppError(confirmSignature({ token: tokenIn(newer!) }), "TOKEN_INVALID");
    expect(await tokensOf(signature.id)).toEqual([]);
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("writes in the language of the latest visit", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    await sign(campaign, input, { locale: "en" });
    await sign(campaign, input, { locale: "ar" });
    const signature = await onlySignatureOf(campaign);
    const [, second] = await confirmationMessages(signature.id);
    expect(second!.locale).toBe("ar");
    expect(second!.props.campaignTitle).toBe(titleOf(campaign).ar);
    expect(second!.props.confirmUrl).toMatch(/^http:\/\/nida\.test\/ar\/confirm\//);
    expect(await confirmSignature({ token: tokenIn(second!) })).toMatchObject({ counted: true });
  });

  it("after confirming, sends an 'already signed' e-mail with no new link, and counts nothing more", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    const firstResult = await sign(campaign, input);
    const signature = await onlySignatureOf(campaign);
    const [first] = await confirmationMessages(signature.id);
    await confirmSignature({ token: tokenIn(first!) });

    expect(await sign(campaign, input)).toEqual(firstResult);
    const [, repeat, ...rest] = await confirmationMessages(signature.id);
    expect(rest).toEqual([]);
    expect(repeat!.toAddress).toBe(input.email);
    expect(repeat!.props.alreadyConfirmed).toBe(true);
    expect(repeat!.props.confirmUrl).not.toContain("/confirm/");
    expect(repeat!.props.campaignUrl).toBe(`http://nida.test/en/campaigns/${campaign.slug}`);
    expect(await tokensOf(signature.id)).toEqual([]);
    expect((await onlySignatureOf(campaign)).state).toBe("CONFIRMED");
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("sends nothing for an invalidated signature, and answers the same", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    const firstResult = await sign(campaign, input);
    const signature = await onlySignatureOf(campaign);
    await db.signature.update({ where: { id: signature.id }, data: { state: "INVALIDATED" } });

    expect(await sign(campaign, input)).toEqual(firstResult);
    expect(await confirmationMessages(signature.id)).toHaveLength(1);
    expect((await onlySignatureOf(campaign)).state).toBe("INVALIDATED");
  });

  it("keeps one signature when 20 identical requests race, without an error, and mails at most 5 times", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    const results = await Promise.all(Array.from({ length: 20 }, () => sign(campaign, input)));
    expect(new Set(results.map((result) => JSON.stringify(result)))).toEqual(new Set([JSON.stringify({ campaignSlug: campaign.slug })]));

    const signature = await onlySignatureOf(campaign);
    const messages = await confirmationMessages(signature.id);
    expect(messages).toHaveLength(maxConfirmationEmails);
    expect(messages.map((message) => message.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(await mailsTo(input.email)).toHaveLength(maxConfirmationEmails);
    expect(signature.confirmationsSent).toBe(maxConfirmationEmails);
    expect(await tokensOf(signature.id)).toHaveLength(maxConfirmationEmails);
    expect(await db.supporter.count({ where: supporterWithEmail(input.email) })).toBe(1);
  });
});

describe("signPetition is all or nothing", () => {
  it("stores no signature, supporter, consent or link when its e-mail cannot be queued", async () => {
    const campaign = await createCampaign({ coOwners: 1 });
    const input = signInput();
    await whileOutboxRefuses(input.email, () => expect(sign(campaign, input)).rejects.toThrow(/outbox refused by test/));

    expect(await signaturesOf(campaign)).toEqual([]);
    expect(await db.signatureConsent.count({ where: { organisationId: { in: campaign.owners.map((owner) => owner.organisationId) } } })).toBe(0);
    await expectNothingStoredFor(input.email);
    // With the outbox working again, the same person can sign.
    await sign(campaign, input);
    expect((await onlySignatureOf(campaign)).consents).toHaveLength(2);
  });

  it("does not count a repeat e-mail or issue its link when that e-mail cannot be queued", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    await sign(campaign, input);
    const signature = await onlySignatureOf(campaign);
    const [original] = await confirmationMessages(signature.id);
    // The next repeat will use sequence 2; a row already holding that key makes its insert fail.
    const blocker = await db.outboxMessage.create({
      data: {
        idempotencyKey: `confirm-signature:${signature.id}:2`,
        template: "confirm-signature",
        toAddress: await sealText(mailScope, "outbox_messages.to_address", `confirm-signature:${signature.id}:2`, uniqueEmail("blocker")),
        locale: "en",
        status: "FAILED",
        payload: undefined,
      },
    });

    // The database refuses the duplicate key (unique_violation), so nothing of the repeat is kept.
    await expect(sign(campaign, input)).rejects.toMatchObject({ code: "23505" });

    const after = await onlySignatureOf(campaign);
    expect(after.confirmationsSent).toBe(1);
    expect(await tokensOf(signature.id)).toHaveLength(1);
    expect((await confirmationMessages(signature.id)).map((message) => message.id)).toEqual([original!.id, blocker.id]);
    expect(await mailsTo(input.email)).toHaveLength(1);
  });
});
