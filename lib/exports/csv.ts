// The columns of a signature export, in order, by their fixed names: the same in every language,
// for the tools that map columns by name. The file's header row gives them in the exporter's
// language unless these are asked for (see exportHeader).
export const exportColumns = ["name", "email", "country", "postcode", "comment", "signed_at", "confirmed_at", "language", "channel"] as const;

type ExportColumn = (typeof exportColumns)[number];
/** @internal exported for its tests */
export type ExportRow = Record<ExportColumn, string | null>;
// One row's cells in column order, as a batch of the export holds them (an array per row allocates
// far less than an object per row, which matters at a million rows).
export type ExportRecord = readonly (string | null)[];

/** @internal exported for its tests: a row named by its columns, as the export holds it */
export function exportRecord(row: ExportRow): ExportRecord {
  return exportColumns.map((column) => row[column]);
}

// A spreadsheet treats a cell starting with one of these as a formula (or, for tab and carriage
// return, strips them and then may); Apple Numbers also folds the full-width forms to them.
// A leading single quote makes the cell plain text (OWASP "CSV injection").
/** @internal exported for its tests */
export const formulaStarts: readonly string[] = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];
const formulaStartSet = new Set(formulaStarts);

export function neutraliseCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  return formulaStartSet.has(value.charAt(0)) ? `'${value}` : value;
}

// UTF-8's byte order mark: without it Excel reads the file as the local code page and Arabic is garbled.
export const utf8Bom = "\uFEFF";

// RFC 4180: a cell holding a comma, a quote or a line break (a lone CR or LF too) is quoted, its
// quotes doubled. Written here rather than with csv-stringify, which spends six times as long per
// row on options that this file never varies (a million rows: about 1.5 s of the server's CPU);
// tests/unit/exports/csv.test.ts holds it to csv-stringify's output byte for byte.
const needsQuotes = /[",\r\n]/;

function csvCell(value: string | null | undefined): string {
  const cell = neutraliseCell(value);
  return needsQuotes.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

// One chunk of the file: the BOM and header first, then rows, each ending with CRLF. `header`:
// the header row's names (true: the fixed ones), or none for a chunk of rows.
export function encodeCsvRows(rows: readonly ExportRecord[], options: { header: boolean | readonly string[] }): string {
  const header = options.header === true ? exportColumns : options.header || null;
  let text = header ? `${utf8Bom}${header.map(csvCell).join(",")}\r\n` : "";
  for (const row of rows) {
    let line = csvCell(row[0]);
    for (let i = 1; i < row.length; i++) line += `,${csvCell(row[i])}`;
    text += `${line}\r\n`;
  }
  return text;
}
