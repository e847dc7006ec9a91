import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { sqlLiteral } from "../db";
import { AppError } from "../errors";
import { consentedSql } from "./consent";
import { crlfRows, exportRecord, formulaStarts, type CsvChunk, type ExportColumn, type ExportRecord, type ExportRow } from "./csv";
import type { ExportFilters } from "./schema";

// Where an export's rows come from, a piece at a time: the next piece is only read when the
// stream's consumer asks for it, and close() gives the database resources back at once.
type PieceSource<Piece> = {
  // How many rows the export should hold, counted when it was opened (exact on PostgreSQL, where
  // the count and the rows share one snapshot; on PGlite rows confirmed meanwhile may be added).
  readonly expectedRows: number;
  // The next piece, or null when there are no more rows (the source has then closed itself).
  next(): Promise<Piece | null>;
  // Idempotent; safe to call while next() is waiting.
  close(): Promise<void>;
};

// Rows as records, one batch at a time (PGlite), to be encoded in JavaScript.
export type SignatureRowSource = PieceSource<ExportRecord[]>;
// Rows already encoded as CSV by the database (PostgreSQL).
export type CsvRowSource = PieceSource<CsvChunk>;

export type RowQuery = { campaignId: string; organisationId: string; filters: ExportFilters };

// A keyset page holds PGlite's one connection while it runs: small pages, short holds.
const keysetBatchSize = 1000;

type Sql = { text: string; params: unknown[] };

type PageRow = ExportRow & { id: string; sort_key: string };


// Timestamps are stored as UTC without a zone; formatted here so both drivers give the same text.
const isoUtc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The export's columns as SQL, one expression per column of the file.
const columnSql: Record<ExportColumn, string> = {
  name: "s.name",
  email: `CASE WHEN ${consentedSql} THEN sup.email END`,
  country: "s.country",
  postcode: "s.postcode",
  comment: "s.comment",
  signed_at: isoUtc("s.created_at"),
  confirmed_at: isoUtc("s.confirmed_at"),
};

// neutraliseCell in SQL, from the same list of characters. An empty cell becomes NULL, which
// PostgreSQL's CSV writes as nothing, as the JavaScript encoder writes an empty string.
const formulaStartsSql = formulaStarts.map((character) => `chr(${character.codePointAt(0)})`).join(", ");
const neutralisedSql = (expression: string) =>
  `NULLIF(CASE WHEN left(${expression}, 1) IN (${formulaStartsSql}) THEN '''' || ${expression} ELSE ${expression} END, '')`;

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

function countSql(query: RowQuery): Sql {
  const params: unknown[] = [];
  const param = collect(params);
  // Without the consent filter the joins change no count: leave them out.
  const join = query.filters.consentedOnly ? joins(query, param) : "";
  return { text: `SELECT count(*)::int AS count\nFROM signatures s ${join}\nWHERE ${conditions(query, param)}`, params };
}

type Page = { after?: { sortKey: string; id: string }; limit: number };

// Rows in the order they were confirmed, their columns in the export's order, made safe for a
// spreadsheet by the database itself when `neutralised`. A page (for keyset pagination) also
// returns each row's id and sort key, and continues after the last row read.
function rowsSql(query: RowQuery, options: { page?: Page; neutralised?: boolean } = {}): Sql {
  const { page, neutralised } = options;
  const params: unknown[] = [];
  const param = collect(params);
  const columns = Object.entries(columnSql).map(([column, sql]) => `${neutralised ? neutralisedSql(sql) : sql} AS ${column}`);
  if (page) columns.push("s.id", `to_char(s.confirmed_at, 'YYYY-MM-DD HH24:MI:SS.US') AS sort_key`);
  let text = `SELECT ${columns.join(",\n  ")}
FROM signatures s
${joins(query, param)}
WHERE ${conditions(query, param)}`;
  if (page?.after) {
    const sortKey = `${param(page.after.sortKey)}::timestamp`;
    const id = param(page.after.id);
    // The first condition lets the (campaign, state, confirmed_at) index start at the right place.
    text += `\n  AND s.confirmed_at >= ${sortKey} AND (s.confirmed_at, s.id) > (${sortKey}, ${id})`;
  }
  // A page needs a total order to continue from; a single pass reads each row once whatever the
  // order of ties.
  text += page ? `\nORDER BY s.confirmed_at, s.id\nLIMIT ${Math.trunc(page.limit)}` : "\nORDER BY s.confirmed_at";
  return { text, params };
}

// ---------------------------------------------------------------- PostgreSQL: COPY

// The application name marks the export's connection in pg_stat_activity.
/** @internal exported for its tests */
export const exportApplicationName = (campaignId: string) => `nida-export ${campaignId}`.slice(0, 63);

// COPY takes no parameters: each one is written into the statement as a quoted literal.
function inlineParams(sql: Sql): string {
  return sql.text.replace(/\$(\d+)/g, (_, index: string) => sqlLiteral(sql.params[Number(index) - 1]));
}

// One dedicated connection per export, outside the app's pool, holding a read-only transaction
// in which PostgreSQL writes the CSV itself (COPY … TO STDOUT). The rows reach the app as bytes,
// never as JavaScript objects, and only as fast as the download takes them: the socket is not
// read while the client is behind. Ending the connection stops the COPY and rolls back.
export async function openPostgresCopy(connectionString: string, query: RowQuery): Promise<CsvRowSource> {
  const client = new pg.Client({ connectionString, application_name: exportApplicationName(query.campaignId) });
  // An error on an idle connection (the server going away) must not crash the process.
  client.on("error", () => {});
  let closed = false;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      closed = true;
      // With the COPY still running, this drops the socket at once.
      await client.end().catch(() => {});
    })());

  try {
    await client.connect();
  } catch (error) {
    await close();
    throw new AppError("UNAVAILABLE", { detail: `export: cannot connect: ${(error as Error).message}` });
  }
  let expectedRows: number;
  let chunks: AsyncIterator<Buffer>;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    // A download that stops reading without disconnecting must not hold a snapshot for ever.
    await client.query("SET LOCAL idle_in_transaction_session_timeout = '5min'");
    await client.query("SET LOCAL jit = off");
    // Read the rows in the index's order rather than sort the whole campaign first: the first rows
    // leave at once, and a download that goes away stops the query at its next write instead of
    // after the sort.
    await client.query("SET LOCAL enable_sort = off");
    const count = countSql(query);
    expectedRows = (await client.query<{ count: number }>(count.text, count.params)).rows[0]!.count;
    const rows = inlineParams(rowsSql(query, { neutralised: true }));
    const copy = client.query(copyTo(`COPY (${rows}) TO STDOUT WITH (FORMAT csv)`));
    // A COPY cut short by close() is nobody's error.
    copy.on("error", () => {});
    chunks = copy[Symbol.asyncIterator]();
  } catch (error) {
    await close();
    throw error;
  }

  const toCrlf = crlfRows();
  return {
    expectedRows,
    async next() {
      if (closed) return null;
      const chunk = await chunks.next();
      if (chunk.done) {
        if (!closed) await client.query("COMMIT").catch(() => {});
        await close();
        return null;
      }
      return toCrlf(chunk.value);
    },
    close,
  };
}

// ---------------------------------------------------------------- PGlite: keyset pagination

// Runs one parameterised query and returns its rows (Prisma's $queryRawUnsafe, or a test's spy).
export type RawQuery = <T>(text: string, params: unknown[]) => Promise<T[]>;

// PGlite is one in-process connection shared by every request: a long query would hold it for
// the whole download. Instead each batch is a short query that continues after the last row read.
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
      const page = rowsSql(query, { page: { after, limit: batchSize } });
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
