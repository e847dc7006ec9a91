import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import type { SignatureState } from "../../lib/generated/prisma/enums";
import { readTranslations } from "../../lib/i18n/translations";
import { isolate } from "../../lib/i18n/isolate";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { sendConfirmationReminders } from "../../lib/signatures/confirmation-reminder";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { createSealedSignature, createSealedSupporter } from "../fixtures/sealed-signers";

// The reminder job takes every due signature in the database; the signatures of this file are
// signed hours in the past, so each test's run finds its own (others sign now).
const provider = capturedMailForTests({ clearBeforeEach: true });
const hourMs = 3_600_000;

type PendingOptions = { hoursAgo: number; state?: SignatureState; erased?: boolean; confirmationsSent?: number; locale?: "en" | "ar" };

async function signedAgo(campaignId: string, options: PendingOptions) {
  const email = uniqueEmail("unconfirmed");
  const supporter = await createSealedSupporter({ email, locale: options.locale ?? "en", erasedAt: options.erased ? new Date() : null });
  const signature = await createSealedSignature({
    campaignId,
    supporterId: supporter.id,
    state: options.state ?? "PENDING",
    name: "Omar Khalil",
    country: "SY",
    locale: options.locale ?? "en",
    confirmationsSent: options.confirmationsSent ?? 1,
    createdAt: new Date(Date.now() - options.hoursAgo * hourMs),
  });
  return { email, signatureId: signature.id };
}

// The reminder job runs, then the outbox delivers this file's messages to the capture server.
async function remindAndDeliver(signatureIds: string[]) {
  const report = await sendConfirmationReminders();
  const messages = await db.outboxMessage.findMany({ where: { signatureId: { in: signatureIds }, status: "PENDING" }, select: { idempotencyKey: true } });
  if (messages.length > 0) await deliverDueMessages({ transport: provider.transport, pace: { acquire: async () => {} }, onlyKeys: messages.map((row) => row.idempotencyKey) });
  return report;
}

describe("the reminder to confirm a signature", () => {
  it("goes once, a day after signing and not before, and its link confirms the signature", async () => {
    const campaign = await createCampaign();
    const title = readTranslations(campaign.title);
    const due = await signedAgo(campaign.id, { hoursAgo: 25 });
    const arabic = await signedAgo(campaign.id, { hoursAgo: 30, locale: "ar" });
    const early = await signedAgo(campaign.id, { hoursAgo: 23 });
    const ids = [due.signatureId, arabic.signatureId, early.signatureId];

    await remindAndDeliver(ids);
    await remindAndDeliver(ids);

    const reminders = provider.capture.messages({ to: due.email });
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.subject).toBe(`Reminder: confirm your signature: ${isolate(title.en!)}`);
    expect(reminders[0]!.text).toContain("Omar Khalil");
    expect(reminders[0]!.headers["List-Unsubscribe"]).toMatch(/\/api\/unsubscribe\/[\w-]{43}>$/);
    const [toArabic] = provider.capture.messages({ to: arabic.email });
    expect(toArabic!.subject).toBe(`تذكير: أكّد توقيعك: ${isolate(title.ar!)}`);
    expect(toArabic!.html).toContain('dir="rtl"');
    expect(provider.capture.messages({ to: early.email })).toHaveLength(0);
    expect(await db.signature.findUniqueOrThrow({ where: { id: due.signatureId } })).toMatchObject({ confirmationsSent: 2, reminderSentAt: expect.any(Date) });

    const token = /\/confirm\/([\w-]{43})/.exec(reminders[0]!.text ?? "")![1]!;
    const confirmed = await confirmSignature({ token });
    expect(confirmed).toMatchObject({ standing: "counted", counted: true });
    expect(await db.signature.findUniqueOrThrow({ where: { id: due.signatureId } })).toMatchObject({ state: "CONFIRMED" });
  });

  it("names a campaign not written in the signer's language in the language it is written in", async () => {
    const campaign = await createCampaign();
    await db.campaign.update({ where: { id: campaign.id }, data: { primaryLocale: "ar", title: { ar: "احموا المدنيين في إدلب" } } });
    const due = await signedAgo(campaign.id, { hoursAgo: 25 });

    await remindAndDeliver([due.signatureId]);

    const [reminder] = provider.capture.messages({ to: due.email });
    expect(reminder!.subject).toBe(`Reminder: confirm your signature: ${isolate("احموا المدنيين في إدلب")}`);
  });

  it("goes to nobody whose campaign closed, whose signature is held, invalidated or erased, or who had five confirmation e-mails", async () => {
    const open = await createCampaign();
    const closed = await createCampaign({ status: "CLOSED" });
    const pastClosing = await createCampaign({ closesAt: new Date(Date.now() - hourMs) });
    const refused = [
      await signedAgo(closed.id, { hoursAgo: 25 }),
      await signedAgo(pastClosing.id, { hoursAgo: 25 }),
      await signedAgo(open.id, { hoursAgo: 25, state: "HELD" }),
      await signedAgo(open.id, { hoursAgo: 25, state: "FRAUDULENT" }),
      await signedAgo(open.id, { hoursAgo: 25, state: "INVALIDATED" }),
      await signedAgo(open.id, { hoursAgo: 25, erased: true }),
      await signedAgo(open.id, { hoursAgo: 25, confirmationsSent: 5 }),
    ];
    const belowCap = await signedAgo(open.id, { hoursAgo: 25, confirmationsSent: 4 });

    await remindAndDeliver([...refused.map((signer) => signer.signatureId), belowCap.signatureId]);

    for (const signer of refused) expect(provider.capture.messages({ to: signer.email }), signer.email).toHaveLength(0);
    expect(provider.capture.messages({ to: belowCap.email })).toHaveLength(1);
    expect(await db.signature.findUniqueOrThrow({ where: { id: belowCap.signatureId } })).toMatchObject({ confirmationsSent: 5 });
  });
});
