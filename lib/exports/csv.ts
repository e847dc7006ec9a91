import { stringify } from "csv-stringify/sync";

// The columns of a signature export, in order. The header is machine-friendly and the same in
// every language: spreadsheets and mail tools map columns by these names.
export const exportColumns = ["name", "email", "country", "postcode", "comment", "signed_at", "confirmed_at"] as const;

export type ExportColumn = (typeof exportColumns)[number];
export type ExportRow = Record<ExportColumn, string | null>;
// One row's cells in column order: what the database cursor returns (an array per row allocates
// far less than an object per row, which matters at a million rows).
export type ExportRecord = readonly (string | null)[];

export function exportRecord(row: ExportRow): ExportRecord {
  return exportColumns.map((column) => row[column]);
}

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
// return, strips them and then may); Apple Numbers also folds the full-width forms to them.
// A leading single quote makes the cell plain text (OWASP "CSV injection"). PostgreSQL's export
// applies the same rule in SQL (see signature-rows.ts), from this same list.
export const formulaStarts: readonly string[] = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];
const formulaStartSet = new Set(formulaStarts);

export function neutraliseCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return formulaStartSet.has(value.charAt(0)) ? `'${value}` : value;
}

// UTF-8's byte order mark: without it Excel reads the file as the local code page and Arabic is garbled.
export const utf8Bom = "\uFEFF";

// One chunk of the file: the BOM and header first, then rows. RFC 4180 line endings (CRLF), and
// csv-stringify quotes any cell holding a comma, a quote or a line break (a lone CR or LF too,
// which it does not do by itself once the record delimiter is set).
export function encodeCsvRows(rows: readonly ExportRecord[], options: { header: boolean }): string {
  const records = rows.map((row) => row.map(neutraliseCell));
  if (options.header) records.unshift([...exportColumns]);
  const text = stringify(records, { record_delimiter: "windows", quote_record_delimiter: true });
  return options.header ? utf8Bom + text : text;
}

// A piece of the file after its header: whole rows, each ending with CRLF, and how many there are.
export type CsvChunk = { bytes: Uint8Array; rows: number };

const quote = 0x22;
const carriageReturn = 0x0d;
const lineFeed = 0x0a;

// PostgreSQL's CSV ends each row with a bare LF; this turns its output into the export's CRLF rows,
// one chunk at a time, wherever the chunks happen to be cut. A line break inside a quoted cell
// belongs to the cell and is left alone; a quote inside a quoted cell is doubled, so toggling on
// every quote tells whether a byte is inside one.
export function crlfRows(): (chunk: Uint8Array) => CsvChunk {
  let quoted = false;
  return (chunk) => {
    let rows = 0;
    let inside = quoted;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === quote) inside = !inside;
      else if (byte === lineFeed && !inside) rows += 1;
    }
    const bytes = new Uint8Array(chunk.length + rows);
    let at = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte === quote) quoted = !quoted;
      else if (byte === lineFeed && !quoted) bytes[at++] = carriageReturn;
      bytes[at++] = byte;
    }
    return { bytes, rows };
  };
}
