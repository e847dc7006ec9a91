import { requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { selectorWhere } from "./match-signatures";
import { confirmedByTheirSigner, invalidatableStates, restorableStates, type RestorableState } from "./signature-states";
import { parseSelector, type BulkAction, type SignatureSelector, type SignatureSelectorInput } from "./schema";

// How many signatures a bulk action touches. For "invalidate", by the state each is in now; for
// "restore", by the state each goes to (CONFIRMED, counted, or PENDING). `countChange` is how the
// public count moves.
export type BulkActionCounts = {
  action: BulkAction;
  total: number;
  byState: { CONFIRMED: number; PENDING: number; HELD: number; FRAUDULENT: number };
  countChange: number;
};

export function parseSelectorOrThrow(selector: SignatureSelectorInput | unknown): SignatureSelector {
  const parsed = parseSelector(selector);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: { selector: parsed.error } });
  return parsed.data;
}

export function bulkActionCounts(action: BulkAction, byState: BulkActionCounts["byState"]): BulkActionCounts {
  const total = byState.CONFIRMED + byState.PENDING + byState.HELD + byState.FRAUDULENT;
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

  if (options.action === "restore") return previewRestore(where);
  if (options.action !== "invalidate") throw new AppError("VALIDATION", { fields: { action: "actionInvalid" } });
  return previewInvalidate(where);
}

// The same conditions as countBack (restore-signatures.ts), counted instead of changed.
export async function previewRestore(where: Prisma.SignatureWhereInput, states: readonly RestorableState[] = restorableStates): Promise<BulkActionCounts> {
  const inStates = { state: { in: [...states] } };
  const [confirmed, pending] = await Promise.all([
    db.signature.count({ where: { AND: [where, inStates, confirmedByTheirSigner] } }),
    db.signature.count({ where: { AND: [where, inStates, { NOT: confirmedByTheirSigner }] } }),
  ]);
  return bulkActionCounts("restore", { CONFIRMED: confirmed, PENDING: pending, HELD: 0, FRAUDULENT: 0 });
}

export async function previewInvalidate(where: Prisma.SignatureWhereInput): Promise<BulkActionCounts> {
  const groups = await db.signature.groupBy({
    by: ["state"],
    where: { AND: [where, { state: { in: [...invalidatableStates] } }] },
    _count: { _all: true },
  });
  const count = (state: string) => groups.find((group) => group.state === state)?._count._all ?? 0;
  return bulkActionCounts("invalidate", { CONFIRMED: count("CONFIRMED"), PENDING: count("PENDING"), HELD: count("HELD"), FRAUDULENT: count("FRAUDULENT") });
}
