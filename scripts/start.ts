// npm start: build if needed, bring the database up to date (migrations and seed), then serve.
// With no DATABASE_URL this is the embedded PGlite database in PGLITE_DATA_DIR: no other setup.
import { spawn } from "node:child_process";
import { configuredTarget, openDatabase } from "../lib/db";
import { env } from "../lib/env";
import { buildIfNeeded } from "./build-state";
import { prepareDatabase } from "./prepare-database";
import { buildEnvironment, serverEnvironment } from "./start-environment";

const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const serverEnv = serverEnvironment(process.env, env, { dev });

if (!dev && !args.has("--no-build") && !buildIfNeeded(buildEnvironment(process.env))) process.exit(1);

const database = openDatabase(configuredTarget());
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
  ? spawn("npx", ["--no-install", "next", "dev", ...listen], { stdio: "inherit", env: serverEnv })
  : spawn(process.execPath, ["scripts/serve.mjs", ...listen, "--drain-ms", String(env.SHUTDOWN_DRAIN_MS)], { stdio: "inherit", env: serverEnv });
console.log(`Nida is starting on ${env.APP_URL}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
