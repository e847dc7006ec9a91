// npm start: build if needed, bring the database up to date (migrations and seed), then serve.
// With no DATABASE_URL this is the embedded PGlite database in PGLITE_DATA_DIR: no other setup.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../lib/db";
import { env } from "../lib/env";
import { prepareDatabase } from "./prepare-database";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

const sources = ["app", "lib", "emails", "prisma", "proxy.ts", "instrumentation.ts", "next.config.js", "package.json", "package-lock.json"];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "generated" || entry === "node_modules") continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

function buildIsCurrent(): boolean {
  const marker = ".next/BUILD_ID";
  if (!existsSync(marker)) return false;
  const built = statSync(marker).mtimeMs;
  return sources.every((source) => newestChange(source) <= built);
}

if (!dev && !args.has("--no-build") && !buildIsCurrent()) {
  console.log("Building Nida (first start, or the code changed)…");
  const build = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const database = openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
try {
  const { migrations, campaignsCreated } = await prepareDatabase(database);
  const where = database.kind === "postgres" ? "PostgreSQL" : `the embedded database (${env.PGLITE_DATA_DIR})`;
  console.log(`Database ready on ${where}: ${migrations.length} migration(s) applied, ${campaignsCreated.length} seed campaign(s) created.`);
} finally {
  // PGlite allows one process per data folder: the server opens it next.
  await database.close();
}

const server = spawn("npx", ["--no-install", "next", dev ? "dev" : "start", "--port", String(env.PORT), "--hostname", env.LISTEN_HOST], {
  stdio: "inherit",
  env: childEnv,
});
console.log(`Nida is starting on ${env.APP_URL}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
