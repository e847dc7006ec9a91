import { mkdirSync } from "node:fs";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { env, transactionPooled } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { PGliteThread } from "./pglite-thread";

// `migrationUrl`: where the migration engine connects instead of `databaseUrl` (the primary itself
// when `databaseUrl` goes through a pooler).
export type DatabaseTarget = { databaseUrl?: string; pgliteDataDir: string; poolSize?: number; migrationUrl?: string };

// One SQL statement with positional parameters ($1, $2, ...), straight to the driver: for the few
// hot paths where one round trip and no query building matter (signing). A named statement is
// prepared once per connection and then sent as its name and parameters alone.
type SqlRunner = <Row extends Record<string, unknown>>(statement: { name: string; text: string }, params: unknown[]) => Promise<Row[]>;

export type Database = {
  prisma: PrismaClient;
  sql: SqlRunner;
  // What the migration engine connects with. It ends what it connected through when it is done
  // (on PostgreSQL that drops the connection holding its advisory lock), so on PostgreSQL this is
  // a pool of its own, never the one the app's queries use.
  migrationAdapter(): SqlMigrationAwareDriverAdapterFactory;
  kind: "postgres" | "pglite";
  // PostgreSQL: the URL a connection of its own is opened with (an export's COPY), as the driver
  // takes it. PGlite: the data folder's thread, which can write a copy of the folder.
  connectionString?: string;
  pglite?: PGliteThread;
  close(): Promise<void>;
};

// A transaction waits for a connection as long as any query does. Prisma's own default is 2 s,
// which a burst of requests on a busy campaign exceeds while PostgreSQL keeps up, and which one
// periodic job's transaction on PGlite's single connection exceeds on a first start.
const transactionOptions = () => ({ maxWait: env.DATABASE_CONNECT_TIMEOUT_MS, timeout: env.DATABASE_CONNECT_TIMEOUT_MS + 5_000 });

// PostgreSQL when a URL is given, otherwise PGlite in a local folder ("memory://" for a throwaway one).
export function openDatabase(target: DatabaseTarget): Database {
  if (target.databaseUrl) {
    const pooled = transactionPooled(target.databaseUrl);
    const connectionString = driverUrl(target.databaseUrl);
    // One pool for Prisma and for plain SQL.
    const pool = new pg.Pool({
      connectionString,
      max: target.poolSize ?? env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
      // Idle connections are closed after a while, so a restarted database is reconnected to by
      // fresh connections rather than by ones it already dropped.
      idleTimeoutMillis: 30_000,
    });
    // An idle connection dropped by a restarting server is not an error of any request.
    pool.on("error", () => undefined);
    const adapterFactory = new PrismaPg(pool, { disposeExternalPool: true });
    const prisma = new PrismaClient({ adapter: adapterFactory, transactionOptions: transactionOptions() });
    // Behind a pooler in transaction mode the next statement may reach another server connection,
    // where a statement prepared by name does not exist: each is then sent unnamed.
    const sql: SqlRunner = async (statement, params) =>
      (await pool.query(pooled ? { text: statement.text, values: params } : { name: statement.name, text: statement.text, values: params })).rows;
    const migrationUrl = driverUrl(target.migrationUrl ?? target.databaseUrl);
    return {
      prisma,
      sql,
      migrationAdapter: () => new PrismaPg({ connectionString: migrationUrl, max: 2, connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS }),
      kind: "postgres",
      connectionString,
      async close() {
        await prisma.$disconnect();
        // Prisma ends the pool it shares only if it ever connected.
        if (!pool.ended) await pool.end().catch(() => undefined);
      },
    };
  }
  if (!target.pgliteDataDir.startsWith("memory://")) mkdirSync(target.pgliteDataDir, { recursive: true });
  const pglite = new PGliteThread(target.pgliteDataDir);
  const adapterFactory = new PrismaPGlite(pglite.asPGlite());
  // PGlite runs one statement at a time; a Prisma transaction holds it until it ends.
  const prisma = new PrismaClient({ adapter: adapterFactory, transactionOptions: transactionOptions() });
  const sql = preparedStatements(pglite);
  return {
    prisma,
    sql,
    // PGlite is one session in this process: the engine shares it, and leaves it open.
    migrationAdapter: () => adapterFactory,
    kind: "pglite",
    pglite,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// On PGlite's one session, as on each PostgreSQL connection, a named statement is prepared once:
// each run then skips parsing and planning it, most of a signature's time in PGlite. EXECUTE
// takes no bound parameters, so each one goes as a quoted literal of its text form.
function preparedStatements(pglite: PGliteThread): SqlRunner {
  const prepared = new Map<string, Promise<unknown>>();
  return async (statement, params) => {
    const name = pg.escapeIdentifier(statement.name);
    let ready = prepared.get(statement.name);
    if (!ready) {
      ready = pglite.exec(`PREPARE ${name} AS ${statement.text}`);
      prepared.set(statement.name, ready);
      // A statement that failed to prepare is tried again next time.
      ready.catch(() => prepared.delete(statement.name));
    }
    await ready;
    const args = params.length > 0 ? `(${params.map(sqlLiteral).join(", ")})` : "";
    return (await pglite.query(`EXECUTE ${name}${args}`)).rows as never;
  };
}

// Many rows as one parameter per column, so that one statement takes any number of them: the
// relation of `rowParameters(columns, rows)` at $first onwards, named `alias`, its columns named
// and typed as given, and `n`, each row's place in `rows` from 1.
export type RowColumns = readonly (readonly [name: string, type: string])[];

export function rowsRelation(alias: string, columns: RowColumns, first: number): string {
  const arrays = columns.map(([, type], index) => `$${first + index}::${type}[]`);
  return `unnest(${arrays.join(", ")}) WITH ORDINALITY AS ${alias} (${columns.map(([name]) => name).join(", ")}, n)`;
}

export function rowParameters(columns: RowColumns, rows: readonly (readonly unknown[])[]): unknown[][] {
  return columns.map((_, column) => rows.map((row) => row[column] ?? null));
}

// A parameter as a SQL literal of the text the extended protocol would have sent; the prepared
// statement's parameter type then reads it as it would have read that text.
function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (Array.isArray(value)) return pg.escapeLiteral(`{${value.map(arrayElement).join(",")}}`);
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "boolean" || typeof value === "bigint" || (typeof value === "number" && Number.isFinite(value))) return `'${value}'`;
  throw new TypeError(`sqlLiteral: unsupported parameter ${typeof value}`);
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") throw new TypeError(`sqlLiteral: unsupported array element ${typeof value}`);
  return `"${String(value).replace(/["\\]/g, "\\$&")}"`;
}

// The URL as the driver takes it: without the pooler marker, which is ours, not PostgreSQL's.
export function driverUrl(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has("pgbouncer")) return url;
  parsed.searchParams.delete("pgbouncer");
  return parsed.toString();
}

// The database the environment names: its primary (DATABASE_URL, or PGlite), with migrations
// sent to DIRECT_DATABASE_URL when a pooler is in between.
export function configuredTarget(): DatabaseTarget {
  return { databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, migrationUrl: env.DIRECT_DATABASE_URL };
}

const cache = globalThis as unknown as { nidaDatabase?: Database; nidaReadDatabase?: Database };

// The application's one database, chosen from the environment.
export function database(): Database {
  cache.nidaDatabase ??= openDatabase(configuredTarget());
  return cache.nidaDatabase;
}

// Where reads that may be a moment behind go (the open API, exports, organisers' charts): the
// replica at READ_DATABASE_URL, or the primary when there is none. Anything that must see what was
// just written (signing, confirming, moderation, the live count) uses `db`.
export function readDatabase(): Database {
  if (!env.READ_DATABASE_URL) return database();
  cache.nidaReadDatabase ??= openDatabase({ databaseUrl: env.READ_DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
  return cache.nidaReadDatabase;
}

function clientOf(open: () => Database): PrismaClient {
  return new Proxy({} as PrismaClient, {
    get(_target, property) {
      const prisma = open().prisma;
      const value = Reflect.get(prisma, property, prisma);
      return typeof value === "function" ? value.bind(prisma) : value;
    },
  });
}

export const db: PrismaClient = clientOf(database);
export const readDb: PrismaClient = clientOf(readDatabase);

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
