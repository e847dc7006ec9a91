import { cpSync, rmSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, inject } from "vitest";

// Runs in each test worker before the test file is imported, so lib/env sees the right database:
// the run's PostgreSQL, or this file's own copy of the migrated PGlite folder.
const databaseUrl = (inject as (key: string) => string | undefined)("databaseUrl");
const pgliteTemplate = (inject as (key: string) => string | undefined)("pgliteTemplate");
if (databaseUrl) process.env.DATABASE_URL = databaseUrl;
const pgliteCopy = pgliteTemplate ? join(dirname(pgliteTemplate), `file-${randomUUID()}`) : null;
if (pgliteTemplate && pgliteCopy) {
  cpSync(pgliteTemplate, pgliteCopy, { recursive: true });
  process.env.PGLITE_DATA_DIR = pgliteCopy;
}

beforeAll(async () => {
  const { database } = await import("../../lib/db");
  const { assertLocalDatabase } = await import("./assert-local-database");
  assertLocalDatabase(process.env.DATABASE_URL);
  database();
});

afterAll(async () => {
  const { database } = await import("../../lib/db");
  await database().close();
  (globalThis as { nidaDatabase?: unknown }).nidaDatabase = undefined;
  if (pgliteCopy) rmSync(pgliteCopy, { recursive: true, force: true });
});
