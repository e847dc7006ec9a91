import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export type DatabaseTarget = { databaseUrl?: string; pgliteDataDir: string; poolSize?: number };

export type Database = {
  prisma: PrismaClient;
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  kind: "postgres" | "pglite";
  close(): Promise<void>;
};

// PostgreSQL when a URL is given, otherwise PGlite in a local folder ("memory://" for a throwaway one).
export function openDatabase(target: DatabaseTarget): Database {
  if (target.databaseUrl) {
    const adapterFactory = new PrismaPg({
      connectionString: target.databaseUrl,
      max: target.poolSize ?? env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
      // Idle connections are closed after a while, so a restarted database is reconnected to by
      // fresh connections rather than by ones it already dropped.
      idleTimeoutMillis: 30_000,
    });
    // A transaction waits for a connection as long as any query does (Prisma's own default is 2 s,
    // which a burst of requests on a busy campaign exceeds while the database itself keeps up).
    const prisma = new PrismaClient({
      adapter: adapterFactory,
      transactionOptions: { maxWait: env.DATABASE_CONNECT_TIMEOUT_MS, timeout: env.DATABASE_CONNECT_TIMEOUT_MS + 5_000 },
    });
    return { prisma, adapterFactory, kind: "postgres", close: () => prisma.$disconnect() };
  }
  if (!target.pgliteDataDir.startsWith("memory://")) mkdirSync(target.pgliteDataDir, { recursive: true });
  const pglite = new PGlite(target.pgliteDataDir);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    adapterFactory,
    kind: "pglite",
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

const cache = globalThis as unknown as { nidaDatabase?: Database };

// The application's one database, chosen from the environment.
export function database(): Database {
  cache.nidaDatabase ??= openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
  return cache.nidaDatabase;
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const prisma = database().prisma;
    const value = Reflect.get(prisma, property, prisma);
    return typeof value === "function" ? value.bind(prisma) : value;
  },
});

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
