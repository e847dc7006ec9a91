import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { addConfirmed } from "../campaigns/counters";
import { recordMilestones } from "../campaigns/milestones";
import { db, type Tx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { describeSelector } from "./describe-selector";
import { bulkTransactionOptions, lockCampaignModeration } from "./invalidate-signatures";
import { selectorWhere } from "./match-signatures";
import { bulkActionCounts, parseSelectorOrThrow, type BulkActionCounts } from "./preview-bulk-action";
import type { SignatureSelectorInput } from "./schema";
import { confirmedByTheirSigner, fraudulentConfirmedBefore, restorableStates, type RestorableState } from "./signature-states";

// Moves the signatures `where` matches (among `states`) back into the count, in the caller's
// transaction, and adds to the count exactly the ones now CONFIRMED. The unconfirmed go first: a
// signer confirming meanwhile waits for this transaction and then confirms a PENDING signature,
// which counts it; one who confirmed before this statement is caught by the next ones.
export async function countBack(tx: Tx, campaignId: string, where: Prisma.SignatureWhereInput, states: readonly RestorableState[] = restorableStates) {
  const cleared = { invalidatedAt: null, invalidationReason: null };
  const inStates = { state: { in: [...states] } };
  const pending = await tx.signature.updateMany({
    where: { AND: [where, inStates, { NOT: confirmedByTheirSigner }] },
    data: { state: "PENDING", ...cleared },
  });
  const confirmed = await tx.signature.updateMany({
    where: { AND: [where, inStates, { confirmedAt: { not: null } }] },
    data: { state: "CONFIRMED", ...cleared },
  });
  // Confirmed before HELD existed, but when is not known: counted from now.
  const before = states.includes("FRAUDULENT")
    ? await tx.signature.updateMany({ where: { AND: [where, fraudulentConfirmedBefore] }, data: { state: "CONFIRMED", confirmedAt: new Date(), ...cleared } })
    : { count: 0 };
  const counted = confirmed.count + before.count;
  if (counted > 0) {
    await addConfirmed(tx, campaignId, counted);
    await recordMilestones(tx, campaignId);
  }
  return bulkActionCounts("restore", { CONFIRMED: counted, PENDING: pending.count, HELD: 0, FRAUDULENT: 0 });
}

// Invalidated or held → back into the count: CONFIRMED if the signer confirmed, PENDING otherwise.
export async function restoreSignatures(options: {
  actor: Actor;
  campaignId: string;
  selector: SignatureSelectorInput;
}): Promise<BulkActionCounts> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const selector = parseSelectorOrThrow(options.selector);
  const where = selectorWhere(options.campaignId, selector);

  return db.$transaction(async (tx) => {
    await lockCampaignModeration(tx, options.campaignId);
    const result = await countBack(tx, options.campaignId, where);
    await recordAudit(tx, {
      organisationId: access.organisationId,
      actor: options.actor,
      action: "signatures.restore",
      campaignId: options.campaignId,
      affected: result.total,
      details: { selector: describeSelector(selector), byState: result.byState, countChange: result.countChange },
    });
    return result;
  }, bulkTransactionOptions);
}
