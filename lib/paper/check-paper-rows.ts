import type { db, Tx } from "../db";
import { AppError } from "../errors";
import { paperIdentityHash } from "./paper-identity";
import type { PaperRow, RefusedRow } from "./paper-csv";

export type PlannedPaperRow = PaperRow & { identityHash: string | null };

// The campaign must still hold personal data: a sheet entered after its signers were anonymised
// would bring names back that retention removed.
export async function requireImportableCampaign(client: Tx | typeof db, campaignId: string): Promise<{ slug: string }> {
  const campaign = await client.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { slug: true, anonymisedAt: true } });
  if (campaign.anonymisedAt) throw new AppError("CAMPAIGN_NOT_OPEN", { detail: "campaign anonymised" });
  return { slug: campaign.slug };
}

// Checks rows that passed their own checks against the campaign's signatures, for a sheet and for
// a signer typed in by hand alike: an e-mail against the online signatures (any not invalidated)
// and the paper ones; a row without one by its identity hash against the paper ones; and every
// row against the rows before it.
export async function checkPaperRows(client: Tx | typeof db, campaignId: string, input: PaperRow[]): Promise<{ rows: PlannedPaperRow[]; refused: RefusedRow[] }> {
  const planned: PlannedPaperRow[] = input.map((row) => ({ ...row, identityHash: row.email ? null : paperIdentityHash(campaignId, row) }));
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
  const rows: PlannedPaperRow[] = [];
  const refused: RefusedRow[] = [];
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
  return { rows, refused };
}
