import { afterAll, beforeAll, inject } from "vitest";

// Runs in each test worker before the test file is imported, so lib/env sees the right database.
const databaseUrl = (inject as (key: string) => string | undefined)("databaseUrl");
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;

beforeAll(async () => {
  const { database } = await import("../../lib/db");
  const { assertLocalDatabase } = await import("./assert-local-database");
  assertLocalDatabase(process.env.DATABASE_URL);
  const current = database();
  // PGlite in memory starts empty in every worker: migrate it here.
  if (current.kind === "pglite") {
    const { applyMigrations } = await import("../../scripts/migrations/schema-engine");
    await applyMigrations(current.migrationAdapter());
  }
});

afterAll(async () => {
  const { database } = await import("../../lib/db");
  await database().close();
  (globalThis as { nidaDatabase?: unknown }).nidaDatabase = undefined;
});
