import { existsSync } from "node:fs";
import { connect } from "node:net";
import pg from "pg";
import { Resend } from "resend";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../fixtures/free-port";
import { createDatabase, dropDatabase, startPostgresCluster, type PostgresCluster } from "../fixtures/postgres-cluster";
import {
  clearCaptured,
  fetchCaptured,
  startResendCapture,
  waitForCapturedMessage,
  type ResendCapture,
} from "../fixtures/resend-capture";

/** Resolves true if something accepts TCP connections on 127.0.0.1:port, false on refusal. */
function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("freePort", () => {
  test("returns a loopback port nobody listens on", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
    expect(await portAcceptsConnections(port)).toBe(false);
  });
});

describe("startPostgresCluster", { timeout: 60_000 }, () => {
  let cluster: PostgresCluster;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  test("starts a cluster that answers queries through pg", async () => {
    expect(cluster.url).toBe(`postgresql://postgres@127.0.0.1:${cluster.port}/postgres`);
    const [row] = await query<{ version: string; fsync: string; max_connections: string; db: string }>(
      cluster.url,
      "select version(), current_setting('fsync') as fsync, current_setting('max_connections') as max_connections, current_database() as db",
    );
    expect(row!.version).toMatch(/^PostgreSQL \d+/);
    expect(row!.fsync).toBe("off");
    expect(row!.max_connections).toBe("200");
    expect(row!.db).toBe("postgres");
  });

  test("createDatabase adds a database with its own URL", async () => {
    const url = await createDatabase(cluster.url, "fixture_check");
    expect(url).toBe(`postgresql://postgres@127.0.0.1:${cluster.port}/fixture_check`);
    const [row] = await query<{ db: string }>(url, "select current_database() as db");
    expect(row!.db).toBe("fixture_check");
    await query(url, "create table t (id int primary key); insert into t values (1)");
    const rows = await query<{ id: number }>(url, "select id from t");
    expect(rows).toEqual([{ id: 1 }]);
    // Cloned from template1, not from the other database: the table is not in postgres.
    await expect(query(cluster.url, "select * from t")).rejects.toThrow(/relation "t" does not exist/);

    await expect(createDatabase(cluster.url, "bad name; drop")).rejects.toThrow(/Invalid database name/);
    await dropDatabase(cluster.url, "fixture_check");
    const dbs = await query<{ datname: string }>(cluster.url, "select datname from pg_database where datname = 'fixture_check'");
    expect(dbs).toEqual([]);
  });

  test("stop() shuts the server down and removes its directory", async () => {
    expect(existsSync(cluster.dataDir)).toBe(true);
    expect(await portAcceptsConnections(cluster.port)).toBe(true);
    await cluster.stop();
    expect(existsSync(cluster.dir)).toBe(false);
    expect(await portAcceptsConnections(cluster.port)).toBe(false);
    await cluster.stop(); // idempotent
  });
});

describe("startResendCapture with the real resend SDK", () => {
  let capture: ResendCapture;
  let resend: Resend;
  const from = "Nida <noreply@nida.test>";

  beforeAll(async () => {
    capture = await startResendCapture();
    resend = new Resend("re_test_key", { baseUrl: capture.url });
  });

  afterAll(async () => {
    await capture?.stop();
  });

  test("captures a message sent with emails.send and returns its id", async () => {
    const { data, error } = await resend.emails.send({
      from,
      to: "Alice <alice@example.org>",
      subject: "Confirm your signature",
      html: "<p>Click <a href='https://nida.test/c/1'>here</a></p>",
      text: "Click https://nida.test/c/1",
      replyTo: "support@nida.test",
      headers: { "List-Unsubscribe": "<https://nida.test/u/1>" },
      tags: [{ name: "kind", value: "confirm" }],
    });
    expect(error).toBeNull();
    expect(data!.id).toMatch(/^[0-9a-f-]{36}$/);

    const m = await capture.waitForMessage({ to: "alice@example.org" }, { timeoutMs: 5_000 });
    expect(m).toMatchObject({
      id: data!.id,
      batch: false,
      from,
      to: ["Alice <alice@example.org>"],
      subject: "Confirm your signature",
      text: "Click https://nida.test/c/1",
      reply_to: ["support@nida.test"],
      headers: { "List-Unsubscribe": "<https://nida.test/u/1>" },
      tags: [{ name: "kind", value: "confirm" }],
      idempotencyKey: null,
      apiKey: "re_test_key",
    });
    expect(m.html).toContain("https://nida.test/c/1");
    expect(m.userAgent).toMatch(/^resend-node:/);
    expect(Date.parse(m.receivedAt)).not.toBeNaN();
    expect(capture.messages({ to: "ALICE@example.org" })).toHaveLength(1);
  });

  test("waitForMessage resolves on arrival and rejects after its timeout", async () => {
    const waiting = capture.waitForMessage((m) => m.subject === "later", { timeoutMs: 5_000 });
    await resend.emails.send({ from, to: "bob@example.org", subject: "later", text: "hi" });
    expect((await waiting).to).toEqual(["bob@example.org"]);

    await expect(capture.waitForMessage({ to: "nobody@example.org" }, { timeoutMs: 20 })).rejects.toThrow(
      /no message matching .*nobody@example.org.* within 20 ms/,
    );
  });

  test("honours Idempotency-Key like Resend", async () => {
    const payload = { from, to: "carol@example.org", subject: "Digest", text: "one" };
    const first = await resend.emails.send(payload, { idempotencyKey: "digest/carol/2024-01-01" });
    const second = await resend.emails.send(payload, { idempotencyKey: "digest/carol/2024-01-01" });
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(second.data!.id).toBe(first.data!.id);
    const stored = capture.messages({ to: "carol@example.org" });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.idempotencyKey).toBe("digest/carol/2024-01-01");
    expect(capture.requests().filter((r) => r.idempotencyKey === "digest/carol/2024-01-01").map((r) => r.replayed)).toEqual([
      false,
      true,
    ]);

    // Same key, different payload: 409, as Resend answers.
    const conflict = await resend.emails.send({ ...payload, text: "two" }, { idempotencyKey: "digest/carol/2024-01-01" });
    expect(conflict.data).toBeNull();
    expect(conflict.error).toMatchObject({ statusCode: 409, name: "invalid_idempotent_request" });
    expect(capture.messages({ to: "carol@example.org" })).toHaveLength(1);
  });

  test("failNext: the SDK resolves with an error object (no throw), then the next call succeeds", async () => {
    capture.failNext(1, 429, { retryAfterSeconds: 1 });
    const limited = await resend.emails.send(
      { from, to: "dave@example.org", subject: "Retry me", text: "x" },
      { idempotencyKey: "retry-1" },
    );
    expect(limited.data).toBeNull();
    expect(limited.error).toEqual({
      statusCode: 429,
      name: "rate_limit_exceeded",
      message: expect.stringContaining("Too many requests"),
    });
    expect(limited.headers?.["retry-after"]).toBe("1");
    expect(capture.messages({ to: "dave@example.org" })).toHaveLength(0);

    // A failed request does not record the idempotency key: the retry goes through.
    const retried = await resend.emails.send(
      { from, to: "dave@example.org", subject: "Retry me", text: "x" },
      { idempotencyKey: "retry-1" },
    );
    expect(retried.error).toBeNull();
    expect(capture.messages({ to: "dave@example.org" })).toHaveLength(1);

    capture.failNext(2, 500);
    for (let i = 0; i < 2; i++) {
      const r = await resend.emails.send({ from, to: "erin@example.org", subject: "s", text: "t" });
      expect(r.error).toMatchObject({ statusCode: 500, name: "internal_server_error" });
    }
    expect((await resend.emails.send({ from, to: "erin@example.org", subject: "s", text: "t" })).error).toBeNull();

    capture.failNext(1, 502, { rawBody: "<html>Bad gateway</html>" });
    const gateway = await resend.emails.send({ from, to: "erin@example.org", subject: "s", text: "t" });
    expect(gateway.error).toMatchObject({ statusCode: 502, name: "application_error" });
  });

  test("setMode: down fails at the network level, unavailable answers 503, hang never answers", async () => {
    const msg = { from, to: "frank@example.org", subject: "modes", text: "t" };
    capture.setMode("down");
    const down = await resend.emails.send(msg);
    expect(down.data).toBeNull();
    expect(down.error).toMatchObject({ statusCode: null, name: "application_error" });
    // Control endpoints keep working while down.
    expect(await fetchCaptured(capture.url, { to: "frank@example.org" })).toEqual([]);

    capture.setMode("unavailable");
    expect((await resend.emails.send(msg)).error).toMatchObject({ statusCode: 503 });

    capture.setMode("hang");
    const before = capture.requests().length;
    const hanging = resend.emails.send(msg);
    await capture.waitForRequest((r, i) => i >= before && r.status === "hung", { timeoutMs: 5_000 });
    capture.setMode("ok"); // drops the hung connection
    expect((await hanging).error).toMatchObject({ statusCode: null, name: "application_error" });

    expect((await resend.emails.send(msg)).error).toBeNull();
    expect(capture.messages({ to: "frank@example.org" })).toHaveLength(1);
  });

  test("batch.send stores every message and returns their ids", async () => {
    const { data, error } = await resend.batch.send([
      { from, to: "g1@example.org", subject: "batch 1", text: "1" },
      { from, to: ["g2@example.org", "g3@example.org"], subject: "batch 2", html: "<p>2</p>" },
    ]);
    expect(error).toBeNull();
    expect(data!.data).toHaveLength(2);
    const stored = capture.messages((m) => m.batch);
    expect(stored.map((m) => m.id)).toEqual(data!.data.map((d) => d.id));
    expect(stored[1]!.to).toEqual(["g2@example.org", "g3@example.org"]);

    const invalid = await resend.batch.send([{ from, to: "g4@example.org", subject: "", text: "x" }]);
    expect(invalid.error).toMatchObject({ statusCode: 422, name: "validation_error" });
  });

  test("rejects bad requests the way Resend does", async () => {
    const noSubject = await resend.emails.send({ from, to: "h@example.org", text: "x" } as never);
    expect(noSubject.error).toMatchObject({ statusCode: 422, name: "missing_required_field" });
    const badAddress = await resend.emails.send({ from, to: "not an address", subject: "s", text: "x" });
    expect(badAddress.error).toMatchObject({ statusCode: 422, name: "validation_error" });

    const unauthenticated = await fetch(`${capture.url}/emails`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from, to: "h@example.org", subject: "s", text: "x" }),
    });
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ statusCode: 401, name: "missing_api_key" });
  });

  test("RESEND_BASE_URL points a client at the capture", async () => {
    const previous = process.env.RESEND_BASE_URL;
    process.env.RESEND_BASE_URL = capture.url;
    try {
      const client = new Resend("re_env_key");
      const { error } = await client.emails.send({ from, to: "ivan@example.org", subject: "env", text: "x" });
      expect(error).toBeNull();
      expect(capture.messages({ to: "ivan@example.org" })[0]!.apiKey).toBe("re_env_key");
    } finally {
      if (previous === undefined) delete process.env.RESEND_BASE_URL;
      else process.env.RESEND_BASE_URL = previous;
    }
  });

  test("control endpoints serve another process", async () => {
    const waiting = waitForCapturedMessage(capture.url, { to: "judy@example.org" }, { timeoutMs: 5_000 });
    await resend.emails.send({ from, to: "judy@example.org", subject: "over http", text: "x" });
    expect((await waiting).subject).toBe("over http");
    expect(await fetchCaptured(capture.url, { to: "judy@example.org" })).toHaveLength(1);

    await expect(waitForCapturedMessage(capture.url, { to: "nobody@example.org" }, { timeoutMs: 20 })).rejects.toThrow(
      /within 20 ms/,
    );

    const fail = await fetch(`${capture.url}/__fail`, { method: "POST", body: JSON.stringify({ count: 1, status: 429 }) });
    expect(fail.ok).toBe(true);
    expect((await resend.emails.send({ from, to: "judy@example.org", subject: "x", text: "x" })).error?.statusCode).toBe(429);

    await clearCaptured(capture.url);
    expect(capture.messages()).toEqual([]);
  });
});
