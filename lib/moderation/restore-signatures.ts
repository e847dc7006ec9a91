import { recordAudit, requireCampaignRole, type Actor } from "../auth/authorize";
import { addConfirmed } from "../campaigns/counters";
import { db } from "../db";
import { describeSelector } from "./describe-selector";
import { bulkTransactionOptions, lockCampaignModeration } from "./invalidate-signatures";
import { selectorWhere } from "./match-signatures";
import { bulkActionCounts, parseSelectorOrThrow, type BulkActionCounts } from "./preview-bulk-action";
import type { SignatureSelectorInput } from "./schema";

// INVALIDATED → back where it was. Only confirmation ever sets `confirmedAt` and invalidation
// keeps it, so an invalidated signature with `confirmedAt` was confirmed: it goes back to
// CONFIRMED and counts again. Every other one (pending, or held as fraudulent) goes to PENDING,
// where its signer's confirmation link, if still valid, can confirm it.
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
    const cleared = { invalidatedAt: null, invalidationReason: null };
    const confirmed = await tx.signature.updateMany({
      where: { AND: [where, { state: "INVALIDATED", confirmedAt: { not: null } }] },
      data: { state: "CONFIRMED", ...cleared },
    });
    const pending = await tx.signature.updateMany({
      where: { AND: [where, { state: "INVALIDATED", confirmedAt: null }] },
      data: { state: "PENDING", ...cleared },
    });
    if (confirmed.count > 0) await addConfirmed(tx, options.campaignId, confirmed.count);

    const result = bulkActionCounts("restore", { CONFIRMED: confirmed.count, PENDING: pending.count, FRAUDULENT: 0 });
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
