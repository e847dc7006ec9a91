import type { db, Tx } from "../db";
import { AppError } from "../errors";
import { emailHash } from "../sealing/lookup";
import { paperIdentityHash } from "./paper-identity";
import type { PaperRow, RefusedRow } from "./paper-csv";

// A row as it is stored: found again by the keyed hash of its address, or without one by its
// identity hash.
export type PlannedPaperRow = PaperRow & { emailHash: string | null; identityHash: string | null };

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
  const planned: PlannedPaperRow[] = input.map((row) => ({ ...row, emailHash: row.email ? emailHash(row.email) : null, identityHash: row.email ? null : paperIdentityHash(campaignId, row) }));
  const emailHashes = [...new Set(planned.flatMap((row) => (row.emailHash ? [row.emailHash] : [])))];
  const hashes = [...new Set(planned.flatMap((row) => (row.identityHash ? [row.identityHash] : [])))];
  const [online, paperByEmail, paperByHash] = await Promise.all([
    emailHashes.length
      ? client.signature.findMany({ where: { campaignId, state: { not: "INVALIDATED" }, supporter: { emailHash: { in: emailHashes } } }, select: { supporter: { select: { emailHash: true } } } })
      : [],
    emailHashes.length ? client.paperSignature.findMany({ where: { campaignId, emailHash: { in: emailHashes } }, select: { emailHash: true } }) : [],
    hashes.length ? client.paperSignature.findMany({ where: { campaignId, identityHash: { in: hashes } }, select: { identityHash: true } }) : [],
  ]);
  const signedOnline = new Set(online.map((row) => row.supporter?.emailHash));
  const onPaper = new Set<string | null>([...paperByEmail.map((row) => row.emailHash), ...paperByHash.map((row) => row.identityHash)]);

  const firstLine = new Map<string, number>();
  const rows: PlannedPaperRow[] = [];
  const refused: RefusedRow[] = [];
  for (const row of planned) {
    const key = row.emailHash ?? row.identityHash!;
    const earlier = firstLine.get(key);
    if (row.emailHash && signedOnline.has(row.emailHash)) refused.push({ line: row.line, reason: "duplicateOnline" });
    else if (onPaper.has(key)) refused.push({ line: row.line, reason: "duplicatePaper" });
    else if (earlier !== undefined) refused.push({ line: row.line, reason: "duplicateInFile", duplicateOfLine: earlier });
    else {
      firstLine.set(key, row.line);
      rows.push(row);
    }
  }
  return { rows, refused };
}
