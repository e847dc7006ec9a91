import { randomUUID } from "node:crypto";
import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { activeDataKey, campaignScope } from "../sealing/seal";
import { sealPaperFields } from "../sealing/signer-data";
import { checkPaperRows, requireImportableCampaign, type PlannedPaperRow } from "./check-paper-rows";
import { paperControlCharacters, paperCsvLimits, parsePaperCsv, type PaperFileError, type PaperRow, type RefusedRow } from "./paper-csv";

// What entering a sheet would do: the rows that would count, and every refused row with its line
// and reason (duplicates among them). The preview and the commit are both made by planPaperImport.
export type PaperImportPreview = {
  accepted: number;
  // The first accepted rows, for the organiser to check the columns were read as meant.
  sample: Pick<PaperRow, "line" | "name" | "country" | "postcode">[];
  refused: RefusedRow[];
  duplicates: number;
  fileError?: { error: PaperFileError; columns?: string[] };
};

const sampleSize = 10;
const duplicateReasons = new Set<RefusedRow["reason"]>(["duplicateInFile", "duplicateOnline", "duplicatePaper"]);

export type PaperLabelError = "labelRequired" | "labelTooLong" | "labelInvalid";

function checkLabel(raw: string): string {
  const label = raw.replace(/\s+/g, " ").trim();
  const error: PaperLabelError | null = !label ? "labelRequired" : label.length > paperCsvLimits.label ? "labelTooLong" : paperControlCharacters.test(raw.replace(/[\r\n\t]/g, " ")) ? "labelInvalid" : null;
  if (error) throw new AppError("VALIDATION", { fields: { label: error } });
  return label;
}

// Reads the sheet and checks its rows against the campaign's signatures (check-paper-rows.ts).
async function planPaperImport(client: Tx | typeof db, campaignId: string, csv: string): Promise<{ preview: PaperImportPreview; rows: PlannedPaperRow[] }> {
  const sheet = parsePaperCsv(csv);
  if (sheet.fileError) return { preview: { accepted: 0, sample: [], refused: [], duplicates: 0, fileError: sheet.fileError }, rows: [] };
  const { rows, refused: duplicates } = await checkPaperRows(client, campaignId, sheet.rows);
  const refused = [...sheet.refused, ...duplicates].sort((a, b) => a.line - b.line);
  return {
    preview: {
      accepted: rows.length,
      sample: rows.slice(0, sampleSize).map(({ line, name, country, postcode }) => ({ line, name, country, postcode })),
      refused,
      duplicates: refused.filter((row) => duplicateReasons.has(row.reason)).length,
    },
    rows,
  };
}

type ImportOptions = { actor: Actor; campaignId: string; label: string; csv: string };

// The dry run: writes nothing.
export async function previewPaperImport(options: ImportOptions): Promise<PaperImportPreview> {
  await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  checkLabel(options.label);
  await requireImportableCampaign(db, options.campaignId);
  return (await planPaperImport(db, options.campaignId, options.csv)).preview;
}

// Enters the rows the preview accepted, all in one transaction or none: the sheet is checked again
// inside it, and if it no longer gives the number of rows the organiser saw, nothing is written.
export async function commitPaperImport(options: ImportOptions & { expectedAccepted: number }): Promise<{ importId: string; slug: string; preview: PaperImportPreview }> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const label = checkLabel(options.label);
  const changed = () => new AppError("VALIDATION", { fields: { csv: "changedSincePreview" } });
  // The campaign's key is made ready before the transaction (on PGlite, loading it inside would
  // wait for the transaction to end), and only while the campaign holds personal data.
  await requireImportableCampaign(db, options.campaignId);
  await activeDataKey(campaignScope(options.campaignId));
  try {
    return await db.$transaction(async (tx) => {
      const { slug } = await requireImportableCampaign(tx, options.campaignId);
      const { preview, rows } = await planPaperImport(tx, options.campaignId, options.csv);
      if (preview.fileError || rows.length === 0 || rows.length !== options.expectedAccepted) throw changed();
      const created = await tx.paperImport.create({ data: { campaignId: options.campaignId, label, enteredById: options.actor.userId, signatureCount: rows.length }, select: { id: true } });
      const data = await Promise.all(
        rows.map(async (row) => {
          const id = randomUUID();
          const sealed = await sealPaperFields(options.campaignId, id, { name: row.name, postcode: row.postcode });
          return { id, campaignId: options.campaignId, importId: created.id, ...sealed, country: row.country, emailHash: row.emailHash, identityHash: row.identityHash };
        }),
      );
      await tx.paperSignature.createMany({ data });
      await recordAudit(tx, { organisationId: access.organisationId, actor: options.actor, action: "paper.import", campaignId: options.campaignId, affected: rows.length, details: { import: created.id, label, refused: preview.refused.length } });
      return { importId: created.id, slug, preview };
    });
  } catch (error) {
    // Someone entered the same signer between this check and the insert.
    if (isUniqueViolation(error)) throw changed();
    throw error;
  }
}
