import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import { neutraliseCell, utf8Bom } from "../exports/csv";
import { locales, type Locale } from "../i18n/locales";
import { languageKey, languageKeyed, readTranslations, type Translations } from "../i18n/translations";
import { byInstitutionAndName } from "./manage-decision-maker";
import {
  decisionMakerData,
  decisionMakerFieldErrors,
  decisionMakerSchema,
  mergedTranslations,
  translatedFields,
  type DecisionMakerErrorKey,
  type DecisionMakerField,
  type TranslatedField,
} from "./schema";

// The directory's CSV columns, the same for export and import, so an exported file can be edited
// and imported back. The header is machine-friendly and the same in every language: a text's
// English in its plain column ("name"), each other language in its own ("name_ar", "name_tr").
const textColumns = (column: string, field: TranslatedField) =>
  locales.map((locale) => [locale === "en" ? column : `${column}_${locale}`, languageKey(field, locale)] as const);
export const directoryColumns: Readonly<Record<string, DecisionMakerField>> = Object.fromEntries([
  ...textColumns("name", "name"),
  ...textColumns("title", "title"),
  ...textColumns("institution", "institution"),
  ["country", "country"],
  ["region", "region"],
  ["email", "email"],
  ["contact_url", "contactUrl"],
  ["preferred_locale", "preferredLocale"],
  ["last_verified_on", "lastVerifiedOn"],
  ["risk_to_signers", "riskToSigners"],
]);
const columnNames = Object.keys(directoryColumns);
const requiredColumns = ["name", "institution", "country", "email"];

const importLimits = { rows: 5_000, bytes: 2_000_000 } as const;

type ImportRowError = { line: number; field: DecisionMakerField | null; error: DecisionMakerErrorKey };
type ImportFileError = "empty" | "tooLarge" | "tooManyRows" | "unreadable" | "missingColumns" | "unknownColumns";
type ImportEntry = { line: number; name: Translations; institution: Translations; email: string };
export type ImportPreview = {
  creates: ImportEntry[];
  updates: (ImportEntry & { changed: DecisionMakerField[] })[];
  unchanged: number;
  errors: ImportRowError[];
  fileError?: { error: ImportFileError; columns?: string[] };
};

// An exported cell that looked like a formula got a leading quote (neutraliseCell): take it off again.
function unneutralise(cell: string): string {
  return cell.replace(/^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/, "");
}

// Entries are stored in any enabled language of digests; the form and CSV offer English and Arabic.
type Stored = Omit<ReturnType<typeof decisionMakerData>, "preferredLocale"> & { preferredLocale: Locale };
const comparedFields = Object.values(directoryColumns);
const storedSelect = { name: true, title: true, institution: true, country: true, region: true, email: true, contactUrl: true, preferredLocale: true, lastVerifiedOn: true, riskToSigners: true } as const;

// An entry as the columns see it: one value per column, a text's languages each on its own.
function cells(stored: Stored): Record<string, string | boolean | Date | null> {
  const { name, title, institution, ...rest } = stored;
  return { ...rest, ...languageKeyed(translatedFields, { name, title, institution }, null) };
}

// A row as stored, its texts read per language.
function storedEntry(row: Omit<Stored, TranslatedField> & Record<TranslatedField, unknown>): Stored {
  return { ...row, name: readTranslations(row.name), title: readTranslations(row.title), institution: readTranslations(row.institution) };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a as Date | null)?.getTime?.() === (b as Date | null)?.getTime?.();
  return (a ?? null) === (b ?? null);
}

// Reads and checks the file against the organisation's current entries, matched by e-mail address.
// Writes nothing: the organiser sees what would change, and the row-level errors, first.
type Writes = { create: Stored[]; update: { id: string; data: Partial<Stored> & Pick<Stored, "email">; changed: DecisionMakerField[] }[] };

async function planImport(client: Tx | typeof db, organisationId: string, csv: string): Promise<{ preview: ImportPreview; writes: Writes }> {
  const empty: ImportPreview = { creates: [], updates: [], unchanged: 0, errors: [] };
  const none = { create: [], update: [] };
  if (Buffer.byteLength(csv, "utf8") > importLimits.bytes) return { preview: { ...empty, fileError: { error: "tooLarge" } }, writes: none };
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch {
    return { preview: { ...empty, fileError: { error: "unreadable" } }, writes: none };
  }
  const [header, ...rows] = records;
  if (!header || rows.length === 0) return { preview: { ...empty, fileError: { error: "empty" } }, writes: none };
  if (rows.length > importLimits.rows) return { preview: { ...empty, fileError: { error: "tooManyRows" } }, writes: none };
  const names = header.map((cell) => cell.trim().toLowerCase());
  const unknown = names.filter((name) => !(name in directoryColumns));
  if (unknown.length > 0) return { preview: { ...empty, fileError: { error: "unknownColumns", columns: unknown } }, writes: none };
  const missing = requiredColumns.filter((column) => !names.includes(column));
  if (missing.length > 0) return { preview: { ...empty, fileError: { error: "missingColumns", columns: missing } }, writes: none };

  const existing = await client.decisionMaker.findMany({ where: { organisationId }, select: { id: true, ...storedSelect } });
  const byEmail = new Map(existing.map((row) => [row.email.toLowerCase(), { id: row.id, stored: storedEntry(row) }]));
  // A column left out of the file keeps its current value; so does a text's language without a column.
  const given = comparedFields.filter((field) => names.some((name) => directoryColumns[name] === field));
  const givenLocales = (field: TranslatedField) => locales.filter((locale) => given.includes(languageKey(field, locale)));

  const preview: ImportPreview = { ...empty, creates: [], updates: [], errors: [] };
  const writes: Writes = { create: [], update: [] };
  const seen = new Map<string, number>();
  rows.forEach((cellsOfRow, index) => {
    // Line numbers as a spreadsheet shows them: the header is line 1.
    const line = index + 2;
    const values = Object.fromEntries(names.map((name, i) => [directoryColumns[name], unneutralise(cellsOfRow[i] ?? "")]));
    const parsed = decisionMakerSchema.safeParse(values);
    if (!parsed.success) {
      for (const [field, error] of Object.entries(decisionMakerFieldErrors(parsed.error))) preview.errors.push({ line, field: field as DecisionMakerField, error });
      return;
    }
    const data = decisionMakerData(parsed.data);
    if (seen.has(data.email)) {
      preview.errors.push({ line, field: "email", error: "duplicateInFile" });
      return;
    }
    seen.set(data.email, line);
    const entry = { line, name: data.name, institution: data.institution, email: data.email };
    const current = byEmail.get(data.email);
    if (!current) {
      preview.creates.push(entry);
      writes.create.push(data);
      return;
    }
    const before = cells(current.stored);
    const after = cells(data);
    const changed = given.filter((field) => !same(before[field], after[field]));
    if (changed.length === 0) {
      preview.unchanged += 1;
      return;
    }
    const update: Partial<Stored> & Pick<Stored, "email"> = { email: data.email };
    for (const field of given) if (field in data) Object.assign(update, { [field]: data[field as keyof Stored] });
    for (const field of translatedFields) {
      const locales = givenLocales(field);
      if (locales.length > 0) update[field] = mergedTranslations(current.stored[field], data[field], locales);
    }
    preview.updates.push({ ...entry, changed });
    writes.update.push({ id: current.id, data: update, changed });
  });
  return { preview, writes };
}

export async function previewDirectoryImport(options: { actor: Actor; organisationId: string; csv: string }): Promise<ImportPreview> {
  requireOrganisationRole(options.actor, options.organisationId, "ORGANISER");
  return (await planImport(db, options.organisationId, options.csv)).preview;
}

// Applies a file only when it has no errors at all: half an import is harder to reason about than none.
export async function applyDirectoryImport(options: { actor: Actor; organisationId: string; csv: string }): Promise<ImportPreview> {
  requireOrganisationRole(options.actor, options.organisationId, "ORGANISER");
  return db.$transaction(async (tx) => {
    // Serialises imports of one organisation, so the plan still holds when it is written.
    await tx.$queryRaw`SELECT id FROM organisations WHERE id = ${options.organisationId} FOR UPDATE`;
    const { preview, writes } = await planImport(tx, options.organisationId, options.csv);
    if (preview.fileError || preview.errors.length > 0) throw new AppError("VALIDATION", { detail: "the import has errors" });
    if (writes.create.length > 0) await tx.decisionMaker.createMany({ data: writes.create.map((data) => ({ ...data, organisationId: options.organisationId })) });
    for (const { id, data } of writes.update) await tx.decisionMaker.update({ where: { id }, data });
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actor: options.actor,
      action: "directory.import",
      affected: writes.create.length + writes.update.length,
      details: {
        created: writes.create.length,
        updated: writes.update.length,
        unchanged: preview.unchanged,
        ...riskChanges(writes),
      },
    });
    return preview;
  });
}

// Entries the file marks as a risk to writers, or clears, by e-mail address, for the audit log.
function riskChanges(writes: Writes): { riskMarked?: string[]; riskCleared?: string[] } {
  const marked = [...writes.create.filter((data) => data.riskToSigners), ...writes.update.filter((row) => row.changed.includes("riskToSigners") && row.data.riskToSigners).map((row) => row.data)];
  const cleared = writes.update.filter((row) => row.changed.includes("riskToSigners") && !row.data.riskToSigners).map((row) => row.data);
  return {
    ...(marked.length > 0 ? { riskMarked: marked.map((data) => data.email) } : {}),
    ...(cleared.length > 0 ? { riskCleared: cleared.map((data) => data.email) } : {}),
  };
}

// The organisation's active entries, as a CSV that spreadsheets open safely (see lib/exports/csv.ts).
export async function exportDirectoryCsv(options: { actor: Actor; organisationId: string }): Promise<string> {
  requireOrganisationRole(options.actor, options.organisationId, "VIEWER");
  const rows = await db.decisionMaker.findMany({ where: { organisationId: options.organisationId, retiredAt: null }, select: { id: true, ...storedSelect } });
  const entries = rows.map((row) => ({ id: row.id, ...storedEntry(row) })).sort(byInstitutionAndName("en"));
  const records = entries.map((entry) => {
    const values = cells(entry);
    return columnNames.map((column) => {
      const value = values[directoryColumns[column]!];
      return neutraliseCell(value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === "boolean" ? String(value) : (value ?? null));
    });
  });
  return utf8Bom + stringify([columnNames, ...records], { record_delimiter: "windows", quote_record_delimiter: true });
}
