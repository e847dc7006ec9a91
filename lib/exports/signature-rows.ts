import pg from "pg";
import { AppError } from "../errors";
import { exportRecord, type ExportRecord, type ExportRow } from "./csv";
import type { ExportFilters } from "./schema";

// Where an export's rows come from, one batch at a time: the next batch is only read when the
// stream's consumer asks for it, and close() gives the database resources back at once.
export type SignatureRowSource = {
  // How many rows the export should hold, counted when it was opened (exact on PostgreSQL, where
  // the count and the cursor share one snapshot; on PGlite rows confirmed meanwhile may be added).
  readonly expectedRows: number;
  // The next batch, or null when there are no more rows (the source has then closed itself).
  next(): Promise<ExportRecord[] | null>;
  // Idempotent; safe to call while next() is waiting.
  close(): Promise<void>;
};

export type RowQuery = { campaignId: string; organisationId: string; filters: ExportFilters };

// A cursor's fetch is one round trip on the export's own connection: larger batches, fewer trips.
// A keyset page holds PGlite's one connection while it runs: smaller pages, shorter holds.
export const cursorBatchSize = 5000;
export const keysetBatchSize = 1000;

type Sql = { text: string; params: unknown[] };

type PageRow = ExportRow & { id: string; sort_key: string };

// The organisation may write to a signer only if the signer ticked its consent box (a row in
// signature_consents, joined as `c`) and has not unsubscribed or been erased since.
const consentedSql = `c.signature_id IS NOT NULL AND sup.unsubscribed_at IS NULL AND sup.erased_at IS NULL`;

// Timestamps are stored as UTC without a zone; formatted here so both drivers give the same text.
const isoUtc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type Param = (value: unknown) => string;

const collect = (params: unknown[]): Param => (value) => `$${params.push(value)}`;

function conditions(query: RowQuery, param: Param): string {
  const where = [`s.campaign_id = ${param(query.campaignId)}`, `s.state = 'CONFIRMED'`];
  const { from, to, country, consentedOnly } = query.filters;
  if (from) where.push(`s.confirmed_at >= ${param(from.toISOString())}::timestamp`);
  if (to) where.push(`s.confirmed_at <= ${param(to.toISOString())}::timestamp`);
  if (country) where.push(`s.country = ${param(country)}`);
  if (consentedOnly) where.push(consentedSql);
  return where.join("\n  AND ");
}

function joins(query: RowQuery, param: Param): string {
  return `LEFT JOIN supporters sup ON sup.id = s.supporter_id
LEFT JOIN signature_consents c ON c.signature_id = s.id AND c.organisation_id = ${param(query.organisationId)}`;
}

export function countSql(query: RowQuery): Sql {
  const params: unknown[] = [];
  const param = collect(params);
  // Without the consent filter the joins change no count: leave them out.
  const join = query.filters.consentedOnly ? joins(query, param) : "";
  return { text: `SELECT count(*)::int AS count\nFROM signatures s ${join}\nWHERE ${conditions(query, param)}`, params };
}

// Rows in the order they were confirmed, their columns in the export's order. A page (for keyset
// pagination) also returns each row's id and sort key, and continues after the last row read.
export function rowsSql(query: RowQuery, page?: { after?: { sortKey: string; id: string }; limit: number }): Sql {
  const params: unknown[] = [];
  const param = collect(params);
  let text = `SELECT s.name,
  CASE WHEN ${consentedSql} THEN sup.email END AS email,
  s.country, s.postcode, s.comment,
  ${isoUtc("s.created_at")} AS signed_at,
  ${isoUtc("s.confirmed_at")} AS confirmed_at${page ? `,\n  s.id, to_char(s.confirmed_at, 'YYYY-MM-DD HH24:MI:SS.US') AS sort_key` : ""}
FROM signatures s
${joins(query, param)}
WHERE ${conditions(query, param)}`;
  if (page?.after) {
    const sortKey = `${param(page.after.sortKey)}::timestamp`;
    const id = param(page.after.id);
    // The first condition lets the (campaign, state, confirmed_at) index start at the right place.
    text += `\n  AND s.confirmed_at >= ${sortKey} AND (s.confirmed_at, s.id) > (${sortKey}, ${id})`;
  }
  // A page needs a total order to continue from; a cursor reads each row once whatever the order
  // of ties, and ordering by the index's own column alone lets it stream without a sort.
  text += page ? `\nORDER BY s.confirmed_at, s.id\nLIMIT ${Math.trunc(page.limit)}` : "\nORDER BY s.confirmed_at";
  return { text, params };
}

// ---------------------------------------------------------------- PostgreSQL: a server-side cursor

// The application name marks the export's connection in pg_stat_activity.
export const exportApplicationName = (campaignId: string) => `nida-export ${campaignId}`.slice(0, 63);

// One dedicated connection per export, outside the app's pool, holding a read-only transaction
// with a cursor: the rows stay in PostgreSQL until fetched, and ending the connection is all it
// takes to drop the cursor and the transaction.
export async function openPostgresCursor(
  connectionString: string,
  query: RowQuery,
  options: { batchSize?: number } = {},
): Promise<SignatureRowSource> {
  const batchSize = options.batchSize ?? cursorBatchSize;
  const client = new pg.Client({ connectionString, application_name: exportApplicationName(query.campaignId) });
  // An error on an idle connection (the server going away) must not crash the process.
  client.on("error", () => {});
  let closed = false;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      closed = true;
      // Terminating the connection rolls back the transaction and drops the cursor with it.
      await client.end().catch(() => {});
    })());

  try {
    await client.connect();
  } catch (error) {
    await close();
    throw new AppError("UNAVAILABLE", { detail: `export: cannot connect: ${(error as Error).message}` });
  }
  let expectedRows: number;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A download that stops reading without disconnecting must not hold a snapshot for ever.
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '5min'");
    // The cursor's plan streams in index order (nested loops, no sort of the whole campaign), so
    // the first rows leave at once; compiling it to machine code would only delay them.
    await client.query("SET LOCAL jit = off");
    const count = countSql(query);
    expectedRows = (await client.query<{ count: number }>(count.text, count.params)).rows[0]!.count;
    const rows = rowsSql(query);
    await client.query(`DECLARE signature_export NO SCROLL CURSOR FOR ${rows.text}`, rows.params);
  } catch (error) {
    await close();
    throw error;
  }

  return {
    expectedRows,
    async next() {
      if (closed) return null;
      const result = await client.query<(string | null)[]>({
        text: `FETCH FORWARD ${Math.trunc(batchSize)} FROM signature_export`,
        rowMode: "array",
      });
      if (result.rows.length === 0) {
        if (!closed) await client.query("COMMIT").catch(() => {});
        await close();
        return null;
      }
      return result.rows;
    },
    close,
  };
}

// ---------------------------------------------------------------- PGlite: keyset pagination

// Runs one parameterised query and returns its rows (Prisma's $queryRawUnsafe, or a test's spy).
export type RawQuery = <T>(text: string, params: unknown[]) => Promise<T[]>;

// PGlite is one in-process connection shared by every request: a cursor would hold it for the
// whole download. Instead each batch is a short query that continues after the last row read.
export async function openKeysetPages(
  runQuery: RawQuery,
  query: RowQuery,
  options: { batchSize?: number } = {},
): Promise<SignatureRowSource> {
  const batchSize = options.batchSize ?? keysetBatchSize;
  const count = countSql(query);
  const expectedRows = (await runQuery<{ count: number }>(count.text, count.params))[0]!.count;
  let after: { sortKey: string; id: string } | undefined;
  let closed = false;
  return {
    expectedRows,
    async next() {
      if (closed) return null;
      const page = rowsSql(query, { after, limit: batchSize });
      const rows = await runQuery<PageRow>(page.text, page.params);
      const last = rows.at(-1);
      if (!last || rows.length < batchSize) closed = true;
      if (!last) return null;
      after = { sortKey: last.sort_key, id: last.id };
      return rows.map(exportRecord);
    },
    async close() {
      closed = true;
    },
  };
}
