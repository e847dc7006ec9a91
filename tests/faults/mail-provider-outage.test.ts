// The mail provider is down, then refuses with 429, then recovers: signing never fails, and every
// confirmation e-mail is delivered exactly once afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BenchContext, distinctIp, sign, startSigningRun, uniqueName, waitFor, withClient, type SigningRun } from "./support";

describe("mail provider outage", () => {
  const context = new BenchContext();
  let started: SigningRun;

  beforeAll(async () => {
    started = await startSigningRun(context, { database: "nida_fault_mail", server: "mail-outage", env: { OUTBOX_POLL_MS: "200" } });
  });

  afterAll(() => context.close());

  it("keeps signing through the outage and delivers every confirmation exactly once after it", async () => {
    const { capture, url, server, form } = started;
    const run = uniqueName("outage");
    const signers: string[] = [];
    const signBatch = async (from: number, count: number) => {
      const outcomes = await Promise.all(
        Array.from({ length: count }, (_, i) => {
          const email = `${run}-${from + i}@example.org`;
          signers.push(email);
          return sign(server, form, email, distinctIp(from + i));
        }),
      );
      expect(outcomes.map((outcome) => outcome.outcome)).toEqual(outcomes.map(() => "signed"));
    };

    // Down: connections to the provider are dropped.
    capture.setMode("down");
    await signBatch(0, 15);
    // Every message is tried at least once (in batches: fewer requests than messages).
    await waitFor("the worker to try every message while the provider is down", async () =>
      capture.requests().some((r) => r.status === "destroyed") &&
      (await withClient(url, async (client) => (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_messages WHERE attempts = 0`)).rows[0]!.n)) === 0,
    );

    // Back, but refusing with 429 for a while.
    const refusals = 3;
    capture.failNext(refusals, 429, { retryAfterSeconds: 1 });
    capture.setMode("ok");
    await signBatch(100, 10);
    await waitFor("the provider to refuse with 429", async () => capture.requests().filter((r) => r.status === 429).length >= refusals, 90_000);

    // Recovered: every confirmation arrives once, however many times it was attempted.
    await waitFor("every confirmation to be delivered", async () => signers.every((to) => capture.messages({ to }).length > 0), 120_000, 250);
    for (const to of signers) expect(capture.messages({ to }), to).toHaveLength(1);
    // No request the provider accepted was made again under a new key.
    const keys = capture.requests().filter((r) => r.status === 200 && !r.replayed).map((r) => r.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The worker records each outcome once the provider has answered: every row ends up sent.
    const statuses = () =>
      withClient(url, async (client) =>
        (await client.query<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM outbox_messages WHERE template = 'confirm-signature' GROUP BY status`)).rows,
      );
    await waitFor("every outbox row to be recorded as sent", async () => (await statuses()).every((row) => row.status === "SENT"), 60_000, 250);
    expect(await statuses()).toEqual([{ status: "SENT", n: signers.length }]);
  });
});
