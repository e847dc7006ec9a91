import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { env } from "../../../lib/env";
import { Prisma } from "../../../lib/generated/prisma/client";
import type { Queue, QueuedRow } from "../../../lib/jobs/queue";
import { mailQueue } from "../../../lib/mail/outbox-worker";
import { sendEmail } from "../../../lib/mail/send-email";
import { webhookQueue } from "../../../lib/webhooks/delivery-worker";
import { confirmationEmailProps, uniqueEmail } from "../../fixtures/factories";

type Row = { id: string; status: string; attempts: number; lastError: string | null; nextAttemptAt: Date };

// Each test queues rows of its own and claims only them (scope), since other test files share the
// database and queue rows too.
type Setup = {
  queue: Queue<never>;
  maxAttempts: number;
  add(count: number): Promise<{ scope: Prisma.Sql; rows(): Promise<Row[]>; update(data: { attempts?: number; nextAttemptAt?: Date; lockedUntil?: Date }): Promise<unknown> }>;
};

const past = () => new Date(Date.now() - 60_000);

const mail: Setup = {
  queue: mailQueue as unknown as Queue<never>,
  maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
  async add(count) {
    const keys = Array.from({ length: count }, () => `test-queue:${randomUUID()}`);
    await db.$transaction(async (tx) => {
      for (const idempotencyKey of keys) {
        const to = uniqueEmail("queue");
        await sendEmail(tx, { template: "confirm-signature", to, locale: "en", idempotencyKey, props: confirmationEmailProps(to) });
      }
    });
    const where = { idempotencyKey: { in: keys } };
    return {
      scope: Prisma.sql`q.idempotency_key = ANY(${keys}::text[])`,
      rows: () => db.outboxMessage.findMany({ where, orderBy: { id: "asc" } }),
      update: (data) => db.outboxMessage.updateMany({ where, data }),
    };
  },
};

const webhooks: Setup = {
  queue: webhookQueue as unknown as Queue<never>,
  maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
  async add(count) {
    const suffix = randomUUID().slice(0, 8);
    const organisation = await db.organisation.create({ data: { slug: `queue-${suffix}`, name: { en: `Queue ${suffix}` } } });
    const endpoint = await db.webhookEndpoint.create({ data: { organisationId: organisation.id, url: "http://127.0.0.1:9/", secret: "s", events: ["milestone.reached"] } });
    await db.webhookDelivery.createMany({
      data: Array.from({ length: count }, (_, goal) => ({ endpointId: endpoint.id, event: "milestone.reached", idempotencyKey: `${endpoint.id}:${goal}`, payload: { goal } })),
    });
    const where = { endpointId: endpoint.id };
    return {
      scope: Prisma.sql`q.endpoint_id = ${endpoint.id}`,
      rows: () => db.webhookDelivery.findMany({ where, orderBy: { id: "asc" } }),
      update: (data) => db.webhookDelivery.updateMany({ where, data }),
    };
  },
};

describe.each([
  ["mail", mail],
  ["webhooks", webhooks],
])("the %s queue", (_, setup) => {
  const { queue } = setup;
  const claim = (scope: Prisma.Sql, limit = 10) => queue.claim<QueuedRow>({ limit, scope });

  it("hands a row whose worker stopped answering to another once its lease runs out, and ignores the first worker's late outcome", async () => {
    const { scope, rows, update } = await setup.add(1);
    const [held] = await claim(scope);
    expect(held).toMatchObject({ attempts: 1 });
    // While the lease holds, nobody else gets the row.
    expect(await claim(scope)).toEqual([]);

    await update({ lockedUntil: past() });
    const [takenOver] = await claim(scope);
    expect(takenOver).toMatchObject({ id: held!.id, attempts: 2 });

    // The first worker comes back and reports: too late, the row is no longer its own.
    await queue.settle(db, held!, { ok: false, error: "late" });
    expect(await rows()).toMatchObject([{ status: "SENDING", attempts: 2, lastError: null }]);
    expect(await queue.settle(db, takenOver!, { ok: true })).toBe("done");
    expect(await rows()).toMatchObject([{ status: "SENT", attempts: 2, lastError: null }]);
    expect(await claim(scope)).toEqual([]);
  });

  it("tries a failed row again later, not at once, and keeps why it failed", async () => {
    const { scope, rows, update } = await setup.add(1);
    const [first] = await claim(scope);
    const before = Date.now();
    expect(await queue.settle(db, first!, { ok: false, error: "connection reset" })).toBe("retrying");
    const [waiting] = await rows();
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1, lastError: "connection reset" });
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 5_000);
    expect(await claim(scope)).toEqual([]);

    // Its time comes: the second attempt fails too, and waits longer than the first did.
    await update({ nextAttemptAt: past() });
    const [second] = await claim(scope);
    expect(second).toMatchObject({ attempts: 2 });
    const secondBefore = Date.now();
    await queue.settle(db, second!, { ok: false, error: "connection reset" });
    const [again] = await rows();
    expect(again!.nextAttemptAt.getTime() - secondBefore).toBeGreaterThan(waiting!.nextAttemptAt.getTime() - before);

    await update({ nextAttemptAt: past() });
    const [third] = await claim(scope);
    expect(await queue.settle(db, third!, { ok: true })).toBe("done");
    expect(await rows()).toMatchObject([{ status: "SENT", attempts: 3 }]);
  });

  it("gives a row up after its last attempt, or at once when the failure is permanent, and keeps it with its last error", async () => {
    const { scope, rows, update } = await setup.add(2);
    await update({ attempts: setup.maxAttempts - 1 });
    const claimed = await claim(scope);
    expect(claimed.map((row) => row.attempts)).toEqual([setup.maxAttempts, setup.maxAttempts]);
    const [last, permanent] = claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await queue.settle(db, last!, { ok: false, error: "HTTP 503" })).toBe("failed");
    expect(await queue.settle(db, permanent!, { ok: false, permanent: true, error: "422: invalid address" })).toBe("failed");
    expect(await rows()).toMatchObject([
      { status: "FAILED", lastError: "HTTP 503" },
      { status: "FAILED", lastError: "422: invalid address" },
    ]);
    await update({ nextAttemptAt: past() });
    expect(await claim(scope)).toEqual([]);
  });

  it("gives each row to one of two workers claiming at the same moment", async () => {
    const { scope, rows } = await setup.add(6);
    const [a, b] = await Promise.all([claim(scope, 4), claim(scope, 4)]);
    const ids = [...a!, ...b!].map((row) => row.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect((await rows()).every((row) => row.status === "SENDING" && row.attempts === 1)).toBe(true);
    expect(await claim(scope)).toEqual([]);
  });

  // PGlite has one connection: there, no worker can hold rows while another claims.
  it.skipIf(!process.env.DATABASE_URL)("takes the rows another worker is claiming at that moment past, rather than waiting for it", async () => {
    const { scope, rows } = await setup.add(6);
    const ids = (await rows()).map((row) => row.id);
    const table = Prisma.raw(setup === mail ? "outbox_messages" : "webhook_deliveries");
    const taken = await db.$transaction(async (tx) => {
      // Another worker's claim, half-way: it holds the first three rows.
      await tx.$queryRaw`SELECT id FROM ${table} WHERE id = ANY(${ids.slice(0, 3)}::text[]) FOR UPDATE`;
      return claim(scope);
    });
    expect(taken.map((row) => row.id).sort()).toEqual(ids.slice(3).sort());
    expect((await claim(scope)).map((row) => row.id).sort()).toEqual(ids.slice(0, 3).sort());
  });

  it.skipIf(!process.env.DATABASE_URL)("gives a worker the next due rows when another is claiming the oldest, rather than none", async () => {
    const { scope, rows } = await setup.add(6);
    const ids = (await rows()).map((row) => row.id);
    const table = Prisma.raw(setup === mail ? "outbox_messages" : "webhook_deliveries");
    // The first three are the oldest: a claim of three reads them first.
    await db.$executeRaw`UPDATE ${table} SET next_attempt_at = now() - interval '1 hour' WHERE id = ANY(${ids.slice(0, 3)}::text[])`;
    const taken = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM ${table} WHERE id = ANY(${ids.slice(0, 3)}::text[]) FOR UPDATE`;
      return claim(scope, 3);
    });
    expect(taken.map((row) => row.id).sort()).toEqual(ids.slice(3).sort());
  });
});
