// Through PgBouncer in transaction mode (Debian's 1.18, which keeps no named statement from one
// server connection to the next), with `?pgbouncer=true` on the URL: the hot paths' named
// statements go unnamed and every one of many concurrent ones answers; Prisma's queries and
// interactive transactions work as on a direct connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../lib/db";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { createDatabase, startPostgresCluster, type PostgresCluster } from "../fixtures/postgres-cluster";
import { ensureSystemDependencies } from "../fixtures/provision";
import { startPgBouncer, type PgBouncer } from "./engines";

const statement = { name: "pooled-echo", text: "SELECT $1::int AS n, pg_backend_pid() AS pid" };

describe("PgBouncer in transaction mode", () => {
  let primary: PostgresCluster;
  let bouncer: PgBouncer;
  let pooled: Database;

  beforeAll(async () => {
    await ensureSystemDependencies({ postgres: true, pgbouncer: true });
    primary = await startPostgresCluster();
    const url = await createDatabase(primary.url, "nida_pooled");
    const direct = openDatabase({ databaseUrl: url, pgliteDataDir: "unused" });
    await applyMigrations(direct.migrationAdapter());
    await direct.close();
    bouncer = await startPgBouncer(primary, "nida_pooled");
    pooled = openDatabase({ databaseUrl: `${bouncer.url}?pgbouncer=true`, pgliteDataDir: "unused", poolSize: 10 });
  });

  afterAll(async () => {
    await pooled?.close();
    bouncer?.stop();
    await primary?.stop();
  });

  it("answers every one of many concurrent named statements, from several server connections", async () => {
    const rows = await Promise.all(Array.from({ length: 300 }, (_, n) => pooled.sql<{ n: number; pid: number }>(statement, [n]).then((result) => result[0]!)));
    expect(rows.map((row) => row.n)).toEqual(Array.from({ length: 300 }, (_, n) => n));
    // The statements ran on more than one PostgreSQL connection: the case a named one cannot survive.
    expect(new Set(rows.map((row) => row.pid)).size).toBeGreaterThan(1);
  });

  it("runs Prisma's queries and interactive transactions", async () => {
    const slug = `pooled-${Date.now()}`;
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        pooled.prisma.$transaction(async (tx) => {
          await tx.organisation.create({ data: { slug: `${slug}-${n}`, name: { en: `Pooled ${n}` } } });
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${slug}, 0))`;
        }),
      ),
    );
    expect(await pooled.prisma.organisation.count({ where: { slug: { startsWith: slug } } })).toBe(20);
  });
});
