// The public paths of one production server on PostgreSQL, measured in the same run against the
// same server's ceilings: the sign path against a no-op route handler (and raw `pg` inserts),
// the campaign page against a static page, and how long a confirmation takes to show in the
// public count while signing goes on.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { newConfirmationToken } from "../lib/signatures/tokens";
import { argValue } from "../tests/fixtures/cli";
import { shareCampaignServer } from "./support/campaign-server";
import type { BenchContext } from "./support/context";
import { distinctIp, hiddenFields, multipart, renderedCount, signEndpoint, signForm, signJsonRequest, signRequest, type FormFields } from "./support/forms";
import { medianBy, percentile, runLoad, type LoadResult } from "./support/load";
import { formatCount, formatMs, type Figure } from "./support/report";
import type { Benchmark } from "./support/runner";
import type { BenchServer } from "./support/server";

export type HttpSettings = { durationSeconds: number; connections: number; quick: boolean; rounds: number; warmSeconds: number };

export function httpSettings(args: string[]): HttpSettings {
  const quick = args.includes("--quick");
  return {
    quick,
    durationSeconds: Number(argValue("--duration", args) ?? (quick ? 4 : 10)),
    connections: Number(argValue("--connections", args) ?? 50),
    rounds: Math.max(1, Number(argValue("--rounds", args) ?? (quick ? 1 : 5))),
    // Each path is warmed at full load before it is measured.
    warmSeconds: quick ? 1 : 3,
  };
}

// Several paths measured in alternating rounds (a, b, a, b, ...) so that a slower stretch of a
// shared machine falls on all of them alike: results[round][path].
export async function alternatingRounds(rounds: number, loads: (() => Promise<LoadResult>)[]): Promise<LoadResult[][]> {
  const results: LoadResult[][] = [];
  for (let round = 0; round < rounds; round++) {
    const one: LoadResult[] = [];
    for (const load of loads) one.push(await load());
    results.push(one);
  }
  return results;
}

// The ratio of two paths' throughput: the round with the median ratio gives the figures, and
// every round's ratio is printed beside it.
type PairedRounds = { a: LoadResult; b: LoadResult; ratios: number[] };

export function pairedRounds(results: LoadResult[][], a: number, b: number): PairedRounds {
  const rounds = results.map((one) => ({ a: one[a]!, b: one[b]!, ratio: one[b]!.requestsPerSecond > 0 ? one[a]!.requestsPerSecond / one[b]!.requestsPerSecond : 0 }));
  const median = medianBy(rounds, (round) => round.ratio);
  return { a: median.a, b: median.b, ratios: rounds.map((one) => one.ratio) };
}

export function ratioFigure(benchmark: string, figure: string, paired: PairedRounds, target?: string): Figure {
  const value = ratio(paired.a.requestsPerSecond, paired.b.requestsPerSecond);
  const rounds = paired.ratios.length > 1 ? `; median of ${paired.ratios.length} rounds: ${paired.ratios.map((one) => one.toFixed(2)).join(", ")}` : "";
  return { benchmark, figure, value: value + rounds, target: target ?? "" };
}

const ratio = (a: number, b: number) => (b > 0 ? (a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)) : "-");
const perSecond = (value: number) => `${formatCount(value)}/s`;
const kilobytes = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
const bodyBytes = async (url: string) => (await (await fetch(url)).arrayBuffer()).byteLength;
let signers = 0;

// A new signer per request, each from its own address, so the figures measure honest signing.
// "script": the JSON post the campaign page's script makes (201); "form": the plain form POST of
// a browser without JavaScript, through the server action (303).
export function signLoad(
  server: BenchServer,
  form: FormFields,
  slug: string,
  settings: HttpSettings,
  connections = settings.connections,
  signal?: AbortSignal,
  way: "script" | "form" = "script",
  // Another address for the same requests (the no-op handler that reads them).
  url?: string,
) {
  const run = randomUUID().slice(0, 6);
  const build = way === "script" ? signJsonRequest : signRequest;
  return runLoad({
    url: url ?? (way === "script" ? signEndpoint(server.url) : `${server.url}/en/campaigns/${slug}`),
    method: "POST",
    connections,
    durationSeconds: settings.durationSeconds,
    request: () => {
      const n = ++signers;
      return build(server.url, form, { name: `Bench signer ${n}`, email: `bench-${run}-${n}@example.org` }, distinctIp(n));
    },
    expect: (status) => status === (way === "script" ? 201 : 303),
    signal,
  });
}

export function latencyFigures(benchmark: string, label: string, result: LoadResult, target?: { p99?: string }): Figure[] {
  const errors = result.notOk + result.errors;
  return [
    { benchmark, figure: `${label}: requests/s`, value: perSecond(result.requestsPerSecond) },
    { benchmark, figure: `${label}: p50 / p99 latency`, value: `${formatMs(result.p50Ms)} / ${formatMs(result.p99Ms)}`, target: target?.p99 ?? "" },
    { benchmark, figure: `${label}: failed answers`, value: `${formatCount(errors)} of ${formatCount(result.total)}`, target: target ? "0" : "" },
  ];
}

// Raw `pg` single-row inserts from 20 clients into a table shaped like signatures: what the
// database itself manages on this machine, the ceiling under everything else.
async function rawInserts(url: string, durationSeconds: number): Promise<number> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE TABLE IF NOT EXISTS bench_raw_inserts (
    id text PRIMARY KEY DEFAULT gen_random_uuid()::text, campaign_id text NOT NULL, email text NOT NULL UNIQUE,
    name text NOT NULL, country text, state text NOT NULL DEFAULT 'PENDING', created_at timestamptz NOT NULL DEFAULT now())`);
  await setup.end();
  const clients = await Promise.all(
    Array.from({ length: 20 }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  let rows = 0;
  const deadline = performance.now() + durationSeconds * 1000;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, index) => {
      while (performance.now() < deadline) {
        await client.query(`INSERT INTO bench_raw_inserts (campaign_id, email, name, country) VALUES ($1, $2, $3, $4)`, [
          "bench",
          `raw-${index}-${rows}-${randomUUID()}@example.org`,
          "Raw insert",
          "SY",
        ]);
        rows += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.end()));
  return rows / elapsed;
}

// Where the public reads the count. The campaign page's server-rendered figure for now; a JSON
// count endpoint can be named with --count-url "/api/campaigns/{slug}/count" (field "count").
function publicCountReader(server: BenchServer, slug: string, args: string[]): () => Promise<number | null> {
  const jsonPath = argValue("--count-url", args);
  if (jsonPath) {
    const url = `${server.url}${jsonPath.replace("{slug}", encodeURIComponent(slug))}`;
    return async () => {
      const response = await fetch(url, { cache: "no-store" });
      return response.ok ? ((await response.json()) as { count?: number }).count ?? null : null;
    };
  }
  return async () => renderedCount(await (await fetch(`${server.url}/en/campaigns/${encodeURIComponent(slug)}`, { cache: "no-store" })).text());
}

// Confirms one pending signature through the confirmation page's own form, as the signer does.
async function confirmOne(server: BenchServer, client: pg.Client, campaignId: string): Promise<boolean> {
  const pending = await client.query<{ id: string }>(
    `SELECT id FROM signatures WHERE campaign_id = $1 AND state = 'PENDING' ORDER BY created_at DESC LIMIT 1`,
    [campaignId],
  );
  const signatureId = pending.rows[0]?.id;
  if (!signatureId) return false;
  // The e-mailed token is only stored hashed: make one whose clear text is known here.
  const { token, tokenHash } = newConfirmationToken();
  await client.query(`INSERT INTO confirmation_tokens (token_hash, signature_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [tokenHash, signatureId]);
  const page = await fetch(`${server.url}/en/confirm/${token}`);
  const form = hiddenFields(await page.text(), 'name="token"');
  const encoded = multipart(form);
  const response = await fetch(`${server.url}/en/confirm/${token}`, {
    method: "POST",
    body: new Uint8Array(encoded.body),
    headers: { "content-type": encoded.contentType, origin: server.url },
    redirect: "manual",
  });
  return response.status === 303 && (response.headers.get("location") ?? "").includes("/thanks");
}

// Under sustained signing, confirm a signature every so often and time how long until the public
// count shows it.
async function countLag(server: BenchServer, url: string, slug: string, form: FormFields, settings: HttpSettings, args: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const campaignId = (await client.query<{ id: string }>(`SELECT id FROM campaigns WHERE slug = $1`, [slug])).rows[0]!.id;
  const readCount = publicCountReader(server, slug, args);
  const lags: number[] = [];
  let misses = 0;
  const stopBackground = new AbortController();
  const background = signLoad(server, form, slug, { ...settings, durationSeconds: 600 }, 10, stopBackground.signal);
  const confirmations = settings.quick ? 3 : 8;
  try {
    // Let the background signing produce pending signatures first.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (let i = 0; i < confirmations; i++) {
      if (!(await confirmOne(server, client, campaignId))) throw new Error("a confirmation through the confirmation page did not succeed");
      const confirmedAt = performance.now();
      const expected = Number((await client.query<{ sum: string }>(`SELECT coalesce(sum(confirmed), 0) AS sum FROM campaign_counters WHERE campaign_id = $1`, [campaignId])).rows[0]!.sum);
      let shown = false;
      while (performance.now() - confirmedAt < 30_000) {
        const count = await readCount();
        if (count !== null && count >= expected) {
          shown = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (shown) lags.push(performance.now() - confirmedAt);
      else misses += 1;
    }
  } finally {
    stopBackground.abort();
    await client.end();
  }
  const load = await background;
  return { lags, misses, load };
}

// The first open seed campaign of a database, the one the benchmarks sign.
export async function openSeedCampaign(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const slug = (await client.query<{ slug: string }>(`SELECT slug FROM campaigns WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`)).rows[0]?.slug;
    if (!slug) throw new Error("no open seed campaign");
    return slug;
  } finally {
    await client.end();
  }
}

export const httpBenchmark: Benchmark = {
  name: "http",
  async run(context: BenchContext, args: string[]): Promise<Figure[]> {
    const settings = httpSettings(args);
    const benchmark = "PostgreSQL server";
    const url = await context.postgresDatabase(`nida_bench_http_${randomUUID().slice(0, 8)}`);
    const server = await context.server("postgres", { DATABASE_URL: url });
    const slug = await openSeedCampaign(url);
    const form = await signForm(server.url, slug);
    const page = `${server.url}/en/campaigns/${slug}`;
    // The app's own static page, built once at build time: the privacy notice has the same layout,
    // proxy and page cache as the campaign page.
    const appStaticUrl = `${server.url}/en/privacy`;
    // Warm every path at full load (code loading, the first compile of each route, the optimising
    // compiler's second look at the hot functions, the heap grown to its working size), then measure.
    const c = settings.connections;
    const noopUrl = `${server.url}/api/bench/noop`;
    const warm = { ...settings, durationSeconds: settings.warmSeconds };
    await runLoad({ url: noopUrl, connections: c, durationSeconds: warm.durationSeconds });
    await signLoad(server, form, slug, warm);
    await signLoad(server, form, slug, warm, c, undefined, "form");
    await runLoad({ url: page, connections: c, durationSeconds: warm.durationSeconds });
    await runLoad({ url: appStaticUrl, connections: c, durationSeconds: warm.durationSeconds });

    console.log(`[bench] http: sign path and no-op route handler, ${c} connections, ${settings.rounds} × ${settings.durationSeconds} s each`);
    // The no-op handler twice: as a GET, and as a POST of the sign path's own request whose JSON
    // body it reads and answers, without signing.
    const signResults = await alternatingRounds(settings.rounds, [
      () => signLoad(server, form, slug, settings),
      () => runLoad({ url: noopUrl, connections: c, durationSeconds: settings.durationSeconds }),
      () => signLoad(server, form, slug, settings, c, undefined, "script", noopUrl),
    ]);
    const signRounds = pairedRounds(signResults, 0, 1);
    const { a: sign, b: noop } = signRounds;
    const bodyRounds = pairedRounds(signResults, 2, 1);
    const signBodyRounds = pairedRounds(signResults, 0, 2);
    console.log(`[bench] http: sign path without JavaScript (form POST)`);
    const signPlainForm = await signLoad(server, form, slug, settings, c, undefined, "form");
    console.log(`[bench] http: raw pg inserts, 20 clients`);
    const raw = await rawInserts(url, settings.durationSeconds);
    console.log(`[bench] http: campaign page and static page`);
    // Two static pages, the app's own and a fixed HTML answer from a route handler. Their sizes
    // differ from the campaign page's, so each size is printed.
    const sizes = { campaign: await bodyBytes(page), appStatic: await bodyBytes(appStaticUrl), handler: await bodyBytes(`${server.url}/api/bench/static`) };
    const pageRounds = pairedRounds(
      await alternatingRounds(settings.rounds, [
        () => runLoad({ url: page, connections: c, durationSeconds: settings.durationSeconds }),
        () => runLoad({ url: appStaticUrl, connections: c, durationSeconds: settings.durationSeconds }),
      ]),
      0,
      1,
    );
    const { a: campaignPage, b: appStaticPage } = pageRounds;
    const staticPage = await runLoad({ url: `${server.url}/api/bench/static`, connections: c, durationSeconds: settings.durationSeconds });
    // The same fixed answer at the campaign page's weight: what the bytes alone cost.
    const heavyStaticUrl = `${server.url}/api/bench/static?bytes=${sizes.campaign}`;
    const heavyStaticBytes = await bodyBytes(heavyStaticUrl);
    const heavyStaticPage = await runLoad({ url: heavyStaticUrl, connections: c, durationSeconds: settings.durationSeconds });
    console.log(`[bench] http: count lag under sustained signing`);
    const lag = await countLag(server, url, slug, form, settings, args);
    const figures: Figure[] = [
      ...latencyFigures(benchmark, `no-op route handler (${c} conn.)`, noop),
      ...latencyFigures(benchmark, `sign path (${c} conn.)`, sign, { p99: "≤ 150 ms" }),
      ratioFigure(benchmark, "sign path ÷ no-op route handler", signRounds, "≥ 0.7"),
      ...latencyFigures(benchmark, `no-op route handler reading the sign request's JSON body (${c} conn.)`, bodyRounds.a),
      ratioFigure(benchmark, "no-op reading the JSON body ÷ no-op route handler", bodyRounds),
      ratioFigure(benchmark, "sign path ÷ no-op reading the JSON body", signBodyRounds),
      ...latencyFigures(benchmark, `sign path without JavaScript, form POST (${c} conn.)`, signPlainForm),
      { benchmark, figure: "raw pg single-row inserts (20 clients)", value: perSecond(raw) },
      { benchmark, figure: "sign path ÷ raw pg inserts", value: ratio(sign.requestsPerSecond, raw) },
      ...latencyFigures(benchmark, `campaign page, ${kilobytes(sizes.campaign)} (${c} conn.)`, campaignPage),
      ...latencyFigures(benchmark, `static page of the app, ${kilobytes(sizes.appStatic)} (${c} conn.)`, appStaticPage),
      ratioFigure(benchmark, "campaign page ÷ static page of the app", pageRounds, "≥ 0.9"),
      ...latencyFigures(benchmark, `static HTML from a route handler, ${kilobytes(sizes.handler)} (${c} conn.)`, staticPage),
      { benchmark, figure: "campaign page ÷ static HTML from a route handler", value: ratio(campaignPage.requestsPerSecond, staticPage.requestsPerSecond) },
      ...latencyFigures(benchmark, `static HTML from a route handler, ${kilobytes(heavyStaticBytes)} (${c} conn.)`, heavyStaticPage),
      {
        benchmark,
        figure: `static HTML from a route handler: ${kilobytes(heavyStaticBytes)} ÷ ${kilobytes(sizes.handler)}`,
        value: ratio(heavyStaticPage.requestsPerSecond, staticPage.requestsPerSecond),
      },
      {
        benchmark,
        figure: `count lag under signing (${lag.lags.length} confirmations): median / max`,
        value: lag.lags.length ? `${formatMs(percentile(lag.lags, 50))} / ${formatMs(Math.max(...lag.lags))}` : "-",
        target: "≤ 5 s",
      },
    ];
    if (lag.misses) figures.push({ benchmark, figure: "confirmations not shown within 30 s", value: String(lag.misses), target: "0" });
    figures.push({ benchmark, figure: "signing meanwhile (10 conn.)", value: perSecond(lag.load.requestsPerSecond) });
    shareCampaignServer(context, { server, slug, url });
    return figures;
  },
};

