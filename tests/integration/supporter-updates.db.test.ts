import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import { recordDeliveryEvent } from "../../lib/deliveries/record-delivery-event";
import { isolate } from "../../lib/i18n/isolate";
import type { Locale } from "../../lib/i18n/locales";
import { readTranslations } from "../../lib/i18n/translations";
import type { SignatureState } from "../../lib/generated/prisma/enums";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { approveUpdate, cancelUpdate, countUpdateRecipients, createUpdate, deleteUpdate, sendTestUpdate, sendUpdate, setUpdatesNeedApproval } from "../../lib/updates/manage-update";
import { runUpdateRound, startDueUpdates } from "../../lib/updates/update-queue";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import { recordResponse } from "../../lib/deliveries/responses";
import { setSupporterNotices } from "../../lib/notices/notice-setting";
import { sendDueNotices } from "../../lib/notices/send-notices";
import { newSupporterLinks } from "../../lib/privacy/supporter-links";
import { renderUpdateEmail } from "../../lib/updates/render-update-email";
import { loadUpdateEmail } from "../../lib/updates/update-mail";
import { isSealed } from "../../lib/sealing/seal";
import { openOutboxRows } from "../fixtures/sealed-mail";
import { sealSignatureFields, sealSupporterEmail } from "../../lib/sealing/signer-data";
import { renderPlainText } from "../../emails/plain-text";
import { SupporterUpdateEmail } from "../../emails/supporter-update";
import { render } from "@react-email/render";
import { createElement } from "react";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { uniqueEmail } from "../fixtures/factories";
import { createMember, createOrganisationWithMembers } from "../fixtures/organisers";

const { POST: oneClickUnsubscribe } = await import("../../app/api/unsubscribe/[token]/route");

// Updates (and notices, which the update queue sends) are sent by the real outbox worker to the
// Resend capture server. Rounds of the update queue take every update that is sending; only this
// file writes updates, and each round of the outbox is limited to the messages of the update
// under test.

const provider = capturedMailForTests({ clearBeforeEach: true });
const noPace = { acquire: async () => {} };

async function organisationWithCampaigns(count = 1) {
  const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER", editor: "ORGANISER", viewer: "VIEWER" });
  const campaigns = [];
  for (let index = 0; index < count; index++) {
    const suffix = randomUUID().slice(0, 8);
    campaigns.push(
      await db.campaign.create({
        data: {
          slug: `campaign-${suffix}`,
          status: "OPEN",
          goals: [100],
          title: { en: `Campaign ${suffix}`, ar: `حملة ${suffix}` },
          summary: { en: "A test campaign." },
          owners: { create: [{ organisationId: organisation.id, lead: true }] },
        },
      }),
    );
  }
  return { organisation, members, campaigns };
}

type SignerOptions = { state?: SignatureState; locale?: Locale; consentTo?: string[]; unsubscribed?: boolean; erased?: boolean; email?: string };

// A supporter and their signature on `campaignId`, consenting to hear from `consentTo`.
async function signer(campaignId: string, options: SignerOptions = {}) {
  const email = options.email ?? uniqueEmail("supporter");
  const sealed = await sealSupporterEmail(email);
  const supporter = await db.supporter.upsert({
    where: { emailHash: sealed.emailHash },
    update: {},
    create: {
      ...sealed,
      locale: options.locale ?? "en",
      unsubscribedAt: options.unsubscribed ? new Date() : null,
      erasedAt: options.erased ? new Date() : null,
    },
  });
  const state = options.state ?? "CONFIRMED";
  const signatureId = randomUUID();
  await db.signature.create({
    data: {
      id: signatureId,
      campaignId,
      supporterId: supporter.id,
      state,
      ...(await sealSignatureFields(campaignId, signatureId, { name: "Layla Haddad" })),
      country: "SY",
      locale: options.locale ?? "en",
      confirmedAt: state === "PENDING" ? null : new Date(),
      consents: { create: (options.consentTo ?? []).map((organisationId) => ({ organisationId })) },
    },
  });
  return { email, supporterId: supporter.id };
}

const texts = {
  subject: { en: "We delivered the petition", ar: "سلّمنا العريضة" },
  body: { en: "Thank you. On **Monday** we handed it over. [Read the reply](https://example.org/reply)", ar: "شكرًا لكم. سلّمناها يوم **الإثنين**." },
};
const englishOnly = { subject: { en: texts.subject.en }, body: { en: texts.body.en } };

const draft = (overrides: Record<string, unknown> = {}) => ({ scope: "campaign", ...texts, mailed: "on", ...overrides });

async function updateMessageKeys(updateId: string): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `update:${updateId}:` } }, select: { idempotencyKey: true } });
  return rows.map((row) => row.idempotencyKey);
}

// Runs the update queue until nothing is left to queue, then the outbox for this update's messages.
async function deliverUpdate(updateId: string): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const done = await runUpdateRound();
    if (done.queued + done.skipped === 0) break;
  }
  const keys = await updateMessageKeys(updateId);
  for (let round = 0; round < 50 && keys.length > 0; round++) {
    const report = await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keys });
    if (report.claimed === 0) break;
  }
}

const recipientsOf = (updateId: string) => db.updateRecipient.findMany({ where: { updateId } });

async function sendAndDeliver(actor: Actor, campaignId: string, input = draft()) {
  const { id } = await createUpdate({ actor, campaignId, input });
  const counted = await countUpdateRecipients({ actor, campaignId, updateId: id });
  const sent = await sendUpdate({ actor, campaignId, updateId: id });
  await deliverUpdate(id);
  return { id, counted, sent };
}

describe("updates to supporters", () => {
  it("goes to exactly the confirmed signers who consented to this organisation, as many as were counted", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const [campaign] = campaigns;
    const other = await db.organisation.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, name: { en: "Another organisation" } } });
    const english = await signer(campaign!.id, { consentTo: [organisation.id] });
    const arabic = await signer(campaign!.id, { consentTo: [organisation.id, other.id], locale: "ar" });
    const excluded = [
      await signer(campaign!.id, { consentTo: [other.id] }),
      await signer(campaign!.id, {}),
      await signer(campaign!.id, { consentTo: [organisation.id], state: "PENDING" }),
      await signer(campaign!.id, { consentTo: [organisation.id], state: "HELD" }),
      await signer(campaign!.id, { consentTo: [organisation.id], state: "INVALIDATED" }),
      await signer(campaign!.id, { consentTo: [organisation.id], erased: true }),
      await signer(campaign!.id, { consentTo: [organisation.id], unsubscribed: true }),
    ];

    const { id, counted, sent } = await sendAndDeliver(members.editor, campaign!.id);

    expect(counted).toEqual({ total: 2, languages: { ar: 1, en: 1 } });
    // Send answers at once; the update worker fixes the recipients, as many as were counted.
    expect(sent).toEqual({ status: "SCHEDULED", recipients: null, startsNow: true });
    const recipients = await recipientsOf(id);
    expect(recipients.map((row) => row.supporterId).sort()).toEqual([english.supporterId, arabic.supporterId].sort());
    expect(recipients.every((row) => row.queuedAt && row.sentAt && row.providerId)).toBe(true);
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", recipientCount: 2, sentById: members.editor.userId });

    const [toEnglish] = provider.capture.messages({ to: english.email });
    const [toArabic] = provider.capture.messages({ to: arabic.email });
    expect(toEnglish).toMatchObject({ subject: "We delivered the petition", from: `"${readTranslations(organisation.name).en}" <noreply@nida.example.org>` });
    expect(toArabic).toMatchObject({ subject: "سلّمنا العريضة" });
    for (const message of [toEnglish!, toArabic!]) {
      expect(message.headers["List-Unsubscribe"]).toMatch(/^<http.*\/api\/unsubscribe\/[\w-]{43}>$/);
      expect(message.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(message.html).toMatch(/\/erase\/[\w-]{43}/);
      expect(message.text).toContain(message === toEnglish ? "On Monday we handed it over" : "سلّمناها يوم");
      expect(message.html).not.toMatch(/<img/);
    }
    // Links are the organisers' own, not rewritten through a tracker.
    expect(toEnglish!.html).toContain('href="https://example.org/reply"');
    expect(toArabic!.html).toContain('dir="rtl"');
    // The plain text as a reader sees it: the subject as written (not in capitals), one reason to
    // be there, and each of the reader's links on its own line beside its label.
    expect(toEnglish!.text!.split("\n")).toContain(isolate("We delivered the petition"));
    expect(toEnglish!.text).toMatch(/^Stop hearing from the organisations http\S+\/en\/unsubscribe\/[\w-]{43}$/m);
    expect(toEnglish!.text).toMatch(/^Erase my data http\S+\/en\/erase\/[\w-]{43}$/m);
    expect(toEnglish!.text!.match(/You get this/g)).toHaveLength(1);
    expect(toArabic!.text).toMatch(/^إيقاف الرسائل من المنظمات http\S+\/ar\/unsubscribe\/[\w-]{43}$/m);
    expect(toArabic!.text).toMatch(/^محو بياناتي http\S+\/ar\/erase\/[\w-]{43}$/m);
    expect(toArabic!.text!.match(/تصلك|وصلتك/g)).toHaveLength(1);
    for (const person of excluded) expect(provider.capture.messages({ to: person.email }), person.email).toHaveLength(0);

    const audit = await db.auditEntry.findFirstOrThrow({ where: { organisationId: organisation.id, action: "update.send" } });
    expect(audit).toMatchObject({ affected: 2, userId: members.editor.userId, campaignId: campaign!.id });
  });

  it("sends one message to a supporter who signed several of the organisation's campaigns, in English where no Arabic exists", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns(3);
    const email = uniqueEmail("several");
    const several = await signer(campaigns[0]!.id, { consentTo: [organisation.id], locale: "ar", email });
    await signer(campaigns[1]!.id, { consentTo: [organisation.id], locale: "ar", email });
    await signer(campaigns[2]!.id, { consentTo: [organisation.id], locale: "ar", email });
    const once = await signer(campaigns[2]!.id, { consentTo: [organisation.id] });

    const { id, counted } = await sendAndDeliver(members.editor, campaigns[0]!.id, draft({ scope: "organisation", ...englishOnly }));

    expect(counted).toEqual({ total: 2, languages: { en: 2 } });
    expect(await recipientsOf(id)).toHaveLength(2);
    const received = provider.capture.messages({ to: several.email });
    expect(received).toHaveLength(1);
    expect(received[0]!.subject).toBe("We delivered the petition");
    expect(received[0]!.html).toContain("لا توجد نسخة عربية من هذا التحديث");
    expect(provider.capture.messages({ to: once.email })).toHaveLength(1);
  });

  it("gives a reader of Arabic an update with no Arabic in English, saying so in Arabic, and links them to the campaign's Arabic page", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaign = campaigns[0]!;
    const arabic = await signer(campaign.id, { consentTo: [organisation.id], locale: "ar" });
    const english = await signer(campaign.id, { consentTo: [organisation.id] });

    await sendAndDeliver(members.editor, campaign.id, draft(englishOnly));

    const [toArabic] = provider.capture.messages({ to: arabic.email });
    const [toEnglish] = provider.capture.messages({ to: english.email });
    expect(toArabic!.subject).toBe("We delivered the petition");
    expect(toArabic!.text).toMatch(/^لا توجد نسخة عربية من هذا التحديث، لذلك هو بالإنجليزية\.$/m);
    expect(toArabic!.text).toContain(`/ar/campaigns/${campaign.slug}`);
    expect(toArabic!.text).not.toContain(`/en/campaigns/${campaign.slug}`);
    expect(toEnglish!.text).not.toContain("لا توجد نسخة عربية");
    expect(toEnglish!.text).toContain(`/en/campaigns/${campaign.slug}`);
  });

  it("gives each reader an update in their language where it has one, else in the language of the campaign, which is the one it needs", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaign = await db.campaign.update({ where: { id: campaigns[0]!.id }, data: { primaryLocale: "ar", title: { ar: "أوقفوا القصف" } } });
    const turkish = await signer(campaign.id, { consentTo: [organisation.id], locale: "tr" });
    const arabic = await signer(campaign.id, { consentTo: [organisation.id], locale: "ar" });
    const english = await signer(campaign.id, { consentTo: [organisation.id] });
    const french = await signer(campaign.id, { consentTo: [organisation.id], locale: "fr" });

    // Written in Arabic, the campaign's update needs Arabic and nothing else.
    await expect(createUpdate({ actor: members.editor, campaignId: campaign.id, input: draft(englishOnly) })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "subject.ar": "subjectRequired", "body.ar": "bodyRequired" },
    });
    const input = draft({ subject: { ar: texts.subject.ar, tr: "Dilekçeyi teslim ettik" }, body: { ar: texts.body.ar, tr: "Teşekkürler. **Pazartesi** teslim ettik." } });
    const { counted } = await sendAndDeliver(members.editor, campaign.id, input);

    expect(counted).toEqual({ total: 4, languages: { tr: 1, ar: 3 } });
    const [toTurkish] = provider.capture.messages({ to: turkish.email });
    expect(toTurkish!.subject).toBe("Dilekçeyi teslim ettik");
    expect(toTurkish!.text).toContain("Pazartesi teslim ettik");
    expect(toTurkish!.text).toContain("أوقفوا القصف");
    // The Arabic title in the Turkish update is marked Arabic, for a screen reader to read it so.
    expect(toTurkish!.html).toContain(`<bdi lang="ar" dir="rtl">أوقفوا القصف</bdi>`);
    expect(toTurkish!.text).toMatch(/http\S+\/tr\/unsubscribe\/[\w-]{43}/);
    for (const person of [arabic, english, french]) {
      const [message] = provider.capture.messages({ to: person.email });
      expect(message!.subject, person.email).toBe(texts.subject.ar);
      expect(message!.html, person.email).toContain('dir="rtl"');
    }
    expect(provider.capture.messages({ to: french.email })[0]!.text).toMatch(/http\S+\/fr\/unsubscribe\/[\w-]{43}/);
  });

  it("needs English first for an update about all of the organisation's campaigns", async () => {
    const { members, campaigns } = await organisationWithCampaigns();
    await db.campaign.update({ where: { id: campaigns[0]!.id }, data: { primaryLocale: "ar" } });
    const arabicOnly = { subject: { ar: texts.subject.ar }, body: { ar: texts.body.ar } };
    await expect(createUpdate({ actor: members.editor, campaignId: campaigns[0]!.id, input: draft({ scope: "organisation", ...arabicOnly }) })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "subject.en": "subjectRequired", "body.en": "bodyRequired" },
    });
    expect(await createUpdate({ actor: members.editor, campaignId: campaigns[0]!.id, input: draft({ scope: "campaign", ...arabicOnly }) })).toMatchObject({ id: expect.any(String) });
  });

  it("delivers each recipient exactly once when two queue runners send one update at the same time", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const people = [];
    for (let index = 0; index < 40; index++) people.push(await signer(campaigns[0]!.id, { consentTo: [organisation.id], locale: index % 3 === 0 ? "ar" : "en" }));
    const { id } = await createUpdate({ actor: members.editor, campaignId: campaigns[0]!.id, input: draft() });
    expect(await sendUpdate({ actor: members.editor, campaignId: campaigns[0]!.id, updateId: id })).toMatchObject({ status: "SCHEDULED", startsNow: true });

    let queued = 0;
    for (let round = 0; round < 40; round++) {
      const [first, second] = await Promise.all([runUpdateRound({ chunkSize: 7 }), runUpdateRound({ chunkSize: 7 })]);
      queued += first.queued + second.queued;
      if (first.queued + second.queued === 0) break;
    }
    expect(queued).toBe(40);
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ recipientCount: 40 });
    const keys = await updateMessageKeys(id);
    expect(keys).toHaveLength(40);
    await Promise.all([
      deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keys, limit: 25 }),
      deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keys, limit: 25 }),
    ]);
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keys });
    for (const person of people) expect(provider.capture.messages({ to: person.email }), person.email).toHaveLength(1);
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT" });
  });

  it("writes update messages only a bounded distance ahead of the sender, and the rest as it sends", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaignId = campaigns[0]!.id;
    const people = [];
    for (let index = 0; index < 30; index++) people.push(await signer(campaignId, { consentTo: [organisation.id] }));
    const { id } = await createUpdate({ actor: members.editor, campaignId, input: draft() });
    await sendUpdate({ actor: members.editor, campaignId, updateId: id });
    const waiting = () => db.outboxMessage.count({ where: { idempotencyKey: { startsWith: `update:${id}:` }, status: "PENDING" } });

    for (let round = 0; round < 10; round++) await runUpdateRound({ chunkSize: 4, aheadLimit: 10 });
    // All 30 are fixed as recipients at once, but only chunks up to the limit reach the outbox.
    expect(await recipientsOf(id)).toHaveLength(30);
    expect(await waiting()).toBeGreaterThan(0);
    expect(await waiting()).toBeLessThanOrEqual(12);
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENDING" });

    for (let round = 0; round < 30; round++) {
      await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: await updateMessageKeys(id) });
      const queued = await runUpdateRound({ chunkSize: 4, aheadLimit: 10 });
      if (queued.finished > 0) break;
    }
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: await updateMessageKeys(id) });
    for (const person of people) expect(provider.capture.messages({ to: person.email }), person.email).toHaveLength(1);
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", recipientCount: 30 });
  });

  it("skips whoever unsubscribed, was erased or was deleted after sending began but before their turn, and still finishes", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaignId = campaigns[0]!.id;
    const staying = await signer(campaignId, { consentTo: [organisation.id] });
    const leaving = await signer(campaignId, { consentTo: [organisation.id] });
    const erased = await signer(campaignId, { consentTo: [organisation.id] });
    const deleted = await signer(campaignId, { consentTo: [organisation.id] });
    const { id } = await createUpdate({ actor: members.editor, campaignId, input: draft() });
    await sendUpdate({ actor: members.editor, campaignId, updateId: id });
    // The request answered before fixing anyone: the update worker does that.
    expect(await recipientsOf(id)).toHaveLength(0);
    expect(await startDueUpdates(new Date())).toBeGreaterThanOrEqual(1);
    expect(await recipientsOf(id)).toHaveLength(4);
    await db.supporter.update({ where: { id: leaving.supporterId }, data: { unsubscribedAt: new Date() } });
    await db.supporter.update({ where: { id: erased.supporterId }, data: { erasedAt: new Date() } });
    await db.supporter.delete({ where: { id: deleted.supporterId } });

    await deliverUpdate(id);

    expect(provider.capture.messages({ to: staying.email })).toHaveLength(1);
    for (const person of [leaving, erased, deleted]) expect(provider.capture.messages({ to: person.email }), person.email).toHaveLength(0);
    const recipients = await recipientsOf(id);
    expect(recipients.filter((row) => row.queuedAt).map((row) => row.supporterId)).toEqual([staying.supporterId]);
    expect(recipients.filter((row) => row.skippedAt)).toHaveLength(3);
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", recipientCount: 4 });
  });

  it("reaches each supporter's own address while the outbox holds it only sealed, and nobody whose address is gone", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaignId = campaigns[0]!.id;
    const staying = await signer(campaignId, { consentTo: [organisation.id] });
    const gone = await signer(campaignId, { consentTo: [organisation.id] });
    const { id } = await createUpdate({ actor: members.editor, campaignId, input: draft() });
    await sendUpdate({ actor: members.editor, campaignId, updateId: id });
    for (let round = 0; round < 50; round++) {
      const done = await runUpdateRound();
      if (done.queued + done.skipped === 0) break;
    }

    const queued = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `update:${id}:` } }, select: { idempotencyKey: true, toAddress: true, supporterId: true } });
    expect(queued.map((row) => row.supporterId).sort()).toEqual([staying.supporterId, gone.supporterId].sort());
    for (const row of queued) {
      expect(isSealed(row.toAddress)).toBe(true);
      expect(row.toAddress).not.toContain("@");
    }
    // Sealed, each row holds its own supporter's address.
    const opened = await openOutboxRows(queued);
    expect(Object.fromEntries(opened.map((row) => [row.supporterId, row.toAddress]))).toEqual({ [staying.supporterId]: staying.email, [gone.supporterId]: gone.email });

    // Deleted while their message waits: no address is left to send it to.
    await db.supporter.delete({ where: { id: gone.supporterId } });
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: await updateMessageKeys(id) });

    expect(provider.capture.messages({ to: staying.email })).toHaveLength(1);
    expect(provider.capture.messages({ to: gone.email })).toHaveLength(0);
    const sent = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `update:${id}:` } }, select: { idempotencyKey: true, status: true, attempts: true, lastError: true } });
    expect(sent.find((row) => row.idempotencyKey.endsWith(staying.supporterId))).toMatchObject({ status: "SENT" });
    expect(sent.find((row) => row.idempotencyKey.endsWith(gone.supporterId))).toMatchObject({ status: "FAILED", attempts: 1, lastError: expect.stringMatching(/address/) });
  });

  it("gives each recipient the e-mail rendered for them alone, with their own links, though an update is rendered once", async () => {
    const { members, campaigns } = await organisationWithCampaigns();
    const { id } = await createUpdate({ actor: members.editor, campaignId: campaigns[0]!.id, input: draft() });
    for (const locale of ["ar", "en", "ar"] as const) {
      const payload = { updateId: id, locale, supporterLinks: newSupporterLinks(locale).links };
      const { fromName, ...props } = await loadUpdateEmail(payload);
      const alone = createElement(SupporterUpdateEmail, props);
      const email = await renderUpdateEmail(payload);
      expect(email).toMatchObject({ fromName, html: await render(alone), text: await renderPlainText(alone) });
      expect(email.headers?.["List-Unsubscribe"]).toBe(`<${payload.supporterLinks.oneClickUnsubscribeUrl}>`);
      expect(email.text).toContain(payload.supporterLinks.eraseUrl);
    }
  });

  it("waits for an owner's approval when the organisation asks for it, and only an owner can give it", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaignId = campaigns[0]!.id;
    const person = await signer(campaignId, { consentTo: [organisation.id] });
    await expect(setUpdatesNeedApproval({ actor: members.editor, organisationId: organisation.id, value: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setUpdatesNeedApproval({ actor: members.owner, organisationId: organisation.id, value: true });
    await expect(createUpdate({ actor: members.viewer, campaignId, input: draft() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { id } = await createUpdate({ actor: members.editor, campaignId, input: draft() });

    await expect(sendUpdate({ actor: members.viewer, campaignId, updateId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await sendUpdate({ actor: members.editor, campaignId, updateId: id })).toEqual({ status: "AWAITING_APPROVAL", recipients: null });
    await deliverUpdate(id);
    expect(await recipientsOf(id)).toHaveLength(0);
    expect(provider.capture.messages({ to: person.email })).toHaveLength(0);
    await expect(approveUpdate({ actor: members.editor, campaignId, updateId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await createMember((await db.organisation.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, name: { en: "Elsewhere" } } })).id, "OWNER");
    await expect(approveUpdate({ actor: outsider, campaignId, updateId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await approveUpdate({ actor: members.owner, campaignId, updateId: id })).toMatchObject({ status: "SCHEDULED", startsNow: true });
    await deliverUpdate(id);
    expect(provider.capture.messages({ to: person.email })).toHaveLength(1);
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", approvedById: members.owner.userId, sentById: members.editor.userId });
  });

  it("sends nothing more to a supporter who used one message's unsubscribe link, or whose address bounced", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaignId = campaigns[0]!.id;
    const leaving = await signer(campaignId, { consentTo: [organisation.id] });
    const bouncing = await signer(campaignId, { consentTo: [organisation.id] });
    const staying = await signer(campaignId, { consentTo: [organisation.id] });
    await sendAndDeliver(members.editor, campaignId);
    const [first] = provider.capture.messages({ to: leaving.email });
    const oneClick = /^<(.+)>$/.exec(first!.headers["List-Unsubscribe"]!)![1]!;
    const token = oneClick.split("/").pop()!;
    const answer = await oneClickUnsubscribe(new Request(oneClick, { method: "POST", body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token }) });
    expect(answer.status).toBe(200);
    const [bounced] = provider.capture.messages({ to: bouncing.email });
    await recordDeliveryEvent({ id: `evt_${randomUUID()}`, type: "email.bounced", occurredAt: new Date(), providerId: bounced!.id });
    provider.capture.reset();

    const { counted } = await sendAndDeliver(members.editor, campaignId, draft({ subject: { ...texts.subject, en: "Second update" } }));

    expect(counted.total).toBe(1);
    expect(provider.capture.messages({ to: leaving.email })).toHaveLength(0);
    expect(provider.capture.messages({ to: bouncing.email })).toHaveLength(0);
    expect(provider.capture.messages({ to: staying.email }).map((message) => message.subject)).toEqual(["Second update"]);
  });

  it("sends a test only to the organiser, marked as a test, and a scheduled update when its time comes", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaignId = campaigns[0]!.id;
    const person = await signer(campaignId, { consentTo: [organisation.id] });
    const { id } = await createUpdate({ actor: members.editor, campaignId, input: draft() });
    await sendTestUpdate({ actor: members.editor, campaignId, updateId: id, locale: "ar" });
    const testKeys = (await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `update-test:${id}:` } } })).map((row) => row.idempotencyKey);
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: testKeys });
    expect(provider.capture.messages({ to: members.editor.email }).map((message) => message.subject)).toEqual([`[تجربة] ${isolate("سلّمنا العريضة")}`]);
    expect(provider.capture.messages({ to: person.email })).toHaveLength(0);

    const at = new Date(Date.now() + 3_600_000);
    const when = at.toISOString().slice(0, 16);
    expect(await sendUpdate({ actor: members.editor, campaignId, updateId: id, when })).toEqual({ status: "SCHEDULED", recipients: null });
    await runUpdateRound();
    expect(await recipientsOf(id)).toHaveLength(0);
    expect(await runUpdateRound({ now: new Date(at.getTime() + 60_000) })).toMatchObject({ started: 1, queued: 1 });
    await deliverUpdate(id);
    expect(provider.capture.messages({ to: person.email })).toHaveLength(1);
  });

  it("takes a scheduled update back to a draft, which sends nothing when its time comes, and deletes only what was never sent", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaignId = campaigns[0]!.id;
    const person = await signer(campaignId, { consentTo: [organisation.id] });
    const { id } = await createUpdate({ actor: members.editor, campaignId, input: draft() });
    const at = new Date(Date.now() + 3_600_000);
    await sendUpdate({ actor: members.editor, campaignId, updateId: id, when: at.toISOString().slice(0, 16) });
    await expect(cancelUpdate({ actor: members.viewer, campaignId, updateId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await cancelUpdate({ actor: members.editor, campaignId, updateId: id });
    expect(await db.supporterUpdate.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", scheduledFor: null });
    expect(await runUpdateRound({ now: new Date(at.getTime() + 60_000) })).toMatchObject({ started: 0 });
    await deliverUpdate(id);
    expect(provider.capture.messages({ to: person.email })).toHaveLength(0);
    await expect(cancelUpdate({ actor: members.editor, campaignId, updateId: id })).rejects.toMatchObject({ code: "VALIDATION", fields: { form: "notCancellable" } });

    await expect(deleteUpdate({ actor: members.viewer, campaignId, updateId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deleteUpdate({ actor: members.editor, campaignId, updateId: id });
    expect(await db.supporterUpdate.findUnique({ where: { id } })).toBeNull();

    const { id: sentId } = await sendAndDeliver(members.editor, campaignId, draft({ subject: { ...texts.subject, en: "Sent, so kept" } }));
    await expect(deleteUpdate({ actor: members.owner, campaignId, updateId: sentId })).rejects.toMatchObject({ code: "VALIDATION", fields: { form: "notDeletable" } });
    expect(await recipientsOf(sentId)).toHaveLength(1);
  });

  it("refuses a draft with an Arabic subject but no Arabic message, per field, and stores nothing", async () => {
    const { members, campaigns } = await organisationWithCampaigns();
    const before = await db.supporterUpdate.count({ where: { campaignId: campaigns[0]!.id } });
    const input = draft({ subject: { en: "", ar: texts.subject.ar }, body: { en: texts.body.en, ar: "" } });
    await expect(createUpdate({ actor: members.editor, campaignId: campaigns[0]!.id, input })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { "body.ar": "translationIncomplete", "subject.en": "subjectRequired" },
    });
    expect(await db.supporterUpdate.count({ where: { campaignId: campaigns[0]!.id } })).toBe(before);
  });
});

describe("notices to supporters of deliveries and answers", () => {
  // A decision-maker the campaign addresses, named in both languages.
  async function addressee(campaignId: string, organisationId: string, institution: string, institutionAr: string) {
    const decisionMaker = await db.decisionMaker.create({ data: { organisationId, name: { en: `Office of ${institution}` }, institution: { en: institution, ar: institutionAr }, country: "INT", email: uniqueEmail("dm") } });
    await db.campaignTarget.create({ data: { campaignId, decisionMakerId: decisionMaker.id } });
    return decisionMaker;
  }

  // The campaign's digests go to the capture server and the provider reports each delivered.
  async function deliverDigests(campaignId: string) {
    await db.campaign.update({ where: { id: campaignId }, data: { digestCadence: "WEEKLY" } });
    await runDigestJob({ campaignId });
    const digests = await db.digest.findMany({ where: { campaignId, deliveredAt: null } });
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: digests.map((digest) => digest.outboxKey) });
    for (const digest of await db.digest.findMany({ where: { id: { in: digests.map((row) => row.id) } } })) {
      // The provider reports it delivered, and reports it again: supporters hear of it once.
      for (let report = 0; report < 2; report++) {
        await recordDeliveryEvent({ id: `evt_${randomUUID()}`, type: "email.delivered", occurredAt: new Date(), providerId: digest.providerId! });
      }
    }
  }

  // The day is over: its notices close, and the update queue and the outbox send them.
  async function closeTheDay(campaignId: string) {
    await sendDueNotices(new Date(Date.now() + 3 * 86_400_000));
    const notices = await db.supporterUpdate.findMany({ where: { campaignId, kind: "NOTICE" } });
    for (const notice of notices) await deliverUpdate(notice.id);
    return notices;
  }

  it("tells exactly the consenting signers, once, in their language, that the petition was delivered", async () => {
    const { organisation, campaigns } = await organisationWithCampaigns();
    const campaign = campaigns[0]!;
    const partner = await db.organisation.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, name: { en: "Partner" } } });
    await db.campaignOwner.create({ data: { campaignId: campaign.id, organisationId: partner.id } });
    const outsider = await db.organisation.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, name: { en: "Outsider" } } });
    await addressee(campaign.id, organisation.id, "UN Security Council", "مجلس الأمن");
    const english = await signer(campaign.id, { consentTo: [organisation.id] });
    const arabic = await signer(campaign.id, { consentTo: [partner.id], locale: "ar" });
    const excluded = [
      await signer(campaign.id, { consentTo: [outsider.id] }),
      await signer(campaign.id, {}),
      await signer(campaign.id, { consentTo: [organisation.id], state: "PENDING" }),
      await signer(campaign.id, { consentTo: [organisation.id], state: "HELD" }),
      await signer(campaign.id, { consentTo: [organisation.id], state: "INVALIDATED" }),
      await signer(campaign.id, { consentTo: [organisation.id], erased: true }),
      await signer(campaign.id, { consentTo: [organisation.id], unsubscribed: true }),
    ];

    await deliverDigests(campaign.id);
    // Nothing goes out before the day is over.
    await sendDueNotices(new Date());
    expect(await db.supporterUpdate.findMany({ where: { campaignId: campaign.id, kind: "NOTICE" }, select: { status: true } })).toEqual([{ status: "DRAFT" }]);
    await closeTheDay(campaign.id);
    await closeTheDay(campaign.id);

    const toEnglish = provider.capture.messages({ to: english.email });
    const toArabic = provider.capture.messages({ to: arabic.email });
    expect(toEnglish).toHaveLength(1);
    expect(toArabic).toHaveLength(1);
    expect(toEnglish[0]).toMatchObject({ subject: `Your petition was delivered to ${isolate("UN Security Council")}` });
    expect(toArabic[0]).toMatchObject({ subject: `سُلِّمت عريضتك إلى ${isolate("مجلس الأمن")}` });
    expect(toArabic[0]!.html).toContain('dir="rtl"');
    for (const message of [toEnglish[0]!, toArabic[0]!]) {
      expect(message.headers["List-Unsubscribe"]).toMatch(/^<http.*\/api\/unsubscribe\/[\w-]{43}>$/);
      expect(message.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      expect(message.text).toContain(`/campaigns/${campaign.slug}#addressees-heading`);
    }
    expect(toEnglish[0]!.text).toContain(`Your petition “${isolate(readTranslations(campaign.title).en!)}” was delivered to ${isolate("UN Security Council")}.`);
    for (const person of excluded) expect(provider.capture.messages({ to: person.email }), person.email).toHaveLength(0);
    expect(await db.auditEntry.count({ where: { campaignId: campaign.id, action: "notice.send", affected: 2 } })).toBe(1);

    // The one-click unsubscribe in the notice works: the next notice does not reach them.
    const token = /\/api\/unsubscribe\/([\w-]{43})/.exec(toEnglish[0]!.headers["List-Unsubscribe"]!)![1]!;
    const answer = await oneClickUnsubscribe(new Request(`http://localhost/api/unsubscribe/${token}`, { method: "POST", body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token }) });
    expect(answer.status).toBeLessThan(300);
    await addressee(campaign.id, organisation.id, "European Union", "الاتحاد الأوروبي");
    await deliverDigests(campaign.id);
    await closeTheDay(campaign.id);
    expect(provider.capture.messages({ to: english.email })).toHaveLength(1);
    expect(provider.capture.messages({ to: arabic.email })).toHaveLength(2);
  });

  it("gives one notice for a day with a delivery and an answer, listing both", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaign = campaigns[0]!;
    await addressee(campaign.id, organisation.id, "UN Security Council", "مجلس الأمن");
    const office = await addressee(campaign.id, organisation.id, "UK Foreign Office", "وزارة الخارجية البريطانية");
    const person = await signer(campaign.id, { consentTo: [organisation.id] });
    const arabic = await signer(campaign.id, { consentTo: [organisation.id], locale: "ar" });

    await deliverDigests(campaign.id);
    const today = new Date().toISOString().slice(0, 10);
    await recordResponse({ actor: members.editor, campaignId: campaign.id, values: { decisionMakerId: office.id, respondedOn: today, summary: "The Minister will raise the attacks at the Council.", published: true } });
    // A private answer is not news to supporters.
    await recordResponse({ actor: members.editor, campaignId: campaign.id, values: { decisionMakerId: office.id, respondedOn: today, summary: "Off the record.", published: false } });
    const notices = await closeTheDay(campaign.id);

    expect(notices).toHaveLength(1);
    const messages = provider.capture.messages({ to: person.email });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe(`News of your petition: ${isolate(readTranslations(campaign.title).en!)}`);
    expect(messages[0]!.text).toContain(`delivered to ${isolate("UN Security Council")}`);
    expect(messages[0]!.text).toContain(`delivered to ${isolate("UK Foreign Office")}`);
    expect(messages[0]!.text).toContain(`${isolate("UK Foreign Office")} answered:`);
    expect(messages[0]!.text).toContain("The Minister will raise the attacks at the Council.");
    expect(messages[0]!.text).not.toContain("Off the record");
    // The answer exists only in English: the Arabic notice quotes it and says so.
    const [toArabic] = provider.capture.messages({ to: arabic.email });
    expect(toArabic!.text).toContain(`ردّ ${isolate("وزارة الخارجية البريطانية")}:`);
    expect(toArabic!.text).toContain("The Minister will raise the attacks at the Council.");
    expect(toArabic!.text).toContain("متوفرة بالإنجليزية فقط");
  });

  it("sends nothing for a campaign whose organisers turned notices off, and only they can", async () => {
    const { organisation, members, campaigns } = await organisationWithCampaigns();
    const campaign = campaigns[0]!;
    const office = await addressee(campaign.id, organisation.id, "UK Foreign Office", "وزارة الخارجية البريطانية");
    const person = await signer(campaign.id, { consentTo: [organisation.id] });

    await expect(setSupporterNotices({ actor: members.viewer, campaignId: campaign.id, enabled: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An answer recorded while notices were on, then notices turned off before the day ends.
    const today = new Date().toISOString().slice(0, 10);
    await recordResponse({ actor: members.editor, campaignId: campaign.id, values: { decisionMakerId: office.id, respondedOn: today, summary: "We will reply in writing.", published: true } });
    await setSupporterNotices({ actor: members.editor, campaignId: campaign.id, enabled: false });
    await deliverDigests(campaign.id);
    await closeTheDay(campaign.id);

    expect(provider.capture.messages({ to: person.email })).toHaveLength(0);
    expect(await db.supporterUpdate.count({ where: { campaignId: campaign.id, kind: "NOTICE" } })).toBe(0);
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ supporterNotices: false });
    expect(await db.auditEntry.findFirstOrThrow({ where: { campaignId: campaign.id, action: "notices.off" } })).toMatchObject({ userId: members.editor.userId, affected: 1 });
  });
});
