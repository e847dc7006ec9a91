import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { localized, type Locale } from "../i18n/locales";
import { AppError, isUniqueViolation } from "../errors";
import { decisionMakerProfile, decisionMakerProfileSelect, type DecisionMakerProfile } from "./profile";
import { decisionMakerData, decisionMakerFieldErrors, decisionMakerSchema } from "./schema";

function parse(values: unknown) {
  const parsed = decisionMakerSchema.safeParse(values);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: decisionMakerFieldErrors(parsed.error) });
  return { data: decisionMakerData(parsed.data) };
}

// An organisation's own entry; shared entries (no organisation) and other organisations' are not found.
async function ownEntry(actor: Actor, organisationId: string, id: string) {
  requireOrganisationRole(actor, organisationId, "ORGANISER");
  const entry = await db.decisionMaker.findFirst({
    where: { id, organisationId },
    select: { id: true, email: true, retiredAt: true, riskToSigners: true },
  });
  if (!entry) throw new AppError("NOT_FOUND");
  return entry;
}

export async function createDecisionMaker(options: { actor: Actor; organisationId: string; values: unknown }): Promise<{ id: string }> {
  requireOrganisationRole(options.actor, options.organisationId, "ORGANISER");
  const { data } = parse(options.values);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.decisionMaker.create({ data: { ...data, organisationId: options.organisationId }, select: { id: true } });
      await recordAudit(tx, {
        organisationId: options.organisationId,
        actor: options.actor,
        action: "directory.create",
        affected: 1,
        details: { id: created.id, email: data.email, riskToSigners: data.riskToSigners },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { fields: { email: "emailTaken" } });
    throw error;
  }
}

export async function updateDecisionMaker(options: { actor: Actor; organisationId: string; id: string; values: unknown }): Promise<void> {
  const entry = await ownEntry(options.actor, options.organisationId, options.id);
  const { data } = parse(options.values);
  try {
    await db.$transaction(async (tx) => {
      await tx.decisionMaker.update({ where: { id: options.id }, data });
      // Marking a recipient as a risk to writers, or clearing it, is a decision someone answers for.
      const risk = data.riskToSigners !== entry.riskToSigners ? { riskToSigners: data.riskToSigners } : {};
      await recordAudit(tx, { organisationId: options.organisationId, actor: options.actor, action: "directory.update", affected: 1, details: { id: options.id, ...risk } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { fields: { email: "emailTaken" } });
    throw error;
  }
}

// A retired entry stays (its digests and responses remain on the record) but receives nothing more
// and is no longer offered as a target; it can be restored.
export async function retireDecisionMaker(options: { actor: Actor; organisationId: string; id: string; retired: boolean }): Promise<void> {
  await ownEntry(options.actor, options.organisationId, options.id);
  await db.$transaction(async (tx) => {
    await tx.decisionMaker.update({ where: { id: options.id }, data: { retiredAt: options.retired ? new Date() : null } });
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actor: options.actor,
      action: options.retired ? "directory.retire" : "directory.restore",
      affected: 1,
      details: { id: options.id },
    });
  });
}

export type DirectoryEntry = DecisionMakerProfile & {
  email: string;
  contactUrl: string | null;
  preferredLocale: Locale;
  lastVerifiedOn: Date | null;
  riskToSigners: boolean;
  retiredAt: Date | null;
};

const entrySelect = {
  ...decisionMakerProfileSelect,
  email: true,
  contactUrl: true,
  preferredLocale: true,
  lastVerifiedOn: true,
  riskToSigners: true,
  retiredAt: true,
} as const;

// Entries by institution, then name, as the reader's language sorts them and in the language
// the page shows them (texts are JSON, which the database cannot order by).
export function byInstitutionAndName(locale: Locale): (a: DecisionMakerProfile, b: DecisionMakerProfile) => number {
  const collator = new Intl.Collator(locale);
  const shown = (values: DecisionMakerProfile["name"]) => localized(locale, values).text;
  return (a, b) => collator.compare(shown(a.institution), shown(b.institution)) || collator.compare(shown(a.name), shown(b.name));
}

// Viewers read the directory too: it holds work addresses of public officials, not signers' data.
export async function listDecisionMakers(options: { actor: Actor; organisationId: string; locale?: Locale }): Promise<{ own: DirectoryEntry[]; shared: DirectoryEntry[] }> {
  requireOrganisationRole(options.actor, options.organisationId, "VIEWER");
  const [own, shared] = await Promise.all([
    db.decisionMaker.findMany({ where: { organisationId: options.organisationId }, select: entrySelect }),
    db.decisionMaker.findMany({ where: { organisationId: null, retiredAt: null }, select: entrySelect }),
  ]);
  const order = byInstitutionAndName(options.locale ?? "en");
  return {
    // Active entries first.
    own: own.map(decisionMakerProfile).sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || order(a, b)),
    shared: shared.map(decisionMakerProfile).sort(order),
  };
}

export async function getDecisionMaker(options: { actor: Actor; organisationId: string; id: string }): Promise<DirectoryEntry> {
  requireOrganisationRole(options.actor, options.organisationId, "VIEWER");
  const entry = await db.decisionMaker.findFirst({ where: { id: options.id, organisationId: options.organisationId }, select: entrySelect });
  if (!entry) throw new AppError("NOT_FOUND");
  return decisionMakerProfile(entry);
}
