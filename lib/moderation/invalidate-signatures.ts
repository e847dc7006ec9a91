import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { addConfirmed } from "../campaigns/counters";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { describeSelector } from "./describe-selector";
import { selectorWhere } from "./match-signatures";
import { bulkActionCounts, parseSelectorOrThrow, type BulkActionCounts } from "./preview-bulk-action";
import { reasonSchema, type SignatureSelectorInput } from "./schema";

// Large bulk actions take a while; they must still happen all at once or not at all.
export const bulkTransactionOptions = { maxWait: 10_000, timeout: 120_000 };

// Two moderators acting on one campaign at once take turns: two bulk updates locking the same
// rows in different orders would otherwise deadlock. Released when the transaction ends.
export async function lockCampaignModeration(tx: Tx, campaignId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`moderation:${campaignId}`}, 0))`;
}

// CONFIRMED, PENDING, HELD and FRAUDULENT → INVALIDATED, with the reason and time, in the caller's
// transaction. `confirmedAt` is kept: it is how a restore knows which signatures were confirmed by
// their signers (see restore-signatures.ts). The count drops by exactly the confirmed signatures
// this call moved. One statement per state, each counting the rows it changed; pending and held go
// first: a signature confirmed meanwhile is then caught by the last statement and leaves the count
// with it.
export async function takeOut(tx: Tx, campaignId: string, where: Prisma.SignatureWhereInput, reason: string): Promise<BulkActionCounts> {
  const data = { state: "INVALIDATED" as const, invalidatedAt: new Date(), invalidationReason: reason };
  const pending = await tx.signature.updateMany({ where: { AND: [where, { state: "PENDING" }] }, data });
  const held = await tx.signature.updateMany({ where: { AND: [where, { state: "HELD" }] }, data });
  const fraudulent = await tx.signature.updateMany({ where: { AND: [where, { state: "FRAUDULENT" }] }, data });
  const confirmed = await tx.signature.updateMany({ where: { AND: [where, { state: "CONFIRMED" }] }, data });
  if (confirmed.count > 0) await addConfirmed(tx, campaignId, -confirmed.count);
  return bulkActionCounts("invalidate", { CONFIRMED: confirmed.count, PENDING: pending.count, HELD: held.count, FRAUDULENT: fraudulent.count });
}

export async function invalidateSignatures(options: {
  actor: Actor;
  campaignId: string;
  selector: SignatureSelectorInput;
  reason: string;
}): Promise<BulkActionCounts> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const selector = parseSelectorOrThrow(options.selector);
  const reason = reasonSchema.safeParse(options.reason);
  if (!reason.success) throw new AppError("VALIDATION", { fields: { reason: reason.error.issues[0]?.message ?? "reasonRequired" } });
  const where = selectorWhere(options.campaignId, selector);

  return db.$transaction(async (tx) => {
    await lockCampaignModeration(tx, options.campaignId);
    const result = await takeOut(tx, options.campaignId, where, reason.data);
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "signatures.invalidate",
      campaignId: options.campaignId,
      affected: result.total,
      details: { selector: describeSelector(selector), reason: reason.data, byState: result.byState, countChange: result.countChange },
    });
    return result;
  }, bulkTransactionOptions);
}
