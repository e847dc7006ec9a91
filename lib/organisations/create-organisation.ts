import { randomBytes } from "node:crypto";
import { recordAudit } from "../auth/authorize";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import { readTranslations, type Translations } from "../i18n/translations";

// "Syria Relief & Development" → "syria-relief-development". A name with no Latin letters or
// digits (an Arabic name, say) gets a random slug: slugs are stable, never translated.
/** @internal exported for its tests */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || `organisation-${randomBytes(3).toString("hex")}`;
}

export type OrganisationSummary = { id: string; slug: string; name: Translations; created: boolean };

// Finds the organisation of this name (case aside, in any language it has a name in), or creates
// it with this as its English name. Used by the command line that sets up the first organiser of
// an install; there is no signed-in actor to check.
export async function createOrganisation(options: { name: string }): Promise<OrganisationSummary> {
  const name = options.name.trim().replace(/\s+/g, " ");
  if (!name) throw new AppError("VALIDATION", { detail: "An organisation needs a name.", fields: { name: "nameRequired" } });
  const existing = await findByName(name);
  if (existing) return { ...existing, created: false };

  const base = slugFromName(name);
  for (let attempt = 1; ; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      const organisation = await db.$transaction(async (tx) => {
        const created = await tx.organisation.create({ data: { slug, name: { en: name } }, select: { id: true, slug: true } });
        await recordAudit(tx, { organisationId: created.id, actor: null, action: "organisation.create", affected: 1, details: { name, slug } });
        return created;
      });
      return { ...organisation, name: { en: name }, created: true };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 20) throw error;
    }
  }
}

// Names are stored per language, and "case aside" is a matter of letters beyond ASCII too
// ("DÉVELOPPEMENT"), so the comparison is made here rather than in SQL. An install has few
// organisations, and only the command line asks.
async function findByName(name: string): Promise<Omit<OrganisationSummary, "created"> | null> {
  const wanted = name.toLowerCase();
  const rows = await db.organisation.findMany({ select: { id: true, slug: true, name: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  for (const row of rows) {
    const names = readTranslations(row.name);
    if (Object.values(names).some((stored) => stored.toLowerCase() === wanted)) return { id: row.id, slug: row.slug, name: names };
  }
  return null;
}
