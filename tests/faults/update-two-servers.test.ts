// Two app servers on one PostgreSQL database, both running the background jobs, and an organiser
// pressing Send on one update through both at once (a double click through a load balancer): the
// update is sent once, and every recipient gets it exactly once, though both servers queue and
// deliver it.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../lib/db";
import { createDraftUpdate, createUpdateAudience, deliveryTally, pressSend, sendForm, type UpdateAudience } from "../../bench/mailing";
import { startResendCapture, type ResendCapture } from "../fixtures/resend-capture";
import { BenchContext, uniqueName, waitFor, withClient, type BenchServer } from "./support";

// Enough recipients for many provider requests (up to 100 messages each), so both servers' mail
// workers claim some while the other is busy.
const recipients = 6_000;

describe("two app servers sending one update", () => {
  const context = new BenchContext();
  let capture: ResendCapture;
  let url: string;
  let servers: BenchServer[];
  let audience: UpdateAudience;

  beforeAll(async () => {
    capture = await startResendCapture();
    context.onCleanup(() => capture.stop());
    url = await context.postgresDatabase(uniqueName("nida_fault_update"));
    const sealing = openDatabase({ databaseUrl: url, pgliteDataDir: "memory://", poolSize: 2 });
    try {
      audience = await withClient(url, (client: pg.Client) => createUpdateAudience(client, sealing.prisma, recipients));
    } finally {
      await sealing.close();
    }
    // Each server its own API key, so the provider's log says which server sent each message.
    const env = (key: string) => ({ DATABASE_URL: url, JOBS_ENABLED: "true", RESEND_API_KEY: key, RESEND_BASE_URL: capture.url, OUTBOX_POLL_MS: "200", MAIL_RATE_PER_SECOND: "20" });
    servers = [await context.server("update-a", env("re_server_a")), await context.server("update-b", env("re_server_b"))];
  });

  afterAll(() => context.close());

  it("delivers each recipient exactly once", async () => {
    const updateId = await withClient(url, (client) => createDraftUpdate(client, audience));
    // Both servers show the Send button, then both are pressed at once.
    const forms = await Promise.all(servers.map((server) => sendForm(server, audience, updateId)));
    const presses = await Promise.all(servers.map((server, index) => pressSend(server, audience, forms[index]!)));
    const outcomes = presses.map((press) => /[?&](done|error)=([a-zA-Z]+)/.exec(press.location ?? "")?.slice(1).join("=")).sort();
    expect(outcomes).toEqual(["done=sent", "error=notSendable"]);

    await waitFor(
      "every message of the update to leave the outbox",
      () =>
        withClient(url, async (client) => {
          const { rows } = await client.query<{ status: string; open: number }>(
            `SELECT u.status, (SELECT count(*)::int FROM outbox_messages m WHERE m.template = 'supporter-update' AND m.status IN ('PENDING', 'SENDING')) AS open
               FROM supporter_updates u WHERE u.id = $1`,
            [updateId],
          );
          return rows[0]?.status === "SENT" && rows[0].open === 0;
        }),
      180_000,
      250,
    );

    expect(deliveryTally(capture, audience.prefix, recipients)).toEqual({ doubled: 0, missed: 0, unexpected: 0 });
    expect(capture.messageCount()).toBe(recipients);
    // Both servers took part in delivering it.
    const byServer = new Map<string, number>();
    for (const message of capture.messages()) byServer.set(message.apiKey, (byServer.get(message.apiKey) ?? 0) + 1);
    expect([...byServer.keys()].sort()).toEqual(["re_server_a", "re_server_b"]);
    const rows = await withClient(url, async (client) =>
      (
        await client.query<{ recipients: number; queued: number; sent: number; failed: number }>(
          `SELECT count(*)::int AS recipients, count(r.queued_at)::int AS queued, count(r.sent_at)::int AS sent,
                  (SELECT count(*)::int FROM outbox_messages m WHERE m.template = 'supporter-update' AND m.status = 'FAILED') AS failed
             FROM update_recipients r WHERE r.update_id = $1`,
          [updateId],
        )
      ).rows[0],
    );
    expect(rows).toEqual({ recipients, queued: recipients, sent: recipients, failed: 0 });
  });
});
