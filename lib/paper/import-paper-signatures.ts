import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { db, type Tx } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { paperIdentityHash } from "./paper-identity";
import { paperCsvLimits, parsePaperCsv, type PaperFileError, type PaperRow, type RefusedRow } from "./paper-csv";

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

type Planned = PaperRow & { identityHash: string | null };

const sampleSize = 10;
const duplicateReasons = new Set<RefusedRow["reason"]>(["duplicateInFile", "duplicateOnline", "duplicatePaper"]);
const controlCharacters = /[\u0000-\u001F\u007F-\u009F]|\p{Cs}/u;

export type PaperLabelError = "labelRequired" | "labelTooLong" | "labelInvalid";

function checkLabel(raw: string): string {
  const label = raw.replace(/\s+/g, " ").trim();
  const error: PaperLabelError | null = !label ? "labelRequired" : label.length > paperCsvLimits.label ? "labelTooLong" : controlCharacters.test(raw.replace(/[\r\n\t]/g, " ")) ? "labelInvalid" : null;
  if (error) throw new AppError("VALIDATION", { fields: { label: error } });
  return label;
}

// The campaign must still hold personal data: a sheet entered after its signers were anonymised
// would bring names back that retention removed.
async function requireImportableCampaign(client: Tx | typeof db, campaignId: string): Promise<{ slug: string }> {
  const campaign = await client.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { slug: true, anonymisedAt: true } });
  if (campaign.anonymisedAt) throw new AppError("CAMPAIGN_NOT_OPEN", { detail: "campaign anonymised" });
  return { slug: campaign.slug };
}

// Reads the sheet and checks it against the campaign's signatures: an e-mail against the online
// signatures (any not invalidated) and the paper ones; a row without one by its identity hash
// against the paper ones; and every row against the rows above it.
async function planPaperImport(client: Tx | typeof db, campaignId: string, csv: string): Promise<{ preview: PaperImportPreview; rows: Planned[] }> {
  const sheet = parsePaperCsv(csv);
  if (sheet.fileError) return { preview: { accepted: 0, sample: [], refused: [], duplicates: 0, fileError: sheet.fileError }, rows: [] };
  const planned: Planned[] = sheet.rows.map((row) => ({ ...row, identityHash: row.email ? null : paperIdentityHash(campaignId, row) }));
  const emails = [...new Set(planned.flatMap((row) => (row.email ? [row.email] : [])))];
  const hashes = [...new Set(planned.flatMap((row) => (row.identityHash ? [row.identityHash] : [])))];
  const [online, paperByEmail, paperByHash] = await Promise.all([
    emails.length
      ? client.signature.findMany({ where: { campaignId, state: { not: "INVALIDATED" }, supporter: { canonicalEmail: { in: emails } } }, select: { supporter: { select: { canonicalEmail: true } } } })
      : [],
    emails.length ? client.paperSignature.findMany({ where: { campaignId, canonicalEmail: { in: emails } }, select: { canonicalEmail: true } }) : [],
    hashes.length ? client.paperSignature.findMany({ where: { campaignId, identityHash: { in: hashes } }, select: { identityHash: true } }) : [],
  ]);
  const signedOnline = new Set(online.map((row) => row.supporter?.canonicalEmail));
  const onPaper = new Set<string | null>([...paperByEmail.map((row) => row.canonicalEmail), ...paperByHash.map((row) => row.identityHash)]);

  const firstLine = new Map<string, number>();
  const rows: Planned[] = [];
  const refused = [...sheet.refused];
  for (const row of planned) {
    const key = row.email ?? row.identityHash!;
    const earlier = firstLine.get(key);
    if (row.email && signedOnline.has(row.email)) refused.push({ line: row.line, reason: "duplicateOnline" });
    else if (onPaper.has(key)) refused.push({ line: row.line, reason: "duplicatePaper" });
    else if (earlier !== undefined) refused.push({ line: row.line, reason: "duplicateInFile", duplicateOfLine: earlier });
    else {
      firstLine.set(key, row.line);
      rows.push(row);
    }
  }
  refused.sort((a, b) => a.line - b.line);
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
  try {
    return await db.$transaction(async (tx) => {
      const { slug } = await requireImportableCampaign(tx, options.campaignId);
      const { preview, rows } = await planPaperImport(tx, options.campaignId, options.csv);
      if (preview.fileError || rows.length === 0 || rows.length !== options.expectedAccepted) throw changed();
      const created = await tx.paperImport.create({ data: { campaignId: options.campaignId, label, enteredById: options.actor.userId, signatureCount: rows.length }, select: { id: true } });
      await tx.paperSignature.createMany({
        data: rows.map((row) => ({ campaignId: options.campaignId, importId: created.id, name: row.name, country: row.country, postcode: row.postcode, canonicalEmail: row.email, identityHash: row.identityHash })),
      });
      await recordAudit(tx, { organisationId: access.organisationId, actor: options.actor, action: "paper.import", campaignId: options.campaignId, affected: rows.length, details: { import: created.id, label, refused: preview.refused.length } });
      return { importId: created.id, slug, preview };
    });
  } catch (error) {
    // Someone entered the same signer between this check and the insert.
    if (isUniqueViolation(error)) throw changed();
    throw error;
  }
}
