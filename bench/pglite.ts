// The sign path on the embedded default (PGlite in a data folder on disk, as `npm start` runs with
// no DATABASE_URL), beside the same server's no-op route handler.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { httpSettings, latencyFigures, signLoad } from "./http";
import { signForm } from "./support/forms";
import { runLoad } from "./support/load";
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
    await signLoad(server, form, slug, { ...settings, durationSeconds: 1 }, 10);
    await runLoad({ url: `${server.url}/api/bench/noop`, connections: 10, durationSeconds: 1 });
    const c = settings.connections;
    const noop = await runLoad({ url: `${server.url}/api/bench/noop`, connections: c, durationSeconds: settings.durationSeconds });
    const sign = await signLoad(server, form, slug, settings);
    const figures: Figure[] = [
      ...latencyFigures(benchmark, `sign path (${c} conn.)`, sign, { p99: "" }),
      { benchmark, figure: "sign path", value: `${formatCount(sign.requestsPerSecond)}/s`, target: "≥ 300/s" },
      { benchmark, figure: "sign path ÷ no-op route handler", value: noop.requestsPerSecond ? (sign.requestsPerSecond / noop.requestsPerSecond).toFixed(2) : "-" },
    ];
    return figures;
  },
};
