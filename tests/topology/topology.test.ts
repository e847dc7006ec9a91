// The production topology of deploy/ on loopback, from Debian's packages: Caddy (deploy/Caddyfile's
// proxy settings) in front of two production app servers built once, PgBouncer in transaction mode
// in front of a PostgreSQL primary, and a streaming replica the stale-tolerant reads go to. Under
// load, one app server is killed and restarted, the replica serves an export while the primary
// serves a confirmation, and PgBouncer is killed and restarted; both servers run the jobs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailHash } from "../../lib/sealing/lookup";
import { createOrganiserSession } from "../../bench/export";
import { distinctIp, signEndpoint, signForm, signJsonRequest, signJsonOutcome, type FormFields } from "../../bench/support/forms";
import { openDatabase } from "../../lib/db";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { createDatabase, startPostgresCluster, type PostgresCluster } from "../fixtures/postgres-cluster";
import { ensureSystemDependencies } from "../fixtures/provision";
import { startResendCapture, type ResendCapture } from "../fixtures/resend-capture";
import { startWebhookReceiver } from "../fixtures/webhook-receiver";
import { freePort } from "../fixtures/free-port";
import { differingTables, tableRows } from "../fixtures/table-rows";
import { BenchContext, campaignIntegrity, confirm, confirmLink, openSeedCampaign, sustain, uniqueName, waitFor, withClient, type BenchServer } from "../faults/support";
import { startCaddy, startPgBouncer, startReplica, type Caddy, type PgBouncer, type Replica } from "./engines";

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

type Attempt = { email: string; status: number; outcome: "signed" | "unavailable" | "cut" | "other" | "network"; retryAfter: string | null; upstream: string | null; at: number; ms: number };

const database = "nida_topology";
const leaseSeconds = 15;

describe("the production topology", () => {
  const context = new BenchContext();
  let primary: PostgresCluster;
  let primaryUrl: string;
  let replica: Replica;
  let bouncer: PgBouncer;
  let caddy: Caddy;
  let capture: ResendCapture;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let serverEnv: Record<string, string>;
  const servers: BenchServer[] = [];
  const ports: number[] = [];
  let campaign: { id: string; slug: string };
  let form: FormFields;
  const run = uniqueName("topo");
  const figures: Record<string, unknown> = {};

  // One signature through Caddy, as the page's script sends it; which app server answered.
  async function sign(email: string, n: number, consent = false): Promise<Attempt> {
    const started = performance.now();
    const request = signJsonRequest(caddy.url, form, { name: `Signer ${n}`, email, consent }, distinctIp(n));
    try {
      const response = await fetch(signEndpoint(caddy.url), { method: "POST", body: request.body, headers: request.headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      const body = await response.text();
      const retryAfter = response.headers.get("retry-after");
      // A 503 from Caddy (no app server can answer) is "try again shortly" as much as the app's own.
      // An answer whose server died while sending it: the status arrived, the body did not.
      const cut = response.status === 201 && !isJson(body);
      const outcome = response.status === 503 && retryAfter ? "unavailable" : cut ? "cut" : signJsonOutcome(response.status, body);
      return { email, status: response.status, outcome, retryAfter, upstream: response.headers.get("x-nida-upstream"), at: started, ms: performance.now() - started };
    } catch {
      return { email, status: 0, outcome: "network", retryAfter: null, upstream: null, at: started, ms: performance.now() - started };
    }
  }

  let signed = 0;
  const concurrency = 6;
  const load = (prefix: string) =>
    sustain(concurrency, async (n) => {
      const attempt = await sign(`${run}-${prefix}-${n}@example.org`, ++signed);
      return attempt;
    });

  // Addresses are sealed: signers are found by the keyed hash of their address, computed here as
  // the app servers compute it (they run from this checkout, with its .data/app-secret).
  async function storedEmailHashes(): Promise<Set<string>> {
    return withClient(primaryUrl, async (client) => {
      const rows = await client.query<{ email_hash: string }>(`SELECT sp.email_hash FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE s.campaign_id = $1`, [campaign.id]);
      return new Set(rows.rows.map((row) => row.email_hash));
    });
  }

  // Every acknowledged signer is stored with exactly one confirmation e-mail at the provider, once
  // the outbox has nothing due left to send (a reminder due days later is not).
  async function expectStoredAndMailedOnce(acknowledged: string[]) {
    const stored = await storedEmailHashes();
    expect(acknowledged.filter((email) => !stored.has(emailHash(email)))).toEqual([]);
    // A batch claimed by a server that died is sent again once its claim's lease runs out.
    await waitFor("every confirmation e-mail", async () => acknowledged.every((to) => capture.messages({ to }).length > 0), 180_000, 200);
    await waitFor("an empty outbox", () =>
      withClient(primaryUrl, async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_messages WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= now()`)).rows[0]!.n) === 0),
      // A claim cut short by a lost connection is taken again once its lease has run out.
      180_000,
    );
    expect(acknowledged.filter((to) => capture.messages({ to }).length !== 1)).toEqual([]);
    const integrity = await campaignIntegrity(primaryUrl, campaign.id);
    expect(integrity.withoutMessage).toBe(0);
    expect(integrity.counted).toBe(integrity.confirmed);
  }

  beforeAll(async () => {
    const setupStarted = performance.now();
    await ensureSystemDependencies({ postgres: true, caddy: true, pgbouncer: true });
    primary = await startPostgresCluster({
      // A replica needs the primary's WAL to describe every page in full, and to stream it.
      settings: { wal_level: "replica", max_wal_senders: 4, full_page_writes: true, wal_keep_size: "256MB", shared_buffers: "128MB" },
      maxConnections: 100,
    });
    context.onCleanup(() => primary.stop());
    primaryUrl = await createDatabase(primary.url, database);
    const migrating = openDatabase({ databaseUrl: primaryUrl, pgliteDataDir: "memory://" });
    try {
      await applyMigrations(migrating.migrationAdapter());
    } finally {
      await migrating.close();
    }
    replica = await startReplica(primary, database);
    context.onCleanup(() => replica.stop());
    bouncer = await startPgBouncer(primary, database);
    context.onCleanup(() => bouncer.stop());
    capture = await startResendCapture();
    context.onCleanup(() => capture.stop());

    ports.push(await freePort(), await freePort());
    const caddyPort = await freePort();
    serverEnv = {
      DATABASE_URL: `${bouncer.url}?pgbouncer=true`,
      DIRECT_DATABASE_URL: primaryUrl,
      READ_DATABASE_URL: replica.url,
      // Links in e-mails lead through the proxy, as APP_URL makes them in production.
      APP_URL: `http://127.0.0.1:${caddyPort}`,
      JOBS_ENABLED: "true",
      OUTBOX_POLL_MS: "200",
      // A batch claimed by a server that dies goes again when its claim's lease runs out: 15 s
      // here rather than production's two minutes, so the test waits seconds, not minutes.
      OUTBOX_LEASE_SECONDS: String(leaseSeconds),
      // A stopping server fails its health check this long before it stops accepting (deploy/.env.example).
      SHUTDOWN_DRAIN_MS: "5000",
      // The digest job runs every 2 s on both servers; a campaign's digest goes once a day.
      DIGEST_JOB_INTERVAL_MS: "2000",
      RESEND_API_KEY: "re_topology",
      RESEND_BASE_URL: capture.url,
      TRUST_PROXY_HOPS: "1",
      DATABASE_CONNECT_TIMEOUT_MS: "3000",
    };
    // One after the other: the first seeds, the second finds it done.
    for (const [index, port] of ports.entries()) servers.push(await context.server(`app-${index + 1}`, { ...serverEnv, PORT: String(port) }));
    caddy = await startCaddy(ports.map((port) => `127.0.0.1:${port}`), caddyPort);
    context.onCleanup(() => caddy.stop());
    campaign = await openSeedCampaign(primaryUrl);
    // Its decision-makers get a daily digest, from whichever server's job writes it first.
    await withClient(primaryUrl, (client) => client.query(`UPDATE campaigns SET digest_cadence = 'DAILY' WHERE id = $1`, [campaign.id]));
    // The campaign's organisations hear of every confirmation, from whichever server's worker
    // delivers it.
    receiver = await startWebhookReceiver();
    context.onCleanup(() => receiver.stop());
    await withClient(primaryUrl, (client) =>
      client.query(
        `INSERT INTO webhook_endpoints (id, organisation_id, url, secret, events)
         SELECT 'topology-' || organisation_id, organisation_id, $2, 'whsec_dG9wb2xvZ3ktdG9wb2xvZ3ktdG9wb2xvZ3k=', ARRAY['signature.confirmed']
           FROM campaign_owners WHERE campaign_id = $1`,
        [campaign.id, receiver.url],
      ),
    );
    form = await signForm(caddy.url, campaign.slug);
    figures.setupSeconds = Math.round((performance.now() - setupStarted) / 100) / 10;
  });

  afterAll(async () => {
    console.log(`[topology] ${JSON.stringify(figures)}`);
    await context.close();
  });

  it("loses no acknowledged signature while an app server is killed, and routes around it until it is back", async () => {
    const [, second] = ports.map((port) => `127.0.0.1:${port}`);
    const signing = load("kill");
    await waitFor("both app servers answering through Caddy", async () => new Set(signing.results.filter((a) => a.outcome === "signed").map((a) => a.upstream)).size === 2);
    const killedAt = performance.now();
    await servers[1]!.kill();
    // Caddy's active health check marks the dead server down...
    await waitFor("Caddy's health check to mark the killed server down", async () => caddy.events.some((event) => event.host === second && !event.up && event.at > killedAt), 30_000);
    const markedDownAt = caddy.events.find((event) => event.host === second && !event.up && event.at > killedAt)!.at;
    const afterDown = signing.count();
    await waitFor("signing going on without it", async () => signing.results.slice(afterDown).filter((a) => a.outcome === "signed").length >= 20, 60_000);
    // ...and no answer came from it while it was down.
    expect(signing.results.filter((a) => a.at > markedDownAt && a.upstream === second)).toEqual([]);

    const restartedAt = performance.now();
    servers[1] = await context.server("app-2-again", { ...serverEnv, PORT: String(ports[1]) });
    await waitFor("Caddy's health check to find it up again", async () => caddy.events.some((event) => event.host === second && event.up && event.at > restartedAt), 30_000);
    await waitFor("requests reaching it again", async () => signing.results.some((a) => a.at > restartedAt && a.upstream === second && a.outcome === "signed"), 30_000);
    const attempts = await signing.stop();

    const during = attempts.filter((a) => a.at >= killedAt && a.at <= restartedAt);
    figures.kill = {
      requests: attempts.length,
      acknowledged: attempts.filter((a) => a.outcome === "signed").length,
      notSigned: attempts.filter((a) => a.outcome !== "signed").map((a) => `${a.status}`),
      longestAnswerWhileDownMs: Math.round(Math.max(...during.map((a) => a.ms))),
      healthCheckNoticedAfterMs: Math.round(markedDownAt - killedAt),
    };
    // A request that could not reach the dead server went to the live one. Those the server had
    // begun when it died, or that found no healthy server in the moment before the health check
    // noticed, cannot be sent again: they were answered "try again shortly", never a bare error.
    // An answer the killed server had begun when it died arrives cut short (its status without
    // its body): the page then asks the signer to try again, as for a 503.
    const failed = attempts.filter((a) => a.outcome !== "signed");
    const cutByTheKill = (a: Attempt) => a.outcome === "cut" && a.upstream === second && a.at < killedAt;
    expect(failed.filter((a) => !(a.outcome === "unavailable" && a.retryAfter) && !cutByTheKill(a))).toEqual([]);
    const acknowledged = attempts.filter((a) => a.outcome === "signed").map((a) => a.email);
    figures.kill = { ...(figures.kill as object), stored: (await storedEmailHashes()).size };
    await expectStoredAndMailedOnce(acknowledged);
  });

  it("serves an export from the replica while a confirmation is visible at once on the primary", async () => {
    const email = `${run}-replica@example.org`;
    // With consent to be contacted: the export then carries the address.
    expect((await sign(email, ++signed, true)).outcome).toBe("signed");
    const link = await waitFor("the confirmation e-mail", async () => confirmLink(capture.messages({ to: email })[0]?.text ?? null));
    const lsn = (url: string, sql: string) => withClient(url, async (client) => (await client.query<{ lsn: string }>(sql)).rows[0]!.lsn);
    // The insert position, not the write position: with synchronous_commit off a commit can be
    // visible on the primary before its WAL is written, and the replica then replays up to a
    // write position that does not hold it yet.
    const caughtUp = async () => {
      const target = await lsn(primaryUrl, "SELECT pg_current_wal_insert_lsn()::text AS lsn");
      await waitFor("the replica to replay the primary's WAL", () =>
        withClient(replica.url, async (client) => (await client.query<{ ok: boolean }>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [target])).rows[0]!.ok),
      );
    };
    await caughtUp();
    // The replica stops replaying: from here on it is behind the primary, and only it is.
    await withClient(replica.url, (client) => client.query("SELECT pg_wal_replay_pause()"));
    try {
      const organisationId = await withClient(primaryUrl, async (client) => (await client.query<{ id: string }>(`SELECT organisation_id AS id FROM campaign_owners WHERE campaign_id = $1 LIMIT 1`, [campaign.id])).rows[0]!.id);
      const sessionToken = await withClient(primaryUrl, (client) => createOrganiserSession(client, organisationId));
      const exportCsv = async () => {
        const response = await fetch(`${caddy.url}/api/organiser/campaigns/${encodeURIComponent(campaign.id)}/export`, { headers: { cookie: `next-auth.session-token=${sessionToken}` } });
        expect(response.status).toBe(200);
        return response.text();
      };

      expect(await confirm({ url: caddy.url } as BenchServer, link)).toBe(true);
      // The primary has it at once: signing and confirming read and write there.
      const state = await withClient(primaryUrl, async (client) =>
        (await client.query<{ state: string }>(`SELECT s.state FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE sp.email_hash = $1`, [emailHash(email)])).rows[0]!.state,
      );
      expect(state).toBe("CONFIRMED");
      // The export does not: it was read from the paused replica.
      const whilePaused = await exportCsv();
      expect(whilePaused.split("\n")[0]).toContain(",");
      expect(whilePaused).not.toContain(email);

      await withClient(replica.url, (client) => client.query("SELECT pg_wal_replay_resume()"));
      const resumedAt = performance.now();
      await caughtUp();
      figures.replicaCatchUpMs = Math.round(performance.now() - resumedAt);
      const afterReplay = await exportCsv();
      expect(afterReplay).toContain(email);
      figures.replicaLagBytesAtExport = await withClient(replica.url, async (client) =>
        Number((await client.query<{ lag: string }>(`SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS lag`)).rows[0]!.lag),
      );
    } finally {
      await withClient(replica.url, (client) => client.query("SELECT pg_wal_replay_resume()")).catch(() => undefined);
    }
  });

  it("answers 503 with Retry-After or signs while PgBouncer is killed and restarted, and recovers without restarting the app servers", async () => {
    const signing = load("bouncer");
    await waitFor("signing under way", async () => signing.results.filter((a) => a.outcome === "signed").length >= 10);
    const killedAt = performance.now();
    bouncer.kill();
    // The app servers notice: their health check fails, or a signature is refused "try again".
    await waitFor("the outage to be noticed", async () =>
      signing.results.some((a) => a.at > killedAt && a.outcome === "unavailable") || caddy.events.some((event) => !event.up && event.at > killedAt), 30_000, 50);
    await bouncer.start();
    const restartedAt = performance.now();
    await waitFor("signing through PgBouncer again", async () => signing.results.filter((a) => a.at > restartedAt && a.outcome === "signed").length >= 10, 60_000);
    const attempts = await signing.stop();
    const after = attempts.filter((a) => a.at > killedAt);
    figures.pgbouncer = {
      requests: attempts.length,
      acknowledged: attempts.filter((a) => a.outcome === "signed").length,
      unavailable: attempts.filter((a) => a.outcome === "unavailable").length,
      recoveredAfterMs: Math.round(Math.min(...attempts.filter((a) => a.at > restartedAt && a.outcome === "signed").map((a) => a.at + a.ms)) - restartedAt),
    };
    // Every answer was a signature or "try again shortly" with Retry-After.
    expect(after.filter((a) => a.outcome !== "signed" && !(a.outcome === "unavailable" && a.retryAfter))).toEqual([]);
    await expectStoredAndMailedOnce(attempts.filter((a) => a.outcome === "signed").map((a) => a.email));
    // Nothing half-written: a signature refused "try again" left either nothing or a whole
    // signature with its e-mail queued (the check above covers what was stored).
    expect(servers.every((server) => server.process.exitCode === null)).toBe(true);
  });

  it("releases under load: `npm run db:migrate` once, then the app servers restarted one at a time, with no failed request", async () => {
    const migrate = spawnSync("npm", ["run", "db:migrate"], { encoding: "utf8", env: { ...process.env, NIDA_ENV: "test", DATABASE_URL: primaryUrl } });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain("Database is up to date");
    const signing = load("release");
    await waitFor("both app servers answering through Caddy", async () => new Set(signing.results.filter((a) => a.outcome === "signed").map((a) => a.upstream)).size === 2, 30_000);
    const restarts: { drainedMs: number; backAfterMs: number }[] = [];
    for (const [index, port] of ports.entries()) {
      const host = `127.0.0.1:${port}`;
      const stoppingAt = performance.now();
      // SIGTERM, as `systemctl restart` sends: /api/health answers 503 while the server still
      // serves for SHUTDOWN_DRAIN_MS, so Caddy takes it out before it stops accepting.
      await servers[index]!.stop();
      const stoppedAt = performance.now();
      expect(caddy.events.some((event) => event.host === host && !event.up && event.at > stoppingAt && event.at < stoppedAt)).toBe(true);
      servers[index] = await context.server(`app-${index + 1}-released`, { ...serverEnv, PORT: String(port) });
      await waitFor("Caddy's health check to find it up again", async () => caddy.events.some((event) => event.host === host && event.up && event.at > stoppedAt), 30_000);
      await waitFor("requests reaching it again", async () => signing.results.some((a) => a.at > stoppedAt && a.upstream === host && a.outcome === "signed"), 30_000);
      restarts.push({ drainedMs: Math.round(stoppedAt - stoppingAt), backAfterMs: Math.round(performance.now() - stoppedAt) });
    }
    const attempts = await signing.stop();
    figures.release = { requests: attempts.length, failed: attempts.filter((a) => a.outcome !== "signed").length, restarts };
    expect(attempts.filter((a) => a.outcome !== "signed").map((a) => `${a.status} ${a.outcome}`)).toEqual([]);
    await expectStoredAndMailedOnce(attempts.map((a) => a.email));
  });

  it("delivers every webhook once with the jobs running on both app servers", async () => {
    // Twenty signers confirm through Caddy, their confirmations spread over both servers; each
    // confirmation is one event, delivered to each endpoint once.
    const emails = Array.from({ length: 20 }, (_, n) => `${run}-webhook-${n}@example.org`);
    for (const email of emails) expect((await sign(email, ++signed)).outcome).toBe("signed");
    for (const email of emails) {
      const link = await waitFor(`the confirmation e-mail to ${email}`, async () => confirmLink(capture.messages({ to: email })[0]?.text ?? null));
      expect(await confirm({ url: caddy.url } as BenchServer, link)).toBe(true);
    }
    const endpoints = await withClient(primaryUrl, async (client) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM webhook_endpoints WHERE id LIKE 'topology-%'`)).rows[0]!.n));
    // This run's confirmations: the one of the replica's test and these twenty.
    const confirmed = await withClient(primaryUrl, async (client) =>
      Number(
        (
          await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE s.campaign_id = $1 AND s.confirmed_at IS NOT NULL AND sp.email_hash = ANY($2)`,
            [campaign.id, [...emails, `${run}-replica@example.org`].map(emailHash)],
          )
        ).rows[0]!.n,
      ),
    );
    expect(confirmed).toBe(emails.length + 1);
    await waitFor("every confirmation's webhook", async () => receiver.received.length >= confirmed * endpoints, 60_000);
    await waitFor("the webhook queue to be empty", () =>
      withClient(primaryUrl, async (client) =>
        Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM webhook_deliveries WHERE endpoint_id LIKE 'topology-%' AND status <> 'SENT'`)).rows[0]!.n) === 0,
      ),
    );
    const ids = receiver.received.map((request) => String(request.headers["webhook-id"]));
    expect(ids.length).toBe(confirmed * endpoints);
    expect(new Set(ids).size).toBe(ids.length);
    figures.webhooks = { confirmed, endpoints, delivered: ids.length };
  });

  it("sends each decision-maker today's digest once with the jobs running on both app servers", async () => {
    const targets = await withClient(primaryUrl, async (client) =>
      (await client.query<{ email: string }>(`SELECT d.email FROM campaign_targets t JOIN decision_makers d ON d.id = t.decision_maker_id WHERE t.campaign_id = $1`, [campaign.id])).rows.map((row) => row.email),
    );
    expect(targets.length).toBeGreaterThan(0);
    await waitFor("each decision-maker's digest at the provider", async () => targets.every((to) => capture.messages({ to }).length > 0), 60_000);
    const digests = await withClient(primaryUrl, async (client) =>
      (await client.query<{ status: string }>(`SELECT status::text AS status FROM digests WHERE campaign_id = $1`, [campaign.id])).rows.map((row) => row.status),
    );
    expect(digests).toHaveLength(targets.length);
    expect(targets.filter((to) => capture.messages({ to }).length !== 1)).toEqual([]);
    figures.digests = { targets: targets.length, digests: digests.length };
  });

  it("sends every e-mail once with the jobs running on both app servers", async () => {
    // Both servers' mail workers polled the one outbox through PgBouncer the whole time. A batch
    // cut short by the kill is sent again under its own key, and the provider replays it rather
    // than sending it twice: only requests the provider did not replay count as sent.
    const keys = capture.requests().filter((request) => request.status === 200 && !request.replayed).map((request) => request.idempotencyKey);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    // Each signer of this run got one e-mail: their confirmation, from whichever server claimed it.
    const tally = [...capture.recipientTally()];
    expect(tally.length).toBeGreaterThan(0);
    expect(tally.filter(([, count]) => count !== 1)).toEqual([]);
  });

  it("backs the primary up with `npm run db:backup` and restores it with `npm run db:restore` into an empty database, row for row", async () => {
    // The servers stop first: their jobs would otherwise write between the backup and the comparison.
    for (const server of servers) await server.stop();
    const folder = mkdtempSync(join(tmpdir(), "nida-topology-backup-"));
    context.onCleanup(() => rmSync(folder, { recursive: true, force: true }));
    const file = join(folder, "nida.dump");
    const command = (args: string[], databaseUrl: string) =>
      spawnSync("npm", ["run", ...args], { encoding: "utf8", env: { ...process.env, NIDA_ENV: "test", DATABASE_URL: databaseUrl, DIRECT_DATABASE_URL: "" } });
    const backup = command(["db:backup", "--", file], primaryUrl);
    expect(backup.status, backup.stderr).toBe(0);
    const restoredUrl = await createDatabase(primary.url, "nida_topology_restored");
    const restore = command(["db:restore", "--", file], restoredUrl);
    expect(restore.status, restore.stderr).toBe(0);
    const rowsOf = async (url: string) => {
      const opened = openDatabase({ databaseUrl: url, pgliteDataDir: "memory://" });
      try {
        return await tableRows(opened);
      } finally {
        await opened.close();
      }
    };
    const source = await rowsOf(primaryUrl);
    expect(differingTables(source, await rowsOf(restoredUrl))).toEqual([]);
    figures.backup = { tables: source.size, rows: [...source.values()].reduce((sum, rows) => sum + rows.length, 0) };
  });
});
