// What the benchmarks share in one run: a throwaway PostgreSQL cluster (a fresh, migrated database
// per benchmark), the production build, production servers, and their clean-up.
import { openDatabase } from "../../lib/db";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { buildIfNeeded } from "../../scripts/build-state";
import { createDatabase, startPostgresCluster, type PostgresCluster } from "../../tests/fixtures/postgres-cluster";
import { chromiumPath, ensureSystemDependencies } from "../../tests/fixtures/provision";
import { benchEnv, startProductionServer, type BenchServer, type ServerEnv } from "./server";

export class BenchContext {
  private cluster?: Promise<PostgresCluster>;
  private built = false;
  private readonly cleanups: (() => Promise<void> | void)[] = [];
  // What one benchmark leaves for a later one in the same run (e.g. a running server).
  readonly shared = new Map<string, unknown>();

  // A new database on the run's PostgreSQL cluster, with every migration applied.
  async postgresDatabase(name: string): Promise<string> {
    const cluster = await this.postgresCluster();
    const url = await createDatabase(cluster.url, name);
    const database = openDatabase({ databaseUrl: url, pgliteDataDir: "memory://" });
    try {
      await applyMigrations(database.migrationAdapter());
    } finally {
      await database.close();
    }
    return url;
  }

  // The run's PostgreSQL cluster, started on first use.
  postgresCluster(): Promise<PostgresCluster> {
    this.cluster ??= (async () => {
      await ensureSystemDependencies({ postgres: true });
      const cluster = await startPostgresCluster({ settings: { shared_buffers: "256MB" } });
      this.onCleanup(() => cluster.stop());
      return cluster;
    })();
    return this.cluster;
  }

  // Debian's Chromium for the browser benchmarks, installed on first use as `npm test` installs it.
  async chromium(): Promise<string> {
    const provided = await ensureSystemDependencies({ chromium: true });
    return provided.chromiumPath ?? chromiumPath();
  }

  // `next build`, unless .next is newer than every source (the check `npm start` makes).
  ensureBuild(): void {
    if (this.built) return;
    if (!buildIfNeeded(benchEnv, "[bench] building the production app (the code changed since the last build)…")) {
      throw new Error("next build failed");
    }
    this.built = true;
  }

  // A production server of this checkout, or of another one already built (`cwd`).
  async server(name: string, env: ServerEnv, cwd?: string): Promise<BenchServer> {
    if (!cwd) this.ensureBuild();
    const server = await startProductionServer(name, env, cwd);
    this.onCleanup(() => server.stop());
    return server;
  }

  onCleanup(cleanup: () => Promise<void> | void): void {
    this.cleanups.push(cleanup);
  }

  async close(): Promise<void> {
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error("[bench] clean-up failed:", error instanceof Error ? error.message : error);
      }
    }
    this.cleanups.length = 0;
  }
}
