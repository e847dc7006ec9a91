import pg from "pg";
import { AppError } from "../errors";
import { loadDataKeys, open, openOptional } from "../sealing/seal";
import { consentedSql } from "./consent";
import type { ExportRecord } from "./csv";
import type { ExportFilters } from "./schema";

// Where an export's rows come from, a batch at a time: no batch is read before the stream's
// consumer has asked for the one before it, and close() gives the database resources back at once.
export type SignatureRowSource = {
  // How many rows the export should hold, counted when it was opened (exact on PostgreSQL, where
  // the count and the rows share one snapshot; on PGlite rows confirmed meanwhile may be added).
  readonly expectedRows: number;
  // The next rows, opened, in the file's column order; null when there are no more (the source
  // has then closed itself).
  next(): Promise<ExportRecord[] | null>;
  // Idempotent; safe to call while next() is waiting.
  close(): Promise<void>;
};

export type RowQuery = { campaignId: string; organisationId: string; filters: ExportFilters };

// A keyset page holds PGlite's one connection while it runs: small pages, short holds.
const keysetBatchSize = 1000;
// A cursor's batch is opened in JavaScript while the next is fetched: a few thousand rows keep
// the round trips few and the memory small.
const cursorBatchSize = 2000;

type Sql = { text: string; params: unknown[] };

// A row as the database holds it: name, postcode and comment sealed, and the supporter's sealed
// address (with the hash that opens it) only where the signer consented.
type SealedRow = {
  id: string;
  name: string;
  email: string | null;
  email_hash: string | null;
  country: string;
  postcode: string | null;
  comment: string | null;
  signed_at: string;
  confirmed_at: string;
  language: string;
  channel: string | null;
};

type PageRow = SealedRow & { sort_key: string };

// Timestamps are stored as UTC without a zone; formatted here so both drivers give the same text.
const isoUtc = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const columnsSql = [
  "s.id",
  "s.name",
  `CASE WHEN ${consentedSql} THEN sup.email END AS email`,
  `CASE WHEN ${consentedSql} THEN sup.email_hash END AS email_hash`,
  "s.country",
  "s.postcode",
  "s.comment",
  `${isoUtc("s.created_at")} AS signed_at`,
  `${isoUtc("s.confirmed_at")} AS confirmed_at`,
  "s.locale::text AS language",
  "s.source AS channel",
];

function* sealedValues(rows: readonly SealedRow[]) {
  for (const row of rows) yield* [row.name, row.email, row.postcode, row.comment];
}

// The rows opened, in the file's column order (exportColumns); formulas are neutralised when they
// are encoded. Each row becomes its record at once: a million rows, no copy of each on the way.
async function openRows(rows: readonly SealedRow[]): Promise<ExportRecord[]> {
  await loadDataKeys(sealedValues(rows));
  return rows.map((row) => [
    open(row.name, "signatures.name", row.id) ?? "",
    // An address whose key is gone is an empty cell, as a name is.
    row.email !== null && row.email_hash !== null ? (open(row.email, "supporters.email", row.email_hash) ?? "") : null,
    row.country,
    openOptional(row.postcode, "signatures.postcode", row.id),
    openOptional(row.comment, "signatures.comment", row.id),
    row.signed_at,
    row.confirmed_at,
    row.language,
    row.channel,
  ]);
}

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

// Rows in the order they were confirmed. A page (for keyset pagination) also returns each row's
// sort key, and continues after the last row read.
function rowsSql(query: RowQuery, options: { page?: Page } = {}): Sql {
  const { page } = options;
  const params: unknown[] = [];
  const param = collect(params);
  const columns = page ? [...columnsSql, `to_char(s.confirmed_at, 'YYYY-MM-DD HH24:MI:SS.US') AS sort_key`] : columnsSql;
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

// ---------------------------------------------------------------- PostgreSQL: a cursor

// The application name marks the export's connection in pg_stat_activity.
/** @internal exported for its tests */
export const exportApplicationName = (campaignId: string) => `nida-export ${campaignId}`.slice(0, 63);

// One dedicated connection per export, outside the app's pool, holding a read-only transaction
// (one snapshot for the count and every row) with a cursor over the rows. A batch is fetched only
// when the stream asks for the one before it, so the rows leave no faster than the download takes
// them. Ending the connection closes the cursor and rolls back.
export async function openPostgresCursor(connectionString: string, query: RowQuery, options: { batchSize?: number } = {}): Promise<SignatureRowSource> {
  const batchSize = Math.trunc(options.batchSize ?? cursorBatchSize);
  const client = new pg.Client({ connectionString, application_name: exportApplicationName(query.campaignId) });
  // An error on an idle connection (the server going away) must not crash the process.
  client.on("error", () => {});
  let closed = false;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      closed = true;
      // With a FETCH still running, this drops the socket at once.
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
    await client.query("SET LOCAL jit = off");
    // Read the rows in the index's order rather than sort the whole campaign first: the first rows
    // leave at once.
    await client.query("SET LOCAL enable_sort = off");
    const count = countSql(query);
    expectedRows = (await client.query<{ count: number }>(count.text, count.params)).rows[0]!.count;
    const rows = rowsSql(query);
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${rows.text}`, rows.params);
  } catch (error) {
    await close();
    throw error;
  }

  const fetchBatch = () => client.query<SealedRow>(`FETCH FORWARD ${batchSize} FROM export_rows`).then((result) => result.rows);
  // The batch after the one handed out is already asked for: PostgreSQL reads it while this one
  // is opened and encoded (which takes longer), instead of waiting for the next call.
  let ahead: Promise<SealedRow[]> | undefined;
  return {
    expectedRows,
    async next() {
      if (closed) return null;
      let rows: SealedRow[];
      try {
        rows = await (ahead ?? fetchBatch());
      } catch (error) {
        // A fetch cut short by close() is nobody's error.
        if (closed) return null;
        await close();
        throw error;
      }
      ahead = undefined;
      if (rows.length < batchSize) {
        // The last batch gives the connection back before it is opened and sent.
        await client.query("COMMIT").catch(() => {});
        await close();
      } else {
        ahead = fetchBatch();
        // Its failure is met by the next call.
        ahead.catch(() => {});
      }
      return rows.length > 0 ? openRows(rows) : null;
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
      return openRows(rows);
    },
    async close() {
      closed = true;
    },
  };
}
