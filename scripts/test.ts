// npm test: unit and integration tests (PGlite and a throwaway PostgreSQL), then end-to-end
// journeys in Debian's Chromium against the production build, on PGlite and (a part of them, named
// in playwright.config.ts) on PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { prepareE2eOrganisers } from "../tests/fixtures/e2e-organisers";
import { freePort } from "../tests/fixtures/free-port";
import { createDatabase, startPostgresCluster, type PostgresCluster } from "../tests/fixtures/postgres-cluster";
import { ensureSystemDependencies } from "../tests/fixtures/provision";
import { startResendCapture, type ResendCapture } from "../tests/fixtures/resend-capture";

// Flags: --e2e-only, --skip-e2e, --pglite-only (one e2e server instead of two). Anything else
// goes to Playwright, e.g. `npm run test:e2e -- --pglite-only tests/e2e/sign-twice.spec.ts`.
const ownFlags = ["--e2e-only", "--skip-e2e", "--pglite-only"];
const args = new Set(process.argv.slice(2).filter((arg) => ownFlags.includes(arg)));
const playwrightArgs = process.argv.slice(2).filter((arg) => !ownFlags.includes(arg));
const runVitest = !args.has("--e2e-only");
const runE2e = !args.has("--skip-e2e");
const resultsDir = "test-results";
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
// Each failed test, named with the first line of its error: the summary at the end repeats them,
// so that the last lines of a long run's output say what failed.
const failures: string[] = [];
const firstLine = (message: string | undefined) => stripVTControlCharacters(message ?? "").trim().split("\n")[0]!.slice(0, 300);
const cleanups: (() => Promise<void> | void)[] = [];

function run(command: string, commandArgs: string[], env: NodeJS.ProcessEnv = baseEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function readJson(path: string): unknown {
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

async function vitest(): Promise<boolean> {
  const output = join(resultsDir, "vitest.json");
  const code = await run("npx", ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${output}`]);
  type VitestReport = {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { name: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages?: string[] }[] }[];
  };
  const report = readJson(output) as VitestReport | null;
  if (report) {
    for (const file of report.testResults) {
      const where = file.name.replace(`${process.cwd()}/`, "");
      for (const test of file.assertionResults.filter((result) => result.status === "failed")) failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      if (file.message) failures.push(`${where}: ${firstLine(file.message)}`);
    }
    tally.passed += report.numPassedTests;
    tally.failed += report.numFailedTests;
    tally.skipped += report.numPendingTests + report.numTodoTests;
  } else if (code !== 0) tally.failed += 1;
  return code === 0;
}

async function waitForHealthy(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server for ${url} exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server at ${url} did not become healthy in ${timeoutMs} ms`);
}

async function startServer(name: string, database: { DATABASE_URL?: string; PGLITE_DATA_DIR?: string }, capture: ResendCapture): Promise<string> {
  // The organisers the organiser journeys sign in as, made before the server holds the database
  // (the links the command prints are not used, so their address is a throwaway one).
  await prepareE2eOrganisers(database, { ...baseEnv, NIDA_ENV: "test", APP_URL: `http://127.0.0.1:${await freePort()}` });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn("npx", ["--no-install", "tsx", "scripts/start.ts", "--no-build"], {
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
    env: {
      ...baseEnv,
      ...database,
      NIDA_ENV: "test",
      PORT: String(port),
      LISTEN_HOST: "127.0.0.1",
      APP_URL: url,
      RESEND_API_KEY: "re_test_key",
      RESEND_BASE_URL: capture.url,
      OUTBOX_POLL_MS: "250",
      // The digest job runs as the server starts and then once in 20 days: the journeys send digests
      // with "Send due digests now", and a scheduled run (every 10 minutes on the clock by default)
      // falling between a journey's steps would send its digest first.
      DIGEST_JOB_INTERVAL_MS: String(20 * 24 * 3_600_000),
      // The journeys sign the seed campaigns many times from this machine: each test names its
      // own address in X-Forwarded-For (tests/e2e/helpers.ts), as a proxy in front would.
      TRUST_PROXY_HOPS: "1",
    },
  });
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once("exit", () => resolve());
        try {
          process.kill(-server.pid!, "SIGTERM");
        } catch {
          resolve();
        }
      }),
  );
  await waitForHealthy(url, server, 120_000);
  console.log(`[test] ${name} server ready at ${url}`);
  return url;
}

async function e2e(): Promise<boolean> {
  if ((await run("npx", ["--no-install", "next", "build"])) !== 0) {
    tally.failed += 1;
    return false;
  }
  const capture = await startResendCapture();
  cleanups.push(() => capture.stop());
  const cluster: PostgresCluster = await startPostgresCluster();
  cleanups.push(() => cluster.stop());
  const pgliteDir = mkdtempSync(join(tmpdir(), "nida-e2e-pglite-"));
  cleanups.push(() => rmSync(pgliteDir, { recursive: true, force: true }));

  const servers = await Promise.all([
    startServer("pglite", { PGLITE_DATA_DIR: join(pgliteDir, "db") }, capture).then((url) => `pglite=${url}`),
    ...(args.has("--pglite-only") ? [] : [createDatabase(cluster.url, "nida_e2e").then((url) => startServer("postgres", { DATABASE_URL: url }, capture)).then((url) => `postgres=${url}`)]),
  ]);

  const output = join(resultsDir, "playwright.json");
  const code = await run("npx", ["--no-install", "playwright", "test", ...playwrightArgs], {
    ...baseEnv,
    E2E_TARGETS: servers.join(","),
    E2E_CAPTURE_URL: capture.url,
    PLAYWRIGHT_JSON_OUTPUT_FILE: output,
  });
  type Suite = { suites?: Suite[]; specs?: { title: string; file: string; line: number; ok: boolean; tests: { projectName: string; results: { error?: { message?: string } }[] }[] }[] };
  const report = readJson(output) as ({ stats: { expected: number; unexpected: number; flaky: number; skipped: number } } & Suite) | null;
  const collect = (suite: Suite) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      for (const test of spec.tests) {
        const error = test.results.map((result) => result.error?.message).find(Boolean);
        if (error) failures.push(`[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) collect(child);
  };
  if (report) {
    collect(report);
    tally.passed += report.stats.expected + report.stats.flaky;
    tally.failed += report.stats.unexpected;
    tally.skipped += report.stats.skipped;
  } else if (code !== 0) tally.failed += 1;
  return code === 0;
}

async function main(): Promise<number> {
  mkdirSync(resultsDir, { recursive: true });
  await ensureSystemDependencies({ chromium: runE2e, postgres: true });
  let ok = true;
  try {
    if (runVitest) ok = (await vitest()) && ok;
    if (runE2e) ok = (await e2e()) && ok;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
  if (failures.length) console.log(`\nfailed:\n${failures.map((failure) => `  ${failure}`).join("\n")}`);
  console.log(`\ntests: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  return ok && tally.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(error instanceof Error ? error.message : error);
    for (const cleanup of cleanups.reverse()) await cleanup();
    process.exit(1);
  },
);
