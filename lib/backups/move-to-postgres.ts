import { existsSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { driverUrl, openDatabase } from "../db";
import { migrateDatabase } from "../../scripts/migrations/migrate-database";
import { assertEmptyPostgres, assertNotOpen } from "./backup-database";
import { controlSocketPath, probe } from "./pglite-control";

// An embedded install moved to PostgreSQL: both brought to the current migrations, then every
// table's rows copied in one transaction on the target (a failure leaves it as empty as it was),
// parents before children, with sequences carried over. The rows travel as COPY's text format,
// which both ends write and read the same way, so every value arrives as it was.

// Rows read from PGlite per COPY: a range of the table's pages (8 kB each), so memory stays
// bounded for a large table.
const pagesPerChunk = 2048;

export type MovedTable = { table: string; rows: number };

export async function moveToPostgres(options: { pgliteDataDir: string; targetUrl: string; log?: (line: string) => void }): Promise<MovedTable[]> {
  const log = options.log ?? (() => undefined);
  const dataDir = options.pgliteDataDir;
  if (!existsSync(`${dataDir}/PG_VERSION`)) throw new Error(`there is no embedded database in ${dataDir}`);
  if ((await probe(controlSocketPath(dataDir))) === "answering") throw new Error(`a running Nida server holds ${dataDir}: stop it first`);
  assertNotOpen(dataDir);
  const targetUrl = driverUrl(options.targetUrl);
  await assertEmptyPostgres(targetUrl);

  for (const [name, target] of [
    ["the embedded database", { pgliteDataDir: dataDir }],
    ["PostgreSQL", { databaseUrl: targetUrl, pgliteDataDir: dataDir }],
  ] as const) {
    const database = openDatabase(target);
    try {
      const applied = await migrateDatabase(database);
      log(`${name}: ${applied.length} migration(s) applied`);
    } finally {
      await database.close();
    }
  }

  const source = new PGlite(dataDir);
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const tables = await tablesInLoadOrder(source);
    await client.query("BEGIN");
    const moved: MovedTable[] = [];
    for (const table of tables) {
      const rows = await copyTable(source, client, table);
      moved.push({ table, rows });
      log(`${table}: ${rows} row(s)`);
    }
    await copySequences(source, client);
    await client.query("COMMIT");
    return moved;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    await source.close();
  }
}

// The app's tables (the migrations' own bookkeeping is the target's), each after every table its
// foreign keys point to.
async function tablesInLoadOrder(source: PGlite): Promise<string[]> {
  const tables = (
    await source.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY 1`,
    )
  ).rows.map((row) => row.name);
  const references = (
    await source.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public' AND c.oid <> p.oid`,
    )
  ).rows;
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && references.every((ref) => ref.child !== table || placed.has(ref.parent)));
    if (ready.length === 0) throw new Error(`the tables' foreign keys form a cycle: ${tables.filter((table) => !placed.has(table)).join(", ")}`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

async function copyTable(source: PGlite, client: pg.Client, table: string): Promise<number> {
  const columns = (
    await source.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
      [quoteIdent(table)],
    )
  ).rows.map((row) => quoteIdent(row.name));
  const list = columns.join(", ");
  const pages = (await source.query<{ pages: number }>(`SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS pages`, [quoteIdent(table)])).rows[0]!.pages;
  let rows = 0;
  for (let first = 0; first < Math.max(pages, 1); first += pagesPerChunk) {
    // A TID range reads exactly those pages (PostgreSQL 14 and later, as PGlite is).
    const range = `ctid >= '(${first},0)'::tid AND ctid < '(${first + pagesPerChunk},0)'::tid`;
    const result = await source.query(`COPY (SELECT ${list} FROM ${quoteIdent(table)} WHERE ${range}) TO '/dev/blob'`);
    // PGlite writes no blob at all when the range holds no row.
    if (!result.blob) continue;
    const bytes = new Uint8Array(await result.blob.arrayBuffer());
    if (bytes.byteLength === 0) continue;
    rows += countLines(bytes);
    await new Promise<void>((done, failed) => {
      const stream = client.query(copyFrom(`COPY ${quoteIdent(table)} (${list}) FROM STDIN`));
      stream.once("error", failed);
      stream.once("finish", () => done());
      stream.end(Buffer.from(bytes));
    });
  }
  return rows;
}

// COPY's text format ends every row with a newline and escapes the newlines inside values.
function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (const byte of bytes) if (byte === 0x0a) lines++;
  return lines;
}

async function copySequences(source: PGlite, client: pg.Client): Promise<void> {
  const sequences = (await source.query<{ name: string; value: string | null }>(`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`)).rows;
  for (const sequence of sequences) {
    if (sequence.value !== null) await client.query(`SELECT setval($1::regclass, $2::bigint, true)`, [quoteIdent(sequence.name), sequence.value]);
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
