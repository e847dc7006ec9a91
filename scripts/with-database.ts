import { configuredTarget, openDatabase, type Database } from "../lib/db";

// Runs a command's work on the configured database (PostgreSQL when DATABASE_URL is set, otherwise
// PGlite in PGLITE_DATA_DIR), prints what went wrong if anything did, closes the database and
// exits: 1 when the work failed or said so.
export async function withConfiguredDatabase(work: (database: Database) => Promise<boolean | void>): Promise<never> {
  const database = openDatabase(configuredTarget());
  let failed = false;
  try {
    failed = (await work(database)) === false;
  } catch (error) {
    failed = true;
    console.error(error instanceof Error ? error.message : error);
  } finally {
    await database.close();
  }
  process.exit(failed ? 1 : 0);
}
