// Lighthouse 12.8 (pinned: newer releases need Node 22) with Debian's Chromium on a seed campaign
// page of the production server: desktop and mobile scores.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { BenchServer } from "./support/server";
import type { Figure } from "./support/report";
import type { Benchmark } from "./support/runner";

const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

type Audit = { score: number | null; title: string; scoreDisplayMode: string; details?: { items?: { description?: string; url?: string; source?: string }[] } };
type Report = { categories: Record<string, { score: number | null }>; audits: Record<string, Audit> };

function lighthouse(url: string, formFactor: "desktop" | "mobile"): Promise<Report> {
  const args = [
    "--no-install",
    "lighthouse",
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--only-categories=${categories.join(",")}`,
    `--chrome-flags=${chromeFlags.join(" ")}`,
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("npx", args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => {
      try {
        resolve(JSON.parse(out) as Report);
      } catch {
        reject(new Error(`lighthouse exited ${code}: ${err.slice(-500)}`));
      }
    });
  });
}

// The audits that cost points, so the table says what to fix.
function failing(report: Report): string[] {
  return Object.values(report.audits)
    .filter((audit) => audit.score !== null && audit.score < 0.9 && (audit.scoreDisplayMode === "binary" || audit.scoreDisplayMode === "numeric"))
    .map((audit) => audit.title);
}

export const lighthouseBenchmark: Benchmark = {
  name: "lighthouse",
  async run(context) {
    let shared = context.shared.get("postgres-server") as { server: BenchServer; slug: string } | undefined;
    if (!shared) {
      const url = await context.postgresDatabase(`nida_bench_lighthouse_${randomUUID().slice(0, 8)}`);
      const server = await context.server("postgres", { DATABASE_URL: url });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const slug = (await client.query<{ slug: string }>(`SELECT slug FROM campaigns WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`)).rows[0]!.slug;
      await client.end();
      shared = { server, slug };
    }
    const page = `${shared.server.url}/en/campaigns/${shared.slug}`;
    const figures: Figure[] = [];
    for (const formFactor of ["desktop", "mobile"] as const) {
      console.log(`[bench] lighthouse: ${formFactor} ${page}`);
      const report = await lighthouse(page, formFactor);
      const scores = categories.map((category) => `${category} ${Math.round((report.categories[category]?.score ?? 0) * 100)}`).join(", ");
      figures.push({ benchmark: "Lighthouse", figure: `${formFactor}`, value: scores, target: formFactor === "desktop" ? "all 100" : "performance ≥ 90" });
      const misses = failing(report);
      if (misses.length) console.log(`[bench] lighthouse ${formFactor}: audits below 0.9: ${misses.join("; ")}`);
      for (const item of report.audits["errors-in-console"]?.details?.items ?? []) {
        console.log(`[bench] lighthouse ${formFactor}: console error: ${item.description ?? ""} ${item.url ?? ""}`.trim());
      }
    }
    return figures;
  },
};
