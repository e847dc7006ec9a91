// What the fault tests share: production servers on a throwaway PostgreSQL (the benchmarks' own
// context: one build, a migrated database per test, clean-up), the sign and confirm forms over
// HTTP, and a PostgreSQL that can be stopped and started again under load.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Agent, request as httpRequest } from "node:http";
import pg from "pg";
import { emailHash } from "../../lib/sealing/lookup";
import { BenchContext } from "../../bench/support/context";
import { distinctIp, hiddenFields, isSignSuccess, multipart, signEndpoint, signForm, signJsonOutcome, signJsonRequest, signRequest, type FormFields } from "../../bench/support/forms";
import type { BenchServer } from "../../bench/support/server";
import type { PostgresCluster } from "../fixtures/postgres-cluster";
import { startResendCapture, type ResendCapture } from "../fixtures/resend-capture";

export { BenchContext, distinctIp, signForm };
export type { BenchServer, FormFields };

export function uniqueName(prefix: string): string {
  return `${prefix}_${randomUUID().slice(0, 8)}`;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function openSeedCampaign(url: string): Promise<{ id: string; slug: string }> {
  return withClient(url, async (client) => {
    const row = (await client.query<{ id: string; slug: string }>(`SELECT id, slug FROM campaigns WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`)).rows[0];
    if (!row) throw new Error("no open seed campaign");
    return row;
  });
}

export type SigningRun = {
  capture: ResendCapture;
  url: string;
  // The server's settings, to start another like it on the same database.
  env: Record<string, string>;
  server: BenchServer;
  campaign: { id: string; slug: string };
  form: FormFields;
};

// A database of its own, a mail provider that records what it is sent, and a server running the
// background jobs against both (it applies the migrations and the seed); the open seed campaign and
// its sign form as that server serves it. The context stops all of it.
export async function startSigningRun(context: BenchContext, options: { database: string; server: string; env?: Record<string, string> }): Promise<SigningRun> {
  const capture = await startResendCapture();
  context.onCleanup(() => capture.stop());
  const url = await context.postgresDatabase(uniqueName(options.database));
  const env = { DATABASE_URL: url, JOBS_ENABLED: "true", RESEND_API_KEY: "re_fault", RESEND_BASE_URL: capture.url, ...options.env };
  const server = await context.server(options.server, env);
  const campaign = await openSeedCampaign(url);
  const form = await signForm(server.url, campaign.slug);
  return { capture, url, env, server, campaign, form };
}

export type SignOutcome = { outcome: "signed" | "unavailable" | "other" | "network"; status: number; ms: number; retryAfter: string | null };

// One signature through the signatures endpoint, as the page's script sends it.
export async function sign(server: BenchServer, form: FormFields, email: string, ip: string, timeoutMs = 30_000): Promise<SignOutcome> {
  const started = performance.now();
  const request = signJsonRequest(server.url, form, { name: `Signer ${email.split("@")[0]}`, email }, ip);
  try {
    const response = await fetch(signEndpoint(server.url), {
      method: "POST",
      body: request.body,
      headers: request.headers,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { outcome: signJsonOutcome(response.status, body), status: response.status, ms: performance.now() - started, retryAfter: response.headers.get("retry-after") };
  } catch {
    return { outcome: "network", status: 0, ms: performance.now() - started, retryAfter: null };
  }
}

// A crowd of plain HTTP requests, all issued at once and carried over at most 128 connections,
// as a load balancer's pool to one app server carries them (a single Node process handed 2,000
// raw connections at once resets some before reading them).
const crowdAgent = new Agent({ keepAlive: true, maxSockets: 128 });

export function post(url: string, body: Buffer, headers: Record<string, string>, timeoutMs = 300_000) {
  return new Promise<{ status: number; location: string | null; body: string }>((resolve) => {
    const req = httpRequest(url, { method: "POST", agent: crowdAgent, headers: { ...headers, "content-length": String(body.byteLength) } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null, body: text }));
      response.on("error", () => resolve({ status: 0, location: null, body: "" }));
    });
    req.setTimeout(timeoutMs, () => req.destroy());
    req.on("error", (error) => resolve({ status: 0, location: null, body: error.message }));
    req.end(body);
  });
}

// One signature as a browser without JavaScript sends it (a plain form POST; 303 when recorded).
export async function signPlain(server: BenchServer, form: FormFields, slug: string, email: string, ip: string): Promise<{ status: number; signed: boolean; error?: string }> {
  const { body, headers } = signRequest(server.url, form, { name: `Signer ${email.split("@")[0]}`, email }, ip);
  const answer = await post(`${server.url}/en/campaigns/${encodeURIComponent(slug)}`, body, headers);
  return { status: answer.status, signed: isSignSuccess(answer.status, answer.location), error: answer.status ? undefined : answer.body };
}

// The confirmation page's form, read once, to be posted many times.
export async function confirmForm(server: BenchServer, confirmUrl: string): Promise<{ path: string; fields: FormFields }> {
  const path = new URL(confirmUrl).pathname;
  const page = await fetch(`${server.url}${path}`);
  return { path, fields: hiddenFields(await page.text(), 'name="token"') };
}

export async function confirmPlain(server: BenchServer, form: { path: string; fields: FormFields }): Promise<{ status: number; location: string | null }> {
  const encoded = multipart(form.fields);
  const answer = await post(`${server.url}${form.path}`, encoded.body, { "content-type": encoded.contentType, origin: server.url });
  return { status: answer.status, location: answer.location };
}

// Confirms through the confirmation page's form, as the signer does after following the link.
export async function confirm(server: BenchServer, confirmUrl: string): Promise<boolean> {
  const path = new URL(confirmUrl).pathname;
  try {
    const page = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(30_000) });
    const form = hiddenFields(await page.text(), 'name="token"');
    const encoded = multipart(form);
    const response = await fetch(`${server.url}${path}`, {
      method: "POST",
      body: new Uint8Array(encoded.body),
      headers: { "content-type": encoded.contentType, origin: server.url },
      redirect: "manual",
      signal: AbortSignal.timeout(30_000),
    });
    return response.status === 303 && (response.headers.get("location") ?? "").includes("/thanks");
  } catch {
    return false;
  }
}

// The confirmation link in a captured e-mail.
export function confirmLink(text: string | null): string | null {
  return /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(text ?? "")?.[0] ?? null;
}

// Keeps `concurrency` requests going until stopped; returns every outcome with its e-mail.
export function sustain<T>(concurrency: number, next: (n: number) => Promise<T>) {
  let stopped = false;
  let n = 0;
  const results: T[] = [];
  const workers = Array.from({ length: concurrency }, async () => {
    while (!stopped) results.push(await next(n++));
  });
  return {
    results,
    count: () => results.length,
    async stop() {
      stopped = true;
      await Promise.all(workers);
      return results;
    },
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function runAsPostgres(argv: string[]): string[] {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  return root ? ["runuser", "-u", "postgres", "--", ...argv] : argv;
}

// Stops the cluster's server (fast shutdown: open connections are terminated), keeping its data.
export function stopPostgres(cluster: PostgresCluster): void {
  const [command, ...args] = runAsPostgres([`${cluster.binDir}/pg_ctl`, "-D", cluster.dataDir, "-m", "fast", "-w", "-t", "60", "stop"]);
  const result = spawnSync(command!, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pg_ctl stop failed: ${result.stderr}`);
}

// Starts it again on the same port.
export function startPostgres(cluster: PostgresCluster): void {
  const [command, ...args] = runAsPostgres([`${cluster.binDir}/pg_ctl`, "-D", cluster.dataDir, "-l", cluster.logFile, "-o", `-p ${cluster.port}`, "-w", "-t", "60", "start"]);
  const result = spawnSync(command!, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pg_ctl start failed: ${result.stderr}`);
}

// What the database holds for a campaign: the rules every fault must leave intact.
export async function campaignIntegrity(url: string, campaignId: string) {
  return withClient(url, async (client) => {
    const one = async (sql: string) => Number((await client.query<{ n: string }>(sql, [campaignId])).rows[0]!.n);
    return {
      signatures: await one(`SELECT count(*) AS n FROM signatures WHERE campaign_id = $1`),
      confirmed: await one(`SELECT count(*) AS n FROM signatures WHERE campaign_id = $1 AND state = 'CONFIRMED'`),
      counted: await one(`SELECT coalesce(sum(confirmed), 0) AS n FROM campaign_counters WHERE campaign_id = $1`),
      // A signature whose first confirmation e-mail was never queued would be half-written.
      withoutMessage: await one(
        `SELECT count(*) AS n FROM signatures s WHERE s.campaign_id = $1
           AND NOT EXISTS (SELECT 1 FROM outbox_messages m WHERE m.idempotency_key = 'confirm-signature:' || s.id || ':1')`,
      ),
    };
  });
}

// Addresses are sealed: a signer is found by the keyed hash of their address, which this process
// computes as the servers do (they run from this checkout, with its .data/app-secret).
export async function signatureEmailHashes(url: string, campaignId: string, state?: string): Promise<Set<string>> {
  return withClient(url, async (client) => {
    const rows = await client.query<{ email_hash: string }>(
      `SELECT sp.email_hash FROM signatures s JOIN supporters sp ON sp.id = s.supporter_id WHERE s.campaign_id = $1 AND ($2::text IS NULL OR s.state::text = $2)`,
      [campaignId, state ?? null],
    );
    return new Set(rows.rows.map((row) => row.email_hash));
  });
}

// The confirmation e-mails written for the signer with this address (first and sent again).
export async function confirmationMailsTo(client: pg.Client, email: string): Promise<number> {
  const rows = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM outbox_messages m JOIN signatures s ON m.idempotency_key LIKE 'confirm-signature:' || s.id || ':%'
       JOIN supporters sp ON sp.id = s.supporter_id WHERE sp.email_hash = $1`,
    [emailHash(email)],
  );
  return Number(rows.rows[0]!.n);
}
