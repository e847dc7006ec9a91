import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../lib/db";
import { applyMigrations } from "../../scripts/migrations/schema-engine";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

// One PGlite data folder migrated once for the run (in memory-backed /dev/shm where there is one);
// each test file starts from its own copy, a second where migrating afresh takes five.
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "nida-pglite-"));
  const template = join(folder, "template");
  const database = openDatabase({ pgliteDataDir: template });
  try {
    await applyMigrations(database.migrationAdapter());
  } finally {
    await database.close();
  }
  project.provide("pgliteTemplate", template);
  return () => rmSync(folder, { recursive: true, force: true });
}
