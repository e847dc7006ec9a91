import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { crlfRows, encodeCsvRows, exportColumns, exportRecord, neutraliseCell, utf8Bom, type ExportRecord, type ExportRow } from "../../../lib/exports/csv";

function row(overrides: Partial<ExportRow> = {}): ExportRecord {
  return exportRecord({
    name: "Layla Haddad",
    email: "layla@example.org",
    country: "SY",
    postcode: null,
    comment: null,
    signed_at: "2025-03-01T10:00:00.000Z",
    confirmed_at: "2025-03-01T10:05:00.000Z",
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
    expect(text.slice(utf8Bom.length).split("\r\n")[0]).toBe("name,email,country,postcode,comment,signed_at,confirmed_at");
  });

  it("writes no BOM or header in later chunks", () => {
    const text = encodeCsvRows([row()], { header: false });
    expect(text.startsWith(utf8Bom)).toBe(false);
    expect(readBack(text)).toEqual([["Layla Haddad", "layla@example.org", "SY", "", "", "2025-03-01T10:00:00.000Z", "2025-03-01T10:05:00.000Z"]]);
  });

  it("writes just the header for an export with no rows", () => {
    expect(readBack(encodeCsvRows([], { header: true }))).toEqual([[...exportColumns]]);
  });

  it("round-trips Arabic names and comments with commas, quotes and line breaks", () => {
    const arabic = row({ name: "محمد الأحمد", comment: "أوقفوا القصف، الآن.\nمن إدلب \"بكل حزن\"", postcode: "٢٠٠٠" });
    const records = readBack(encodeCsvRows([arabic], { header: true }));
    expect(records).toHaveLength(2);
    expect(records[1]).toEqual(["محمد الأحمد", "layla@example.org", "SY", "٢٠٠٠", "أوقفوا القصف، الآن.\nمن إدلب \"بكل حزن\"", "2025-03-01T10:00:00.000Z", "2025-03-01T10:05:00.000Z"]);
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

describe("crlfRows", () => {
  // Three rows as PostgreSQL's CSV writes them: LF after each row; inside quoted cells a line
  // break, a carriage return, doubled quotes and Arabic text.
  const lf = 'Layla,"He said ""no"",\ntwice",SY\n"أوقفوا\nالقصف",x,"a\rb"\nplain,,LB\n';
  const crlf = 'Layla,"He said ""no"",\ntwice",SY\r\n"أوقفوا\nالقصف",x,"a\rb"\r\nplain,,LB\r\n';
  const bytes = new TextEncoder().encode(lf);

  function convert(chunks: Uint8Array[]): { text: string; rows: number[] } {
    const toCrlf = crlfRows();
    const out = chunks.map((chunk) => toCrlf(chunk));
    return { text: new TextDecoder().decode(Buffer.concat(out.map((chunk) => chunk.bytes))), rows: out.map((chunk) => chunk.rows) };
  }

  it("ends each row with CRLF and leaves line breaks inside quoted cells alone", () => {
    const { text, rows } = convert([bytes]);
    expect(text).toBe(crlf);
    expect(rows).toEqual([3]);
    expect(parse(text)).toEqual(parse(lf));
  });

  it("gives the same bytes and rows wherever the chunks are cut", () => {
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const { text, rows } = convert([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(text).toBe(crlf);
      expect(rows[0]! + rows[1]!).toBe(3);
    }
    const single = convert([...bytes].map((byte) => Uint8Array.of(byte)));
    expect(single.text).toBe(crlf);
    expect(single.rows.reduce((sum, n) => sum + n, 0)).toBe(3);
  });
});
