// Lighthouse 12.8 (pinned: newer releases need Node 22) with Debian's Chromium on a seed campaign
// page of the production server, in English and in Arabic: desktop and mobile scores, and what
// cost the points. Scores vary from run to run on a busy machine, so each form factor runs
// several times (`--runs`, 3) and the run with the median performance score is reported, with
// every run's score beside it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { argValue } from "../tests/fixtures/cli";
import { medianBy } from "./support/load";
import { campaignServer } from "./support/campaign-server";
import type { Figure } from "./support/report";
import type { Benchmark } from "./support/runner";

const chromeFlags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const categories = ["performance", "accessibility", "best-practices", "seo"] as const;

type Item = { issueType?: string; description?: string; url?: string; subItems?: { items?: { url?: string }[] } };
type Audit = { id: string; score: number | null; title: string; explanation?: string; scoreDisplayMode: string; details?: { items?: Item[] } };
type Category = { score: number | null; auditRefs: { id: string; weight: number }[] };
type Report = { categories: Record<string, Category>; audits: Record<string, Audit> };
// What Chrome put in its Issues panel, as Lighthouse gathered it (issue kind → the raw issues).
type InspectorIssues = Record<string, Record<string, unknown>[]>;
type Run = { report: Report; issues: InspectorIssues };

// Lighthouse's command line, from the installed package.
const lighthouseCli = fileURLToPath(import.meta.resolve("lighthouse/cli/index.js"));

function lighthouse(url: string, formFactor: "desktop" | "mobile"): Promise<Run> {
  // The report names an Issues-panel entry only by its kind; the gathered artifacts keep the whole
  // issue (which directive, which script and where), so Lighthouse saves them here too.
  const artifacts = mkdtempSync(join(tmpdir(), "nida-lighthouse-"));
  const args = [
    lighthouseCli,
    url,
    "--output=json",
    "--output-path=stdout",
    "--quiet",
    `--gather-mode=${artifacts}`,
    `--audit-mode=${artifacts}`,
    `--only-categories=${categories.join(",")}`,
    `--chrome-flags=${chromeFlags.join(" ")}`,
    ...(formFactor === "desktop" ? ["--preset=desktop"] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => {
      try {
        const report = JSON.parse(out) as Report;
        let issues: InspectorIssues = {};
        try {
          issues = (JSON.parse(readFileSync(join(artifacts, "artifacts.json"), "utf8")) as { InspectorIssues?: InspectorIssues }).InspectorIssues ?? {};
        } catch {
          // the report alone still says which kinds of issue there were
        }
        resolve({ report, issues });
      } catch {
        reject(new Error(`lighthouse exited ${code}: ${err.slice(-500)}`));
      } finally {
        rmSync(artifacts, { recursive: true, force: true });
      }
    });
  });
}

// Lighthouse sometimes fails to record a page load's trace at all (NO_NAVSTART, NO_FCP) and asks to
// be run again: such a run is repeated once, and the repeat is said in the output.
async function lighthouseRetried(url: string, formFactor: "desktop" | "mobile"): Promise<Run> {
  try {
    return await lighthouse(url, formFactor);
  } catch (error) {
    console.log(`[bench] lighthouse: ${formFactor} run failed, running it again: ${(error instanceof Error ? error.message : String(error)).split("\n").filter((line) => /error/i.test(line) && !/npm warn/.test(line)).join(" ").slice(0, 200)}`);
    return lighthouse(url, formFactor);
  }
}

// The audits that cost a category points (weighted in it, scored below 1), with Lighthouse's
// own explanation when it gives one.
function lostPoints(report: Report, category: string): Audit[] {
  return (report.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => report.audits[ref.id])
    .filter((audit): audit is Audit => audit !== undefined && audit.score !== null && audit.score < 1);
}

function describeAudit(audit: Audit): string {
  const score = audit.scoreDisplayMode === "numeric" ? ` (score ${audit.score})` : "";
  return `${audit.title}${score}${audit.explanation ? `: ${audit.explanation}` : ""}`;
}

// One line per Issues-panel entry: its kind and whatever names the cause (a policy violation's
// directive and the script and position that broke it, a blocked or insecure request's URL).
function describeIssues(run: Run): string[] {
  const lines: string[] = [];
  for (const item of run.report.audits["inspector-issues"]?.details?.items ?? []) {
    const urls = (item.subItems?.items ?? []).map((sub) => sub.url).filter(Boolean);
    lines.push(`${item.issueType ?? "issue"}${urls.length ? `: ${urls.join(", ")}` : ""}`);
  }
  for (const [kind, issues] of Object.entries(run.issues)) {
    for (const issue of issues) {
      const location = issue.sourceCodeLocation as { url?: string; lineNumber?: number; columnNumber?: number } | undefined;
      const where = location?.url ? ` at ${location.url}:${(location.lineNumber ?? 0) + 1}:${(location.columnNumber ?? 0) + 1}` : "";
      const known = ["violatedDirective", "contentSecurityPolicyViolationType", "blockedURL", "cookieWarningReasons", "cookieExclusionReasons", "reason", "resolutionStatus"]
        .map((key) => issue[key])
        .filter((value) => value !== undefined && value !== "")
        .map((value) => (Array.isArray(value) ? value.join("/") : String(value)));
      const request = (issue.request as { url?: string } | undefined)?.url ?? (issue.cookieUrl as string | undefined);
      const summary = known.length || request ? [...known, request].filter(Boolean).join(" ") : JSON.stringify(issue).slice(0, 300);
      lines.push(`  ${kind}: ${summary}${where}`);
    }
  }
  return lines;
}

const performanceScore = (run: Run) => run.report.categories.performance?.score ?? 0;

export const lighthouseBenchmark: Benchmark = {
  name: "lighthouse",
  async run(context, args) {
    const runs = Math.max(1, Number(argValue("--runs", args) ?? 3));
    process.env.CHROME_PATH ??= await context.chromium();
    const shared = await campaignServer(context);
    const figures: Figure[] = [];
    for (const locale of ["en", "ar"] as const) {
      const page = `${shared.server.url}/${locale}/campaigns/${shared.slug}`;
      for (const formFactor of ["desktop", "mobile"] as const) {
        const all: Run[] = [];
        for (let i = 1; i <= runs; i += 1) {
          console.log(`[bench] lighthouse: ${formFactor} ${page} (run ${i} of ${runs})`);
          all.push(await lighthouseRetried(page, formFactor));
        }
        const run = medianBy(all, performanceScore);
        const { report } = run;
        const scores = categories.map((category) => `${category} ${Math.round((report.categories[category]?.score ?? 0) * 100)}`).join(", ");
        const eachRun = runs > 1 ? `; performance of each run ${all.map((one) => Math.round(performanceScore(one) * 100)).join(", ")}` : "";
        const label = `${locale} campaign page, ${formFactor}`;
        const figure = runs > 1 ? `${label}, median of ${runs} runs` : label;
        figures.push({ benchmark: "Lighthouse", figure, value: scores + eachRun, target: formFactor === "desktop" ? "all 100" : "performance 100, accessibility 100" });
        const lost: string[] = [];
        for (const category of categories) {
          for (const audit of lostPoints(report, category)) {
            console.log(`[bench] lighthouse ${label} ${category}: ${describeAudit(audit)}`);
            if (audit.scoreDisplayMode !== "numeric") lost.push(audit.id);
          }
        }
        for (const line of describeIssues(run)) console.log(`[bench] lighthouse ${label} Issues panel: ${line}`);
        for (const item of report.audits["errors-in-console"]?.details?.items ?? []) {
          console.log(`[bench] lighthouse ${label}: console error: ${item.description ?? ""} ${item.url ?? ""}`.trim());
        }
        // Failed pass/fail audits in the table itself (metric scores are in the performance figure).
        if (lost.length) figures.push({ benchmark: "Lighthouse", figure: `${label}: failed audits`, value: lost.join(", "), target: "none" });
      }
    }
    return figures;
  },
};
