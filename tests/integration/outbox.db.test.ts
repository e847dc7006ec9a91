import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../emails/confirm-signature";
import { confirmedCount } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { readTranslations } from "../../lib/i18n/translations";
import { isolate } from "../../lib/i18n/isolate";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { sendEmail } from "../../lib/mail/send-email";
import { renderTemplate } from "../../lib/mail/templates";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { signPetition } from "../../lib/signatures/sign-petition";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { confirmationEmailProps, createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { mailsTo, openOutbox } from "../fixtures/sealed-mail";

// Other test files share the PostgreSQL database and queue messages of their own, which they read
// back. So that this file never delivers (and clears the payload of) someone else's message, each
// test backdates its own messages and claims exactly as many as it owns: the worker takes the
// oldest due messages first.
const backdated = new Date("2000-01-01T00:00:00Z");

const provider = capturedMailForTests({ clearBeforeEach: true });

// A confirmation e-mail in the outbox, due since long ago (see above).
async function queue(options: { to?: string; template?: string } = {}) {
  const to = options.to ?? uniqueEmail("outbox");
  const idempotencyKey = `test-outbox:${randomUUID()}`;
  await db.$transaction((tx) => sendEmail(tx, { template: "confirm-signature", to, locale: "en", idempotencyKey, props: confirmationEmailProps(to) }));
  await db.outboxMessage.update({ where: { idempotencyKey }, data: { nextAttemptAt: backdated, ...(options.template ? { template: options.template } : {}) } });
  return { to, idempotencyKey };
}

async function row(idempotencyKey: string) {
  return db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey } });
}

async function makeDue(idempotencyKey: string) {
  await db.outboxMessage.update({ where: { idempotencyKey }, data: { nextAttemptAt: backdated } });
}

const deliver = (limit: number) => deliverDueMessages({ transport: provider.transport, limit });

const requestsWith = (idempotencyKey: string) => provider.capture.requests().filter((request) => request.idempotencyKey === idempotencyKey);

describe("deliverDueMessages", () => {
  it("delivers a signer's confirmation e-mail, whose link then confirms the signature", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: "203.0.113.9" });
    const [queued] = await mailsTo(input.email, { template: "confirm-signature" });
    await makeDue(queued!.idempotencyKey);
    const confirmUrl = (queued!.payload as unknown as ConfirmSignatureProps).confirmUrl;

    const report = await deliver(1);
    expect(report).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });

    const email = await provider.capture.waitForMessage({ to: input.email }, { timeoutMs: 5_000 });
    expect(email.from).toBe(env.MAIL_FROM);
    expect(email.to).toEqual([input.email]);
    expect(email.subject).toBe(`Confirm your signature: ${isolate(readTranslations(campaign.title).en!)}`);
    expect(email.html).toContain(`href="${confirmUrl}"`);
    expect(email.text).toContain(confirmUrl);
    expect(email.idempotencyKey).toBe(queued!.idempotencyKey);

    const sent = await row(queued!.idempotencyKey);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1, payload: null, lockedUntil: null, lastError: null, providerId: email.id });
    expect(sent.sentAt).toBeInstanceOf(Date);

    // The signer follows the link they received.
    const token = email.text!.match(/\/confirm\/([A-Za-z0-9_-]{43})/)![1]!;
    expect(await confirmSignature({ token })).toEqual({ campaignSlug: campaign.slug, signatureId: expect.any(String), standing: "counted", counted: true, letterToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(await confirmedCount(campaign.id)).toBe(1);

    // A delivered message is never delivered again.
    const sentinel = await queue();
    expect(await deliver(1)).toMatchObject({ claimed: 1, sent: 1 });
    expect(provider.capture.messages({ to: input.email })).toHaveLength(1);
    expect((await row(sentinel.idempotencyKey)).status).toBe("SENT");
  });

  it("retries after a server error, later, and then delivers once", async () => {
    const message = await queue();
    provider.capture.failNext(1, 500);
    const before = Date.now();
    expect(await deliver(1)).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0 });

    const retrying = await row(message.idempotencyKey);
    expect(retrying).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
    expect(retrying.lastError).toMatch(/500/);
    expect(retrying.nextAttemptAt.getTime()).toBeGreaterThan(before);
    expect(retrying.payload).not.toBeNull();
    expect(provider.capture.messages({ to: message.to })).toEqual([]);

    await makeDue(message.idempotencyKey);
    expect(await deliver(1)).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    await provider.capture.waitForMessage({ to: message.to }, { timeoutMs: 5_000 });
    expect(provider.capture.messages({ to: message.to })).toHaveLength(1);
    expect(await row(message.idempotencyKey)).toMatchObject({ status: "SENT", attempts: 2, payload: null, lastError: null });
    expect(requestsWith(message.idempotencyKey).map((request) => request.status)).toEqual([500, 200]);
  });

  it("keeps the provider's reason for a refusal without the address it quotes", async () => {
    const message = await queue({ to: `Layla.Haddad+${randomUUID().slice(0, 6)}@example.org` });
    const [local, domain] = message.to.split("@");
    provider.capture.failNext(1, 422, { message: `Invalid \`to\` field: ${message.to} (${local!.toLowerCase()}@${domain}) is on the suppression list.` });
    expect(await deliver(1)).toMatchObject({ failed: 1 });
    const failed = await row(message.idempotencyKey);
    expect(failed.lastError).toMatch(/422: Invalid `to` field: \[address\] \(\[address\]\) is on the suppression list\./);
    expect(failed.lastError!.toLowerCase()).not.toContain(local!.toLowerCase());
  });

  it("gives up on a message the provider refuses (422), and never retries it", async () => {
    const message = await queue();
    provider.capture.failNext(1, 422);
    expect(await deliver(1)).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1 });

    const failed = await row(message.idempotencyKey);
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, lockedUntil: null, sentAt: null });
    expect(failed.lastError).toMatch(/422/);

    const sentinel = await queue();
    expect(await deliver(1)).toMatchObject({ claimed: 1, sent: 1 });
    expect((await row(sentinel.idempotencyKey)).status).toBe("SENT");
    expect(requestsWith(message.idempotencyKey)).toHaveLength(1);
    expect(provider.capture.messages({ to: message.to })).toEqual([]);
    expect(await row(message.idempotencyKey)).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("gives up after OUTBOX_MAX_ATTEMPTS failed attempts", async () => {
    const message = await queue();
    await db.outboxMessage.update({ where: { idempotencyKey: message.idempotencyKey }, data: { attempts: env.OUTBOX_MAX_ATTEMPTS - 1 } });
    provider.capture.failNext(1, 503);
    expect(await deliver(1)).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1 });
    expect(await row(message.idempotencyKey)).toMatchObject({ status: "FAILED", attempts: env.OUTBOX_MAX_ATTEMPTS });
  });

  it("fails a message it cannot render without calling the provider", async () => {
    const message = await queue({ template: "no-such-template" });
    expect(await deliver(1)).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1 });
    const failed = await row(message.idempotencyKey);
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toMatch(/cannot render/);
    expect(requestsWith(message.idempotencyKey)).toEqual([]);
  });

  it("re-delivers a message whose sender died mid-delivery, under the same Idempotency-Key, so it arrives once", async () => {
    const message = await queue();
    // The first worker handed the message to the provider, then died before recording it.
    const stored = await openOutbox(await row(message.idempotencyKey));
    const rendered = await renderTemplate("confirm-signature", stored.payload as unknown as ConfirmSignatureProps);
    const firstTry = await provider.transport.deliver({ ...rendered, to: message.to, from: env.MAIL_FROM, idempotencyKey: message.idempotencyKey });
    expect(firstTry.ok).toBe(true);
    await db.outboxMessage.update({
      where: { idempotencyKey: message.idempotencyKey },
      data: { status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() - 60_000) },
    });

    expect(await deliver(1)).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(requestsWith(message.idempotencyKey).map((request) => request.replayed)).toEqual([false, true]);
    expect(provider.capture.messages({ to: message.to })).toHaveLength(1);
    const sent = await row(message.idempotencyKey);
    expect(sent).toMatchObject({ status: "SENT", attempts: 2, payload: null, lockedUntil: null });
    expect(sent.providerId).toBe(provider.capture.messages({ to: message.to })[0]!.id);
  });

  it("leaves alone a message another worker is still delivering", async () => {
    const inFlight = await queue();
    // Older than anything else, so it would be taken first if its lease were ignored.
    await db.outboxMessage.update({
      where: { idempotencyKey: inFlight.idempotencyKey },
      data: { status: "SENDING", attempts: 1, nextAttemptAt: new Date("1999-01-01T00:00:00Z"), lockedUntil: new Date(Date.now() + 10 * 60_000) },
    });
    try {
      const sentinel = await queue();
      expect(await deliver(1)).toMatchObject({ claimed: 1, sent: 1 });
      expect((await row(sentinel.idempotencyKey)).status).toBe("SENT");
      expect(await row(inFlight.idempotencyKey)).toMatchObject({ status: "SENDING", attempts: 1 });
      expect(requestsWith(inFlight.idempotencyKey)).toEqual([]);
    } finally {
      // Never let it fall due for anyone later.
      await db.outboxMessage.update({ where: { idempotencyKey: inFlight.idempotencyKey }, data: { status: "FAILED", lockedUntil: null } });
    }
  });

  it("never delivers a message twice when two delivery rounds run at once", async () => {
    const messages = [];
    for (let i = 0; i < 8; i++) messages.push(await queue());

    const reports = await Promise.all([deliver(4), deliver(4)]);
    expect(reports.reduce((sum, report) => sum + report.claimed, 0)).toBe(8);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(8);

    // Each round sends its four messages as one batch.
    expect(provider.capture.requests().map((request) => request.path)).toEqual(["/emails/batch", "/emails/batch"]);
    for (const message of messages) {
      expect(provider.capture.messages({ to: message.to }), message.to).toHaveLength(1);
      expect(await row(message.idempotencyKey)).toMatchObject({ status: "SENT", attempts: 1 });
    }
  });
});
