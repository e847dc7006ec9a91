// npm start: build if needed, bring the database up to date (migrations and seed), then serve.
// With no DATABASE_URL this is the embedded PGlite database in PGLITE_DATA_DIR: no other setup.
import { spawn } from "node:child_process";
import { openDatabase } from "../lib/db";
import { env } from "../lib/env";
import { buildIfNeeded } from "./build-state";
import { prepareDatabase } from "./prepare-database";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const childEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// A bounded heap makes V8 collect before the process grows: a large CSV export then stays within
// a small machine's memory (measured by `npm run bench -- export`).
if (!dev && env.SERVER_MAX_HEAP_MB > 0 && !env.NODE_OPTIONS?.includes("--max-old-space-size")) {
  childEnv.NODE_OPTIONS = [env.NODE_OPTIONS, `--max-old-space-size=${env.SERVER_MAX_HEAP_MB}`].filter(Boolean).join(" ");
}
// glibc gives each thread that allocates at once an arena of its own and rarely hands their
// memory back: the threads that compress a large download each keep theirs. Two arenas keep a
// large export within a small machine's memory (measured by `npm run bench -- export`).
if (!dev) childEnv.MALLOC_ARENA_MAX ??= "2";

if (!dev && !args.has("--no-build") && !buildIfNeeded(childEnv)) process.exit(1);

const database = openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
try {
  const { migrations, campaignsCreated } = await prepareDatabase(database);
  const where = database.kind === "postgres" ? "PostgreSQL" : `the embedded database (${env.PGLITE_DATA_DIR})`;
  console.log(`Database ready on ${where}: ${migrations.length} migration(s) applied, ${campaignsCreated.length} seed campaign(s) created.`);
} finally {
  // PGlite allows one process per data folder: the server opens it next.
  await database.close();
}

// Production runs Next.js behind scripts/serve.mjs, which answers what Next.js cannot and tells
// the app each connection's address (lib/http/front-door.js).
const listen = ["--port", String(env.PORT), "--hostname", env.LISTEN_HOST];
const server = dev
  ? spawn("npx", ["--no-install", "next", "dev", ...listen], { stdio: "inherit", env: childEnv })
  : spawn(process.execPath, ["scripts/serve.mjs", ...listen], { stdio: "inherit", env: childEnv });
console.log(`Nida is starting on ${env.APP_URL}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
