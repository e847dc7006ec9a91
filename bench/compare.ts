// The sign path against the no-op route handler, here and at another commit (`--against REF`),
// in alternating rounds of one run: each build on its own PostgreSQL database, both servers up
// at once, so a slower stretch of the machine falls on both alike. With `--export-rows N`, also
// the CSV export of N signatures from each build, alternating.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openDatabase } from "../lib/db";
import { insertConfirmedSignatures } from "../tests/fixtures/bulk-signatures";
import { argValue } from "../tests/fixtures/cli";
import { createDatabase } from "../tests/fixtures/postgres-cluster";
import { createCampaign, createOrganiserSession, download, type Download } from "./export";
import { alternatingRounds, httpSettings, openSeedCampaign, pairedRounds, ratioFigure, signLoad } from "./http";
import { builtCheckout } from "./support/checkout";
import type { BenchContext } from "./support/context";
import { signForm } from "./support/forms";
import { runLoad } from "./support/load";
import { formatCount, formatMb, formatMs, type Figure } from "./support/report";
import type { Benchmark } from "./support/runner";
import type { BenchServer } from "./support/server";

// What one server needs to be loaded: its sign form, its campaign and its no-op address.
async function target(server: BenchServer, databaseUrl: string) {
  const slug = await openSeedCampaign(databaseUrl);
  return { server, slug, form: await signForm(server.url, slug), noopUrl: `${server.url}/api/bench/noop` };
}

type ExportSide = { server: BenchServer; campaignId: string; sessionToken: string };

// A campaign of `rows` confirmed signatures on one build's database, written by that build's own
// fixture (`insert`: as its schema holds them, sealed or not), and an organiser to export it.
async function exportSide(context: BenchContext, server: BenchServer, databaseUrl: string, rows: number, insert: typeof insertConfirmedSignatures): Promise<ExportSide> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "nida-bench" });
  await client.connect();
  context.onCleanup(() => client.end());
  const sealing = openDatabase({ databaseUrl, pgliteDataDir: "memory://", poolSize: 2 });
  context.onCleanup(() => sealing.close());
  const organisationId = `bench-org-${randomUUID().slice(0, 8)}`;
  await client.query(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ($1, $1, '{"en": "Benchmark organisation"}', now())`, [organisationId]);
  const bench = { client, sealIn: sealing.prisma, organisationId };
  const started = performance.now();
  const campaignId = await createCampaign(bench, rows, insert);
  console.log(`[bench] compare: ${formatCount(rows)} signatures written at ${server.name} in ${formatMs(performance.now() - started)}`);
  const warmUp = await createCampaign(bench, 10, insert);
  await client.query("VACUUM ANALYZE");
  const sessionToken = await createOrganiserSession(client, organisationId);
  // The first request loads the route's code; it is not what is being measured.
  if ((await download(server, warmUp, sessionToken, "gzip")).rows !== 10) throw new Error(`${server.name}: the warm-up export did not hold 10 rows`);
  return { server, campaignId, sessionToken };
}

// The middle value; of two, the larger.
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// The export of the same number of rows from each build, in alternating rounds (there, here).
async function compareExports(sides: { label: string; there: ExportSide; here: ExportSide }, rows: number, rounds: number): Promise<Figure[]> {
  const results: { there: Download[]; here: Download[] } = { there: [], here: [] };
  for (let round = 0; round < rounds; round++) {
    for (const name of ["there", "here"] as const) {
      const side = sides[name];
      const result = await download(side.server, side.campaignId, side.sessionToken, "gzip");
      if (result.rows !== rows) throw new Error(`${name}: the export held ${result.rows} rows, expected ${rows}`);
      console.log(`[bench] compare: export of ${formatCount(rows)} rows ${name}: ${formatMs(result.totalMs)}, server peak RSS ${formatMb(result.peakRssBytes)}`);
      results[name].push(result);
    }
  }
  const benchmark = `export of ${formatCount(rows)} rows (gzip), here and at ${sides.label}`;
  const rounded = (list: Download[], pick: (one: Download) => number, format: (value: number) => string) =>
    `${format(median(list.map(pick)))}${list.length > 1 ? ` (runs: ${list.map((one) => format(pick(one))).join(", ")})` : ""}`;
  return [
    { benchmark, figure: `total time at ${sides.label}`, value: rounded(results.there, (one) => one.totalMs, formatMs), target: "" },
    { benchmark, figure: "total time here", value: rounded(results.here, (one) => one.totalMs, formatMs), target: rows >= 1_000_000 ? "≤ 10 s" : "" },
    { benchmark, figure: `server peak RSS at ${sides.label}`, value: rounded(results.there, (one) => one.peakRssBytes, formatMb), target: "" },
    { benchmark, figure: "server peak RSS here", value: rounded(results.here, (one) => one.peakRssBytes, formatMb), target: rows >= 1_000_000 ? "≤ 256 MB" : "" },
  ];
}

export const compareBenchmark: Benchmark = {
  name: "compare",
  async run(context: BenchContext, args: string[]): Promise<Figure[]> {
    const ref = argValue("--against", args);
    if (!ref) {
      console.log("[bench] compare: skipped (give --against <commit> to measure the sign path there and here)");
      return [];
    }
    const settings = httpSettings(args);
    const checkout = builtCheckout(ref);
    const label = `${ref} (${checkout.commit.slice(0, 8)})`;
    const benchmark = `PostgreSQL server, here and at ${label}`;
    const cluster = await context.postgresCluster();
    // The other commit's start script migrates and seeds its own empty database.
    const thereUrl = await createDatabase(cluster.url, `nida_bench_there_${randomUUID().slice(0, 8)}`);
    const hereUrl = await context.postgresDatabase(`nida_bench_here_${randomUUID().slice(0, 8)}`);
    const there = await target(await context.server("there", { DATABASE_URL: thereUrl }, checkout.dir), thereUrl);
    const here = await target(await context.server("here", { DATABASE_URL: hereUrl }), hereUrl);
    const c = settings.connections;
    const warm = { ...settings, durationSeconds: settings.warmSeconds };
    for (const one of [there, here]) {
      await runLoad({ url: one.noopUrl, connections: c, durationSeconds: warm.durationSeconds });
      await signLoad(one.server, one.form, one.slug, warm);
    }
    console.log(`[bench] compare: sign path and no-op at ${label} and here, ${settings.rounds} × ${settings.durationSeconds} s each, alternating`);
    const results = await alternatingRounds(settings.rounds, [
      () => signLoad(there.server, there.form, there.slug, settings),
      () => runLoad({ url: there.noopUrl, connections: c, durationSeconds: settings.durationSeconds }),
      () => signLoad(here.server, here.form, here.slug, settings),
      () => runLoad({ url: here.noopUrl, connections: c, durationSeconds: settings.durationSeconds }),
    ]);
    const failed = results.flat().reduce((sum, one) => sum + one.notOk + one.errors, 0);
    if (failed > 0) throw new Error(`${failed} requests failed while comparing`);
    const exportRows = Number(argValue("--export-rows", args) ?? 0);
    const exports: Figure[] = [];
    if (exportRows > 0) {
      // The other commit's fixture writes signatures as its own schema holds them.
      const thereFixture = (await import(pathToFileURL(path.join(checkout.dir, "tests/fixtures/bulk-signatures.ts")).href)) as { insertConfirmedSignatures: typeof insertConfirmedSignatures };
      const thereSide = await exportSide(context, there.server, thereUrl, exportRows, thereFixture.insertConfirmedSignatures);
      const hereSide = await exportSide(context, here.server, hereUrl, exportRows, insertConfirmedSignatures);
      exports.push(...(await compareExports({ label, there: thereSide, here: hereSide }, exportRows, 2)));
    }
    return [
      ratioFigure(benchmark, `sign path ÷ no-op route handler at ${label}`, pairedRounds(results, 0, 1)),
      ratioFigure(benchmark, "sign path ÷ no-op route handler here", pairedRounds(results, 2, 3), "≥ the other"),
      ratioFigure(benchmark, `sign path here ÷ sign path at ${label}`, pairedRounds(results, 2, 0)),
      ...exports,
    ];
  },
};
