// CSV export of confirmed signatures from PostgreSQL, over HTTP, against the production server:
// time to first byte, total time, and the server's peak resident memory while it streams.
//
//   npm run bench:export                       100,000 rows, then 1,000,000 (gzip, then uncompressed)
//   npm run bench:export -- --rows 200000 --small-rows 0
//   npm run bench:export -- --node-options "--max-old-space-size=128"   (the server's Node flags)
import { randomBytes, randomUUID } from "node:crypto";
import { get, type IncomingMessage } from "node:http";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { openDatabase, type PrismaClient } from "../lib/db";
import { csvRecordCounter, insertConfirmedSignatures } from "../tests/fixtures/bulk-signatures";
import { argValue, isMain } from "../tests/fixtures/cli";
import { peakWhile } from "../tests/fixtures/process-memory";
import type { BenchContext } from "./support/context";
import type { BenchServer } from "./support/server";
import { formatCount, formatMb, formatMs, type Figure } from "./support/report";
import { runBenchmarks, type Benchmark } from "./support/runner";

// What the client asks for: a browser always offers gzip (and Next.js then compresses the CSV, about
// ten to one); a script may not.
type Encoding = "gzip" | "identity";

export type Download = {
  rows: number;
  // The CSV's own size, and what crossed the wire.
  bytes: number;
  wireBytes: number;
  firstByteMs: number;
  totalMs: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  peakFrom: "VmHWM" | "sampled";
};

// A fresh database on the run's cluster, a client on it (closed at clean-up), and an organisation
// to own the benchmark's campaigns.
export async function benchDatabase(context: BenchContext, name: string): Promise<BenchDatabase> {
  const url = await context.postgresDatabase(`nida_bench_${name}_${randomUUID().slice(0, 8)}`);
  const client = new pg.Client({ connectionString: url, application_name: "nida-bench" });
  await client.connect();
  context.onCleanup(() => client.end());
  // What seals the generated signatures, as the app would have sealed them.
  const sealing = openDatabase({ databaseUrl: url, pgliteDataDir: "memory://", poolSize: 2 });
  context.onCleanup(() => sealing.close());
  const organisationId = `bench-org-${randomUUID().slice(0, 8)}`;
  await client.query(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ($1, $1, '{"en": "Benchmark organisation"}', now())`, [organisationId]);
  return { url, client, sealIn: sealing.prisma, organisationId };
}

type BenchDatabase = { url: string; client: pg.Client; sealIn: PrismaClient; organisationId: string };

// `insert` writes the signatures: this checkout's fixture, or another commit's (bench/compare.ts).
export async function createCampaign({ client, sealIn, organisationId }: Omit<BenchDatabase, "url">, rows: number, insert: typeof insertConfirmedSignatures = insertConfirmedSignatures): Promise<string> {
  const id = `bench-${randomUUID().slice(0, 8)}`;
  // Another commit's database (bench/compare.ts) may still hold a campaign's texts in one column per language.
  const perLanguageColumns = (await client.query(`SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'campaigns' AND column_name = 'title_en'`)).rowCount === 1;
  await client.query(
    perLanguageColumns
      ? `INSERT INTO campaigns (id, slug, status, title_en, summary_en, goals, updated_at)
         VALUES ($1, $1, 'OPEN', 'Benchmark campaign', 'Signatures to export.', '{1000000}', now())`
      : `INSERT INTO campaigns (id, slug, status, primary_locale, title, summary, goals, updated_at)
         VALUES ($1, $1, 'OPEN', 'en', '{"en": "Benchmark campaign"}', '{"en": "Signatures to export."}', '{1000000}', now())`,
    [id],
  );
  await client.query(`INSERT INTO campaign_owners (campaign_id, organisation_id, lead) VALUES ($1, $2, true)`, [id, organisationId]);
  if (rows > 0) {
    await insert((text, params) => client.query(text, params), { campaignId: id, count: rows, prefix: id, consentTo: organisationId, sealIn });
    await client.query(`INSERT INTO campaign_counters (campaign_id, shard, confirmed) VALUES ($1, 0, $2)`, [id, rows]);
  }
  return id;
}

// An organiser with a database session, as next-auth would have created it after sign-in.
export async function createOrganiserSession(client: pg.Client, organisationId: string): Promise<string> {
  const userId = `bench-user-${randomUUID().slice(0, 8)}`;
  const sessionToken = randomBytes(32).toString("hex");
  await client.query(`INSERT INTO users (id, email) VALUES ($1, $2)`, [userId, `${userId}@example.org`]);
  await client.query(`INSERT INTO memberships (user_id, organisation_id, role) VALUES ($1, $2, 'ORGANISER')`, [userId, organisationId]);
  await client.query(`INSERT INTO sessions (id, session_token, user_id, expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [
    `bench-session-${randomUUID().slice(0, 8)}`,
    sessionToken,
    userId,
  ]);
  return sessionToken;
}

function exportUrl(server: BenchServer, campaignId: string): string {
  return `${server.url}/api/organiser/campaigns/${encodeURIComponent(campaignId)}/export`;
}

function request(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, signal }, resolve);
    req.on("error", reject);
  });
}

export async function download(server: BenchServer, campaignId: string, sessionToken: string, encoding: Encoding): Promise<Download> {
  const measured = await peakWhile(server.serverPid(), async () => {
    const started = performance.now();
    const response = await request(exportUrl(server, campaignId), { cookie: `next-auth.session-token=${sessionToken}`, "accept-encoding": encoding });
    if (response.statusCode !== 200) {
      response.resume();
      throw new Error(`export answered ${response.statusCode}`);
    }
    const compressed = response.headers["content-encoding"] === "gzip";
    const counter = csvRecordCounter();
    let bytes = 0;
    let wireBytes = 0;
    let firstByteMs = 0;
    response.on("data", (chunk: Buffer) => {
      if (wireBytes === 0) firstByteMs = performance.now() - started;
      wireBytes += chunk.byteLength;
    });
    const body = compressed ? response.pipe(createGunzip()) : response;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      counter.push(chunk);
      bytes += chunk.byteLength;
    }
    return { rows: counter.records - 1, bytes, wireBytes, firstByteMs, totalMs: performance.now() - started };
  });
  return { ...measured.result, rssBeforeBytes: measured.rssBeforeBytes, peakRssBytes: measured.peakRssBytes, peakFrom: measured.peakFrom };
}

// The export's own connections; the parallel workers of its query carry the same name.
export async function exportConnections(client: pg.Client): Promise<number> {
  const result = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name LIKE 'nida-export %' AND backend_type = 'client backend'`);
  return result.rows[0]!.count;
}

async function waitForNoExportConnection(client: pg.Client, timeoutMs: number): Promise<number | null> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if ((await exportConnections(client)) === 0) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return null;
}

// Reads the first chunk of a large export, then goes away: the server must stop reading its cursor and drop its connection.
export async function cancelAfterFirstChunk(server: BenchServer, client: pg.Client, campaignId: string, sessionToken: string) {
  const response = await request(exportUrl(server, campaignId), { cookie: `next-auth.session-token=${sessionToken}`, "accept-encoding": "gzip" });
  await new Promise((resolve) => response.once("data", resolve));
  response.pause();
  const openWhileReading = await exportConnections(client);
  response.destroy();
  return { openWhileReading, releasedAfterMs: await waitForNoExportConnection(client, 10_000) };
}

export const exportBenchmark: Benchmark = {
  name: "export",
  async run(context, args) {
    const largeRows = Number(argValue("--rows", args) ?? 1_000_000);
    const smallRows = Number(argValue("--small-rows", args) ?? 100_000);
    const nodeOptions = argValue("--node-options", args);
    // The smaller export first, on a fresh server: its peak shows the memory does not grow with rows.
    const sizes = [smallRows, largeRows].filter((rows) => rows > 0);
    const bench = await benchDatabase(context, "export");
    const { url, client, organisationId } = bench;
    const campaigns: { rows: number; id: string }[] = [];
    for (const rows of sizes) {
      const started = performance.now();
      campaigns.push({ rows, id: await createCampaign(bench, rows) });
      console.log(`[bench] export: inserted ${formatCount(rows)} confirmed signatures in ${formatMs(performance.now() - started)}`);
    }
    const warmUp = await createCampaign(bench, 10);
    // As autovacuum would have by now on a live database: planner statistics and the visibility map.
    await client.query("VACUUM ANALYZE");
    const sessionToken = await createOrganiserSession(client, organisationId);

    const server = await context.server("postgres", { DATABASE_URL: url, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) });
    if (nodeOptions) console.log(`[bench] export: the server runs with NODE_OPTIONS=${nodeOptions}`);
    // The first request loads the route's code; it is not what is being measured.
    const first = await download(server, warmUp, sessionToken, "gzip");
    if (first.rows !== 10) throw new Error(`warm-up export held ${first.rows} rows, expected 10`);

    const figures: Figure[] = [];
    const benchmark = nodeOptions ? `export (PostgreSQL, ${nodeOptions})` : "export (PostgreSQL)";
    const largest = campaigns.at(-1)!;
    const runs = [...campaigns.map((campaign) => ({ ...campaign, encoding: "gzip" as const })), { ...largest, encoding: "identity" as const }];
    for (const run of runs) {
      const result = await download(server, run.id, sessionToken, run.encoding);
      const label = `${formatCount(run.rows)} rows, ${run.encoding === "gzip" ? "gzip (as browsers ask)" : "uncompressed"}`;
      console.log(
        `[bench] export: ${label}: ${formatCount(result.rows)} rows, ${formatMb(result.bytes)} (${formatMb(result.wireBytes)} on the wire), ` +
          `first byte ${formatMs(result.firstByteMs)}, total ${formatMs(result.totalMs)}, ` +
          `server RSS ${formatMb(result.rssBeforeBytes)} before, peak ${formatMb(result.peakRssBytes)} (${result.peakFrom})`,
      );
      if (result.rows !== run.rows) throw new Error(`the ${label} export held ${result.rows} rows`);
      const big = run.rows >= 1_000_000;
      const figure = (name: string, value: string, target = "") => ({ benchmark, figure: `${label}: ${name}`, value, target });
      figures.push(
        figure("size (on the wire)", `${formatMb(result.bytes)} (${formatMb(result.wireBytes)})`),
        figure("time to first byte", formatMs(result.firstByteMs)),
        figure("total time", formatMs(result.totalMs), big ? "≤ 10 s" : ""),
        figure("rows/s", formatCount(result.rows / (result.totalMs / 1000))),
        figure("server RSS before", formatMb(result.rssBeforeBytes)),
        figure("server peak RSS", formatMb(result.peakRssBytes), big ? "≤ 256 MB" : ""),
      );
      const left = await waitForNoExportConnection(client, 5_000);
      if (left === null) throw new Error(`the ${label} export left its database connection open`);
    }

    const cancelled = await cancelAfterFirstChunk(server, client, largest.id, sessionToken);
    if (cancelled.openWhileReading !== 1) throw new Error(`expected one export connection while reading, saw ${cancelled.openWhileReading}`);
    if (cancelled.releasedAfterMs === null) throw new Error("cancelling the download did not release the export's connection within 10 s");
    console.log(`[bench] export: client went away after the first chunk; export connection gone ${formatMs(cancelled.releasedAfterMs)} later`);
    figures.push({ benchmark, figure: "client gone after first chunk: export connection released in", value: formatMs(cancelled.releasedAfterMs) });
    return figures;
  },
};

if (isMain(import.meta.url)) process.exit(await runBenchmarks([exportBenchmark]));
