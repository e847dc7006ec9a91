import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeCsvRows, exportColumns, exportRecord, formulaStarts, neutraliseCell, utf8Bom, type ExportRecord, type ExportRow } from "../../../lib/exports/csv";

function row(overrides: Partial<ExportRow> = {}): ExportRecord {
  return exportRecord({
    name: "Layla Haddad",
    email: "layla@example.org",
    country: "SY",
    postcode: null,
    comment: null,
    signed_at: "2025-03-01T10:00:00.000Z",
    confirmed_at: "2025-03-01T10:05:00.000Z",
    language: "ar",
    channel: null,
    ...overrides,
  });
}

// What a spreadsheet (or any CSV reader) sees, after the bytes went over the wire as UTF-8.
function readBack(text: string): string[][] {
  const bytes = new TextEncoder().encode(text);
  const decoded = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return parse(decoded, { bom: true, relax_column_count: false }) as string[][];
}

describe("neutraliseCell", () => {
  it.each([
    ["=", "=HYPERLINK(\"http://evil.example\",\"click\")"],
    ["+", "+1-555-0100"],
    ["-", "-2+3"],
    ["@", "@SUM(A1:A9)"],
    ["tab", "\t=1+1"],
    ["carriage return", "\r=1+1"],
    ["full-width =", "\uFF1DSUM(A1)"],
    ["full-width +", "\uFF0B1"],
    ["full-width -", "\uFF0D1"],
    ["full-width @", "\uFF20SUM(A1)"],
  ])("prefixes a cell starting with %s with a single quote", (_label, value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });

  it("leaves ordinary and Arabic text, and dangerous characters after the first, alone", () => {
    for (const value of ["Layla Haddad", "ليلى حداد", "a=b", "O'Brien", "x@y.org", " =1", "1+1"]) {
      expect(neutraliseCell(value)).toBe(value);
    }
  });

  it("writes missing values as empty cells", () => {
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
  });
});

describe("encodeCsvRows", () => {
  it("starts the file with a UTF-8 byte order mark, then the header", () => {
    const text = encodeCsvRows([row()], { header: true });
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(utf8Bom.length).split("\r\n")[0]).toBe("name,email,country,postcode,comment,signed_at,confirmed_at,language,channel");
  });

  it("names the columns as it is given them, quoted where a name needs it", () => {
    const text = encodeCsvRows([], { header: ["الاسم", "E-mail, if agreed", "Country"] });
    expect(text).toBe(`${utf8Bom}الاسم,"E-mail, if agreed",Country\r\n`);
  });

  it("writes no BOM or header in later chunks", () => {
    const text = encodeCsvRows([row()], { header: false });
    expect(text.startsWith(utf8Bom)).toBe(false);
    expect(readBack(text)).toEqual([["Layla Haddad", "layla@example.org", "SY", "", "", "2025-03-01T10:00:00.000Z", "2025-03-01T10:05:00.000Z", "ar", ""]]);
  });

  it("writes just the header for an export with no rows", () => {
    expect(readBack(encodeCsvRows([], { header: true }))).toEqual([[...exportColumns]]);
  });

  it("round-trips Arabic names and comments with commas, quotes and line breaks", () => {
    const arabic = row({ name: "محمد الأحمد", comment: "أوقفوا القصف، الآن.\nمن إدلب \"بكل حزن\"", postcode: "٢٠٠٠" });
    const records = readBack(encodeCsvRows([arabic], { header: true }));
    expect(records).toHaveLength(2);
    expect(records[1]).toEqual(["محمد الأحمد", "layla@example.org", "SY", "٢٠٠٠", "أوقفوا القصف، الآن.\nمن إدلب \"بكل حزن\"", "2025-03-01T10:00:00.000Z", "2025-03-01T10:05:00.000Z", "ar", ""]);
  });

  it("neutralises every text column, not only the name", () => {
    const dangerous = row({ name: "=1+1", email: "-x@example.org", postcode: "+44", comment: "@cmd" });
    const [, record] = readBack(encodeCsvRows([dangerous], { header: true }));
    expect(record!.slice(0, 5)).toEqual(["'=1+1", "'-x@example.org", "SY", "'+44", "'@cmd"]);
  });

  it("keeps a leading tab or carriage return inside the neutralised cell", () => {
    const [record] = readBack(encodeCsvRows([row({ name: "\t=cmd", comment: "\r=cmd" })], { header: false }));
    expect(record![0]).toBe("'\t=cmd");
    expect(record![4]).toBe("'\r=cmd");
  });
});

// The file as csv-stringify wrote it before the export encoded its cells itself: the encoder must
// not change a byte of it.
function csvStringifyFile(rows: readonly ExportRecord[], options: { header: boolean }): string {
  const records = rows.map((record) => record.map(neutraliseCell));
  if (options.header) records.unshift([...exportColumns]);
  const text = stringify(records, { record_delimiter: "windows", quote_record_delimiter: true });
  return options.header ? utf8Bom + text : text;
}

describe("encodeCsvRows against csv-stringify", () => {
  const tricky = [
    "",
    " ",
    ",",
    '"',
    '""',
    '"quoted"',
    'He said "no", twice',
    "line\nbreak",
    "lone\rreturn",
    "crlf\r\ninside",
    "ends with\r",
    "\n",
    "\r\n",
    "trailing,",
    "'already quoted",
    " =not a formula",
    "a=b",
    "محمد الأحمد، \"بكل حزن\"",
    "emoji 👩🏽‍⚕️, and more",
    "lone surrogate \uD800",
    "\u0000nul",
    ...formulaStarts.map((start) => `${start}SUM(A1)`),
    ...formulaStarts,
  ];

  it("writes the same bytes for quotes, separators, line breaks, formulas and empty cells", () => {
    const rows: ExportRecord[] = tricky.map((cell, i) => [cell, i % 2 ? null : cell, "SY", i % 3 ? null : cell, cell, "2025-03-01T10:00:00.000Z", "2025-03-01T10:05:00.000Z"]);
    rows.push([null, null, null, null, null, null, null], ["", "", "", "", "", "", ""]);
    for (const header of [true, false]) expect(encodeCsvRows(rows, { header })).toBe(csvStringifyFile(rows, { header }));
    expect(encodeCsvRows([], { header: true })).toBe(csvStringifyFile([], { header: true }));
  });

  it("writes the same bytes for any cells", () => {
    // Mostly the characters that matter to CSV and to spreadsheets, among any others.
    const special = fc.constantFrom(...'",\r\n\t \'=+-@\uFF1D\uFF0B\uFF0D\uFF20'.split(""), "ل", "👩🏽", "\uD800");
    const cell = fc.oneof(
      fc.constant(null),
      fc.string({ unit: fc.oneof({ weight: 3, arbitrary: special }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) }), maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
    );
    const record = fc.array(cell, { minLength: exportColumns.length, maxLength: exportColumns.length });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 8 }), fc.boolean(), (rows, header) => {
        expect(encodeCsvRows(rows, { header })).toBe(csvStringifyFile(rows, { header }));
      }),
      { numRuns: 2000 },
    );
  });
});
