import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { rateLimiter } from "../../lib/mail/rate-limiter";
import { sendEmail } from "../../lib/mail/send-email";
import type { MailTransport } from "../../lib/mail/transport";
import { mailScope, sealText } from "../../lib/sealing/seal";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { confirmationEmailProps, uniqueEmail } from "../fixtures/factories";

// Other test files share the PostgreSQL database and deliver their own messages: every round here
// is limited to this test's own messages (onlyKeys), which are due as soon as they are written.

const provider = capturedMailForTests({ clearBeforeEach: true });
const noPace = { acquire: async () => {} };

type Queued = { to: string; idempotencyKey: string };

// Confirmation e-mails in the outbox, written in one transaction like a burst of signatures.
async function queue(count: number, options: { replyTo?: string; cc?: string; withLinks?: boolean } = {}): Promise<Queued[]> {
  const messages = Array.from({ length: count }, () => ({ to: uniqueEmail("batch"), idempotencyKey: `test-batch:${randomUUID()}` }));
  await db.$transaction(
    async (tx) => {
      for (const { to, idempotencyKey } of messages) {
        await sendEmail(tx, {
          template: "confirm-signature",
          to,
          locale: "en",
          idempotencyKey,
          props: confirmationEmailProps(to, { supporterLinks: options.withLinks }),
          replyTo: options.replyTo,
          cc: options.cc,
        });
      }
    },
    { timeout: 60_000 },
  );
  return messages;
}

const keysOf = (messages: Queued[]) => messages.map((message) => message.idempotencyKey);

const rows = (messages: Queued[]) =>
  db.outboxMessage.findMany({ where: { idempotencyKey: { in: keysOf(messages) } }, orderBy: { idempotencyKey: "asc" } });

describe("batch delivery", () => {
  it("delivers 250 due messages in three provider requests, each message once", async () => {
    const messages = await queue(250);
    const pace = rateLimiter(2);
    let claimed = 0;
    for (let round = 0; round < 5; round++) {
      const report = await deliverDueMessages({ transport: provider.transport, pace, onlyKeys: keysOf(messages), limit: 100 });
      if (report.claimed === 0) break;
      expect(report.failed + report.retrying).toBe(0);
      claimed += report.claimed;
    }

    expect(claimed).toBe(250);
    const requests = provider.capture.requests();
    expect(requests.length).toBeLessThanOrEqual(3);
    expect(requests.every((request) => request.path === "/emails/batch" && request.status === 200)).toBe(true);
    const stored = await rows(messages);
    for (const message of messages) {
      const received = provider.capture.messages({ to: message.to });
      expect(received, message.to).toHaveLength(1);
      expect(stored.find((row) => row.idempotencyKey === message.idempotencyKey)).toMatchObject({
        status: "SENT",
        providerId: received[0]!.id,
        payload: null,
        lockedUntil: null,
      });
    }
  });

  it("re-sends a batch whose sender died after the provider accepted it, under the same key, so each message arrives once", async () => {
    const messages = await queue(5);
    // The first worker claims the batch and hands it to the provider, then dies before recording
    // anything: the rows are left mid-delivery, their lease run out.
    const dying: MailTransport = {
      name: "resend",
      deliver: provider.transport.deliver,
      async deliverBatch(emails, batchKey) {
        expect((await provider.transport.deliverBatch!(emails, batchKey)).ok).toBe(true);
        throw new Error("the process died");
      },
    };
    expect(await deliverDueMessages({ transport: dying, pace: noPace, onlyKeys: keysOf(messages) })).toMatchObject({ claimed: 5 });
    const [first] = provider.capture.requests();
    expect(first).toMatchObject({ path: "/emails/batch", status: 200, replayed: false });
    expect((await rows(messages)).every((row) => row.batchKey === first!.idempotencyKey)).toBe(true);
    await db.outboxMessage.updateMany({
      where: { idempotencyKey: { in: keysOf(messages) } },
      data: { status: "SENDING", lockedUntil: new Date(Date.now() - 60_000), lastError: null },
    });

    // Asked for one of them, the next worker takes the whole batch and sends it again as it was.
    expect(await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: [messages[0]!.idempotencyKey] })).toEqual({
      claimed: 5,
      sent: 5,
      retrying: 0,
      failed: 0,
    });
    const requests = provider.capture.requests();
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject({ path: "/emails/batch", idempotencyKey: first!.idempotencyKey, replayed: true, ids: first!.ids });
    const stored = await rows(messages);
    for (const message of messages) {
      const received = provider.capture.messages({ to: message.to });
      expect(received, message.to).toHaveLength(1);
      expect(stored.find((row) => row.idempotencyKey === message.idempotencyKey)).toMatchObject({ status: "SENT", providerId: received[0]!.id, attempts: 2 });
    }
  });

  it("retries a batch the provider could not take as the same batch, under the same key", async () => {
    const messages = await queue(3);
    provider.capture.failNext(1, 503);
    expect(await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keysOf(messages) })).toEqual({ claimed: 3, sent: 0, retrying: 3, failed: 0 });
    const waiting = await rows(messages);
    expect(new Set(waiting.map((row) => row.batchKey)).size).toBe(1);
    expect(new Set(waiting.map((row) => row.nextAttemptAt.getTime())).size).toBe(1);
    expect(waiting.every((row) => row.status === "PENDING" && /503/.test(row.lastError ?? ""))).toBe(true);

    await db.outboxMessage.updateMany({ where: { idempotencyKey: { in: keysOf(messages) } }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    expect(await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keysOf(messages) })).toEqual({ claimed: 3, sent: 3, retrying: 0, failed: 0 });
    const requests = provider.capture.requests();
    expect(requests.map((request) => request.status)).toEqual([503, 200]);
    expect(requests[1]!.idempotencyKey).toBe(waiting[0]!.batchKey);
    for (const message of messages) expect(provider.capture.messages({ to: message.to }), message.to).toHaveLength(1);
  });

  it("delivers the rest of a batch when the provider refuses one of its messages", async () => {
    const messages = await queue(4);
    const bad = messages[1]!;
    const toAddress = await sealText(mailScope, "outbox_messages.to_address", bad.idempotencyKey, "not an address");
    await db.outboxMessage.update({ where: { idempotencyKey: bad.idempotencyKey }, data: { toAddress } });

    expect(await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keysOf(messages) })).toEqual({ claimed: 4, sent: 3, retrying: 0, failed: 1 });
    expect(provider.capture.requests()).toHaveLength(1);
    const stored = await rows(messages);
    for (const message of messages) {
      const row = stored.find((candidate) => candidate.idempotencyKey === message.idempotencyKey)!;
      if (message === bad) {
        expect(row).toMatchObject({ status: "FAILED", providerId: null, lockedUntil: null });
        expect(row.lastError).toMatch(/422: Invalid `to` field/);
        continue;
      }
      const received = provider.capture.messages({ to: message.to });
      expect(received, message.to).toHaveLength(1);
      expect(row).toMatchObject({ status: "SENT", providerId: received[0]!.id });
    }
  });

  it("sends each message on its own when the provider refuses the batch request itself", async () => {
    const messages = await queue(3);
    provider.capture.failNext(1, 400);
    expect(await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keysOf(messages) })).toEqual({ claimed: 3, sent: 3, retrying: 0, failed: 0 });
    const requests = provider.capture.requests();
    expect(requests.map((request) => `${request.path} ${request.status}`)).toEqual(["/emails/batch 400", "/emails 200", "/emails 200", "/emails 200"]);
    expect(requests.slice(1).map((request) => request.idempotencyKey).sort()).toEqual(keysOf(messages).sort());
    for (const message of messages) expect(provider.capture.messages({ to: message.to }), message.to).toHaveLength(1);
  });

  it("keeps List-Unsubscribe, Reply-To and the copy on messages sent in a batch", async () => {
    const supporter = uniqueEmail("supporter");
    const messages = await queue(2, { replyTo: supporter, cc: supporter, withLinks: true });
    expect(await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: keysOf(messages) })).toMatchObject({ claimed: 2, sent: 2 });
    expect(provider.capture.requests().map((request) => request.path)).toEqual(["/emails/batch"]);
    for (const message of messages) {
      const [received] = provider.capture.messages({ to: message.to });
      expect(received).toMatchObject({
        batch: true,
        to: [message.to],
        reply_to: [supporter],
        cc: [supporter],
        headers: {
          "List-Unsubscribe": `<http://nida.test/api/unsubscribe/${"B".repeat(43)}>`,
          "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
      });
    }
  });
});
