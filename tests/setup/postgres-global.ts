import type { TestProject } from "vitest/node";
import { openDatabase } from "../../lib/db";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { createDatabase, startPostgresCluster } from "../fixtures/postgres-cluster";
import { ensureSystemDependencies } from "../fixtures/provision";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One throwaway PostgreSQL cluster for the run, migrated once; tests share it and stay apart
// by creating their own campaigns and unique e-mail addresses.
export default async function setup(project: TestProject) {
  await ensureSystemDependencies({ postgres: true });
  const cluster = await startPostgresCluster();
  const url = await createDatabase(cluster.url, "nida_test");
  const database = openDatabase({ databaseUrl: url, pgliteDataDir: "memory://" });
  try {
    await applyMigrations(database.migrationAdapter());
  } finally {
    await database.close();
  }
  project.provide("databaseUrl", url);
  return async () => {
    await cluster.stop();
  };
}
