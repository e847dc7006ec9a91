// The sign path against the no-op route handler, here and at another commit (`--against REF`),
// in alternating rounds of one run: each build on its own PostgreSQL database, both servers up
// at once, so a slower stretch of the machine falls on both alike.
import { randomUUID } from "node:crypto";
import { argValue } from "../tests/fixtures/cli";
import { createDatabase } from "../tests/fixtures/postgres-cluster";
import { alternatingRounds, httpSettings, openSeedCampaign, pairedRounds, ratioFigure, signLoad } from "./http";
import { builtCheckout } from "./support/checkout";
import type { BenchContext } from "./support/context";
import { signForm } from "./support/forms";
import { runLoad } from "./support/load";
import type { Figure } from "./support/report";
import type { Benchmark } from "./support/runner";
import type { BenchServer } from "./support/server";

// What one server needs to be loaded: its sign form, its campaign and its no-op address.
async function target(server: BenchServer, databaseUrl: string) {
  const slug = await openSeedCampaign(databaseUrl);
  return { server, slug, form: await signForm(server.url, slug), noopUrl: `${server.url}/api/bench/noop` };
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
    return [
      ratioFigure(benchmark, `sign path ÷ no-op route handler at ${label}`, pairedRounds(results, 0, 1)),
      ratioFigure(benchmark, "sign path ÷ no-op route handler here", pairedRounds(results, 2, 3), "≥ the other"),
      ratioFigure(benchmark, `sign path here ÷ sign path at ${label}`, pairedRounds(results, 2, 0)),
    ];
  },
};
