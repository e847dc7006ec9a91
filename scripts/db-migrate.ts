// npm run db:migrate: applies pending migrations from prisma/migrations to the configured database
// (PostgreSQL when DATABASE_URL is set, otherwise PGlite in PGLITE_DATA_DIR). Safe to run repeatedly.
import { configuredTarget, openDatabase } from "../lib/db";
import { env } from "../lib/env";
import { applyMigrations } from "./migrations/schema-engine";

const database = openDatabase(configuredTarget());
const target = database.kind === "postgres" ? "PostgreSQL" : `PGlite at ${env.PGLITE_DATA_DIR}`;
let failed = false;
try {
  const applied = await applyMigrations(database.migrationAdapter());
  if (applied.length === 0) console.log(`Database is up to date (${target})`);
  for (const name of applied) console.log(`Applied ${name} to ${target}`);
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
} finally {
  await database.close();
}
process.exit(failed ? 1 : 0);
