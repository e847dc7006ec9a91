import { parse } from "csv-parse/sync";
import { countryOptions, isCountryCode } from "../countries";
import { contentLocales } from "../i18n/locales";
import { canonicalEmail } from "../signatures/canonical-email";

// A sheet's file is bounded so that it, and the preview form that carries it back for the commit,
// stay under the server's body limit for a form (lib/http/front-door.js pageBodyMaxBytes).
export const paperCsvLimits = { bytes: 256 * 1024, rows: 5_000, label: 120 } as const;

// Header names, in English or Arabic, for the four columns a sheet may have.
const columnAliases: Record<string, PaperColumn> = {
  name: "name",
  "full name": "name",
  الاسم: "name",
  country: "country",
  البلد: "country",
  postcode: "postcode",
  "postal code": "postcode",
  "الرمز البريدي": "postcode",
  email: "email",
  "e-mail": "email",
  "البريد الإلكتروني": "email",
};
export type PaperColumn = "name" | "country" | "postcode" | "email";

type PaperRowReason =
  | "nameRequired"
  | "nameTooLong"
  | "countryUnknown"
  | "postcodeTooLong"
  | "emailInvalid"
  | "controlCharacters"
  | "wrongColumnCount"
  | "duplicateInFile"
  | "duplicateOnline"
  | "duplicatePaper";
export type PaperFileError = "empty" | "tooLarge" | "tooManyRows" | "unreadable" | "missingColumns" | "unknownColumns";

export type PaperRow = { line: number; name: string; country: string; postcode: string | null; email: string | null };
export type RefusedRow = { line: number; reason: PaperRowReason; duplicateOfLine?: number };
export type ParsedSheet = { rows: PaperRow[]; refused: RefusedRow[]; fileError?: { error: PaperFileError; columns?: string[] } };

// Control characters have no place on a sheet (PostgreSQL even refuses NUL), nor half a surrogate pair.
export const paperControlCharacters = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;
// The same shape of address the sign form accepts, without its library: one @, a dot in the domain, no spaces.
const emailShape = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

// A name as two sheets may write the same person: case, accents and Arabic diacritics, tatweel,
// the forms of alef and final yaa, punctuation and spacing do not make another person.
export function normaliseName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/\u0640/g, "")
    .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
    .replace(/\u0649/g, "\u064A")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

let countryByName: Map<string, string> | undefined;
// A country as a sheet gives it: its ISO code, or its name in English or Arabic, however accented.
function countryCode(value: string): string | null {
  const upper = value.toUpperCase();
  if (isCountryCode(upper)) return upper;
  countryByName ??= new Map(contentLocales.flatMap((locale) => countryOptions(locale).map((country) => [normaliseName(country.name), country.code] as const)));
  return countryByName.get(normaliseName(value)) ?? null;
}

// One signer's cells checked on their own: the same rules for a sheet's row and a signer typed in by hand.
export function checkPaperRow(line: number, cells: Partial<Record<PaperColumn, string>>): PaperRow | RefusedRow {
  if (Object.values(cells).some((cell) => cell !== undefined && paperControlCharacters.test(cell))) return { line, reason: "controlCharacters" };
  const name = (cells.name ?? "").replace(/\s+/g, " ").trim();
  if (!name) return { line, reason: "nameRequired" };
  if (name.length > 100) return { line, reason: "nameTooLong" };
  const country = countryCode((cells.country ?? "").trim());
  if (!country) return { line, reason: "countryUnknown" };
  const postcode = (cells.postcode ?? "").trim();
  if (postcode.length > 16) return { line, reason: "postcodeTooLong" };
  const email = (cells.email ?? "").trim();
  if (email && (email.length > 254 || !emailShape.test(email))) return { line, reason: "emailInvalid" };
  return { line, name, country, postcode: postcode || null, email: email ? canonicalEmail(email) : null };
}

// Reads a sheet's CSV (a header row, then one signer per row) and checks every row on its own;
// what the database knows (duplicates) is checked by the caller.
export function parsePaperCsv(csv: string): ParsedSheet {
  const refuse = (error: PaperFileError, columns?: string[]): ParsedSheet => ({ rows: [], refused: [], fileError: columns ? { error, columns } : { error } });
  if (Buffer.byteLength(csv, "utf8") > paperCsvLimits.bytes) return refuse("tooLarge");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return refuse("unreadable");
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) return refuse("empty");
  if (body.length > paperCsvLimits.rows) return refuse("tooManyRows");
  const names = header.record.map((cell) => cell.trim().toLowerCase());
  const unknown = names.filter((name) => !(name in columnAliases));
  if (unknown.length > 0) return refuse("unknownColumns", unknown);
  const columns = names.map((name) => columnAliases[name]!);
  const missing = (["name", "country"] as const).filter((column) => !columns.includes(column));
  if (missing.length > 0) return refuse("missingColumns", [...missing]);

  const sheet: ParsedSheet = { rows: [], refused: [] };
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== columns.length) {
      sheet.refused.push({ line, reason: "wrongColumnCount" });
      continue;
    }
    const checked = checkPaperRow(line, Object.fromEntries(columns.map((column, index) => [column, record[index]])));
    if ("reason" in checked) sheet.refused.push(checked);
    else sheet.rows.push(checked);
  }
  return sheet;
}
