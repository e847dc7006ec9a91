// npm run db:migrate: applies pending migrations from prisma/migrations to the configured database
// (PostgreSQL when DATABASE_URL is set, otherwise PGlite in PGLITE_DATA_DIR). Safe to run repeatedly.
import { env } from "../lib/env";
import { migrateDatabase } from "./migrations/migrate-database";
import { withConfiguredDatabase } from "./with-database";

await withConfiguredDatabase(async (database) => {
  const target = database.kind === "postgres" ? "PostgreSQL" : `PGlite at ${env.PGLITE_DATA_DIR}`;
  const applied = await migrateDatabase(database);
  if (applied.length === 0) console.log(`Database is up to date (${target})`);
  for (const name of applied) console.log(`Applied ${name} to ${target}`);
});
