// The sign path on the embedded default (PGlite in a data folder on disk, as `npm start` runs with
// no DATABASE_URL), beside the same server's no-op route handler.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { alternatingRounds, httpSettings, latencyFigures, pairedRounds, ratioFigure, signLoad } from "./http";
import { signForm } from "./support/forms";
import { medianBy, runLoad } from "./support/load";
import { formatCount, type Figure } from "./support/report";
import type { Benchmark } from "./support/runner";

// The first campaign the home page links to (PGlite lets only the server open its folder).
async function firstCampaignSlug(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/en`)).text();
  const match = /href="\/en\/campaigns\/([^"/?#]+)"/.exec(html);
  if (!match) throw new Error("the home page links to no campaign");
  return decodeURIComponent(match[1]!);
}

export const pgliteBenchmark: Benchmark = {
  name: "pglite",
  async run(context, args) {
    const settings = httpSettings(args);
    const benchmark = "PGlite server";
    const dir = mkdtempSync(join(tmpdir(), "nida-bench-pglite-"));
    context.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    const server = await context.server("pglite", { PGLITE_DATA_DIR: join(dir, "pglite") });
    const slug = await firstCampaignSlug(server.url);
    const form = await signForm(server.url, slug);
    // Warmed at full load like the PostgreSQL server; PGlite's WebAssembly is compiled by a quick
    // compiler first and by the optimising one only once it has run a while.
    const c = settings.connections;
    await signLoad(server, form, slug, { ...settings, durationSeconds: settings.warmSeconds });
    await runLoad({ url: `${server.url}/api/bench/noop`, connections: c, durationSeconds: settings.warmSeconds });
    const results = await alternatingRounds(settings.rounds, [
      () => signLoad(server, form, slug, settings),
      () => runLoad({ url: `${server.url}/api/bench/noop`, connections: c, durationSeconds: settings.durationSeconds }),
    ]);
    // The target is a rate, so the round with the median sign rate gives the figures.
    const signs = results.map((round) => round[0]!);
    const sign = medianBy(signs, (one) => one.requestsPerSecond);
    const eachRound = signs.length > 1 ? `; median of ${signs.length} rounds: ${signs.map((one) => formatCount(one.requestsPerSecond)).join(", ")}` : "";
    const figures: Figure[] = [
      ...latencyFigures(benchmark, `sign path (${c} conn.)`, sign, { p99: "" }),
      { benchmark, figure: "sign path", value: `${formatCount(sign.requestsPerSecond)}/s${eachRound}`, target: "≥ 300/s" },
      ratioFigure(benchmark, "sign path ÷ no-op route handler", pairedRounds(results, 0, 1)),
    ];
    return figures;
  },
};
