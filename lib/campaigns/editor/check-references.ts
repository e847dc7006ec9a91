import type { Tx } from "../../db";
import { AppError } from "../../errors";
import type { CampaignInput, FieldErrors } from "./schema";

// Ids the form sends are only hints: every source statement must exist, and every decision-maker
// must be in the shared directory (no organisation) or in this organisation's own. A campaign keeps
// the decision-makers it already addresses, whichever co-owner added them.
export async function checkReferences(
  tx: Tx,
  options: { organisationId: string; input: CampaignInput; currentDecisionMakerIds?: string[] },
): Promise<void> {
  const { input } = options;
  const errors: FieldErrors = {};

  const statementIds = [input.sourceStatementId, ...input.demands.map((demand) => demand.sourceStatementId)].filter((id): id is string => id !== null);
  if (statementIds.length > 0) {
    const found = await tx.sourceStatement.findMany({ where: { id: { in: [...new Set(statementIds)] } }, select: { id: true } });
    const known = new Set(found.map((statement) => statement.id));
    if (input.sourceStatementId && !known.has(input.sourceStatementId)) errors.sourceStatementId = "statementUnknown";
    for (const demand of input.demands) {
      if (demand.sourceStatementId && !known.has(demand.sourceStatementId)) errors[`demands.${demand.row}.sourceStatementId`] = "statementUnknown";
    }
  }

  const current = new Set(options.currentDecisionMakerIds ?? []);
  const added = input.decisionMakerIds.filter((id) => !current.has(id));
  if (added.length > 0) {
    const allowed = await tx.decisionMaker.count({
      where: { id: { in: added }, retiredAt: null, OR: [{ organisationId: null }, { organisationId: options.organisationId }] },
    });
    if (allowed !== added.length) errors.decisionMakerIds = "decisionMakerUnknown";
  }

  if (Object.keys(errors).length > 0) throw new AppError("VALIDATION", { detail: "unknown statement or decision-maker", fields: errors });
}
