import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import type { AccessRuleEffect, AccessRuleKind } from "../generated/prisma/enums";
import { abuseFieldErrors, abuseSettingsSchema, accessRuleSchema, type AbuseSettings } from "./schema";
import { forgetSigningCampaigns } from "../signatures/signing-campaign";

export type AccessRuleView = { id: string; kind: AccessRuleKind; effect: AccessRuleEffect; pattern: string; note: string | null; global: boolean; createdAt: Date };

export type AbuseSettingsView = {
  settings: AbuseSettings;
  // The organisation's own rules, then the global ones (set by whoever runs the install).
  rules: AccessRuleView[];
  globalRules: AccessRuleView[];
};

// Owners only: the organisation's rate limits, trending threshold and block/allow lists.
export async function getAbuseSettings(options: { actor: Actor; organisationId: string }): Promise<AbuseSettingsView> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const [organisation, rules] = await Promise.all([
    db.organisation.findUnique({
      where: { id: options.organisationId },
      select: {
        rateBurstLimit: true,
        rateBurstWindowSeconds: true,
        rateSustainedLimit: true,
        rateSustainedWindowSeconds: true,
        rateCeilingLimit: true,
        rateCeilingWindowSeconds: true,
        trendingThreshold: true,
      },
    }),
    db.accessRule.findMany({
      where: { OR: [{ organisationId: options.organisationId }, { organisationId: null }] },
      orderBy: [{ kind: "asc" }, { pattern: "asc" }],
    }),
  ]);
  if (!organisation) throw new AppError("NOT_FOUND");
  const view = rules.map((rule) => ({ id: rule.id, kind: rule.kind, effect: rule.effect, pattern: rule.pattern, note: rule.note, global: rule.organisationId === null, createdAt: rule.createdAt }));
  return { settings: organisation, rules: view.filter((rule) => !rule.global), globalRules: view.filter((rule) => rule.global) };
}

export async function updateAbuseSettings(options: { actor: Actor; organisationId: string; input: unknown }): Promise<AbuseSettings> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = abuseSettingsSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: abuseFieldErrors(parsed.error) });
  await db.$transaction(async (tx) => {
    await tx.organisation.update({ where: { id: options.organisationId }, data: parsed.data });
    await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "settings.abuse", details: parsed.data });
  });
  forgetSigningCampaigns();
  return parsed.data;
}

export async function addAccessRule(options: { actor: Actor; organisationId: string; input: unknown }): Promise<AccessRuleView> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = accessRuleSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: abuseFieldErrors(parsed.error) });
  try {
    const view = await db.$transaction(async (tx) => {
      const rule = await tx.accessRule.create({ data: { ...parsed.data, organisationId: options.organisationId } });
      await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "access-rule.add", details: { kind: rule.kind, effect: rule.effect, pattern: rule.pattern } });
      return { id: rule.id, kind: rule.kind, effect: rule.effect, pattern: rule.pattern, note: rule.note, global: false, createdAt: rule.createdAt };
    });
    forgetSigningCampaigns();
    return view;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { fields: { pattern: "ruleExists" } });
    throw error;
  }
}

// Only the organisation's own rules; a global rule is not theirs to remove.
export async function removeAccessRule(options: { actor: Actor; organisationId: string; ruleId: string }): Promise<void> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  await db.$transaction(async (tx) => {
    const removed = await tx.accessRule.deleteMany({ where: { id: options.ruleId, organisationId: options.organisationId } });
    if (removed.count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "access-rule.remove", details: { rule: options.ruleId } });
  });
  forgetSigningCampaigns();
}
