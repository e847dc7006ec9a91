import { isClosed } from "../campaigns/lifecycle";
import { db } from "../db";
import { campaignScope, destroyDataKeys } from "../sealing/seal";
import { anonymiseSignatures } from "./anonymise-signatures";

const batchSize = 500;

/** @internal exported for its tests */
export function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

type CampaignEnd = { id: string; status: string; closesAt: Date | null; updatedAt: Date; retentionMonths: number };

// When a campaign stopped taking signatures: its closing date once passed, or the moment an
// organiser closed it (the audit log's "campaign.close"; the last update when there is none).
async function endedAt(campaign: CampaignEnd, now: Date): Promise<Date | null> {
  if (campaign.closesAt && campaign.closesAt <= now) return campaign.closesAt;
  if (campaign.status !== "CLOSED") return null;
  const closing = await db.auditEntry.findFirst({
    where: { campaignId: campaign.id, action: "campaign.close" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return closing?.createdAt ?? campaign.updatedAt;
}

// Campaigns whose retention period has run out and whose signers still have personal data.
/** @internal exported for its tests */
export async function campaignsDueForAnonymisation(now = new Date()): Promise<string[]> {
  const candidates = await db.campaign.findMany({
    where: { anonymisedAt: null, ...isClosed.where(now) },
    select: { id: true, status: true, closesAt: true, updatedAt: true, retentionMonths: true },
  });
  const due: string[] = [];
  for (const campaign of candidates) {
    const end = await endedAt(campaign, now);
    if (end && addMonths(end, campaign.retentionMonths) <= now) due.push(campaign.id);
  }
  return due;
}

// Anonymises one campaign's signers in batches (each its own transaction, so a campaign of a
// million signatures never holds one huge transaction), then marks the campaign and destroys its
// data keys. Counts by country and day are kept: the rows stay, only the personal columns go.
/** @internal exported for its tests */
export async function anonymiseCampaign(campaignId: string): Promise<{ signatures: number; supporters: number }> {
  const total = { signatures: 0, supporters: 0 };
  for (;;) {
    const batch = await db.signature.findMany({
      where: { campaignId, anonymisedAt: null },
      select: { id: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) break;
    const counts = await db.$transaction((tx) => anonymiseSignatures(tx, { signatureIds: batch.map((s) => s.id) }));
    total.signatures += counts.signatures;
    total.supporters += counts.supporters;
  }
  await db.$transaction(async (tx) => {
    // Letters about this campaign keep who they went to, not who wrote them.
    await tx.letter.updateMany({ where: { campaignId, supporterId: { not: null } }, data: { supporterId: null } });
    await tx.signAttemptWindow.deleteMany({ where: { campaignId } });
    // Paper signatures keep counting; who signed, and what identified them for dedupe, goes.
    await tx.paperSignature.updateMany({ where: { campaignId }, data: { name: "", postcode: null, emailHash: null, identityHash: null } });
    await tx.campaign.updateMany({ where: { id: campaignId, anonymisedAt: null }, data: { anonymisedAt: new Date() } });
    // Its data keys go too: a sealed value copied out before (a log, a dump of one table) opens no
    // more; a full backup taken before does only while the key-encryption key of that time exists.
    await destroyDataKeys(tx, campaignScope(campaignId));
  });
  return total;
}

export type RetentionReport = { campaigns: number; signatures: number; supporters: number };

// The retention job: idempotent, so running it twice, or on two servers at once, changes nothing
// more than running it once.
export async function anonymiseClosedCampaigns(options: { now?: Date } = {}): Promise<RetentionReport> {
  const report: RetentionReport = { campaigns: 0, signatures: 0, supporters: 0 };
  for (const campaignId of await campaignsDueForAnonymisation(options.now ?? new Date())) {
    const counts = await anonymiseCampaign(campaignId);
    report.campaigns += 1;
    report.signatures += counts.signatures;
    report.supporters += counts.supporters;
  }
  return report;
}
