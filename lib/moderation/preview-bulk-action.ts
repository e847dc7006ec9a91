import { requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { selectorWhere } from "./match-signatures";
import { parseSelector, type BulkAction, type SignatureSelector, type SignatureSelectorInput } from "./schema";

// How many signatures a bulk action touches. For "invalidate", by the state each is in now; for
// "restore", by the state each goes back to. `countChange` is how the public count moves.
export type BulkActionCounts = {
  action: BulkAction;
  total: number;
  byState: { CONFIRMED: number; PENDING: number; FRAUDULENT: number };
  countChange: number;
};

export function parseSelectorOrThrow(selector: SignatureSelectorInput | unknown): SignatureSelector {
  const parsed = parseSelector(selector);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: { selector: parsed.error } });
  return parsed.data;
}

export function bulkActionCounts(action: BulkAction, byState: BulkActionCounts["byState"]): BulkActionCounts {
  const total = byState.CONFIRMED + byState.PENDING + byState.FRAUDULENT;
  return { action, total, byState, countChange: action === "invalidate" ? 0 - byState.CONFIRMED : byState.CONFIRMED };
}

// What an action would do, without doing it. Only those who may run the action may preview it.
// The action itself counts what it actually changes, which may differ if signatures arrive meanwhile.
export async function previewBulkAction(options: {
  actor: Actor;
  campaignId: string;
  selector: SignatureSelectorInput;
  action: BulkAction;
}): Promise<BulkActionCounts> {
  await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const selector = parseSelectorOrThrow(options.selector);
  const where = selectorWhere(options.campaignId, selector);

  if (options.action === "restore") {
    const [confirmed, pending] = await Promise.all([
      db.signature.count({ where: { AND: [where, { state: "INVALIDATED", confirmedAt: { not: null } }] } }),
      db.signature.count({ where: { AND: [where, { state: "INVALIDATED", confirmedAt: null }] } }),
    ]);
    return bulkActionCounts("restore", { CONFIRMED: confirmed, PENDING: pending, FRAUDULENT: 0 });
  }
  if (options.action !== "invalidate") throw new AppError("VALIDATION", { fields: { action: "actionInvalid" } });

  const groups = await db.signature.groupBy({
    by: ["state"],
    where: { AND: [where, { state: { in: ["CONFIRMED", "PENDING", "FRAUDULENT"] } }] },
    _count: { _all: true },
  });
  const count = (state: string) => groups.find((group) => group.state === state)?._count._all ?? 0;
  return bulkActionCounts("invalidate", { CONFIRMED: count("CONFIRMED"), PENDING: count("PENDING"), FRAUDULENT: count("FRAUDULENT") });
}
