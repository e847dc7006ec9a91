import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { abuseFieldErrors, accessRuleSchema } from "./schema";
import type { AccessRuleView } from "./settings";
import { forgetSigningCampaigns } from "../signatures/signing-campaign";

// Rules for every organisation, set by whoever runs the install (from the command line: there is
// no role above an organisation's owner on the web).
export async function listGlobalAccessRules(): Promise<AccessRuleView[]> {
  const rules = await db.accessRule.findMany({ where: { organisationId: null }, orderBy: [{ kind: "asc" }, { pattern: "asc" }] });
  return rules.map((rule) => ({ id: rule.id, kind: rule.kind, effect: rule.effect, pattern: rule.pattern, note: rule.note, global: true, createdAt: rule.createdAt }));
}

export async function addGlobalAccessRule(input: unknown): Promise<AccessRuleView> {
  const parsed = accessRuleSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: abuseFieldErrors(parsed.error) });
  // NULLs are distinct in a unique index, so the "only once" rule for global rules is checked here.
  const existing = await db.accessRule.findFirst({ where: { organisationId: null, kind: parsed.data.kind, effect: parsed.data.effect, pattern: parsed.data.pattern } });
  if (existing) throw new AppError("VALIDATION", { fields: { pattern: "ruleExists" } });
  try {
    const rule = await db.accessRule.create({ data: { ...parsed.data, organisationId: null } });
    forgetSigningCampaigns();
    return { id: rule.id, kind: rule.kind, effect: rule.effect, pattern: rule.pattern, note: rule.note, global: true, createdAt: rule.createdAt };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { fields: { pattern: "ruleExists" } });
    throw error;
  }
}

export async function removeGlobalAccessRule(options: { pattern: string }): Promise<number> {
  // Patterns are stored lower-case, except IP hashes, which are case-sensitive.
  const pattern = options.pattern.trim();
  const removed = await db.accessRule.deleteMany({ where: { organisationId: null, pattern: { in: [...new Set([pattern, pattern.toLowerCase()])] } } });
  forgetSigningCampaigns();
  return removed.count;
}
