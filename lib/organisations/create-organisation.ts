import { randomBytes } from "node:crypto";
import { recordAudit } from "../auth/authorize";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";

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

export type OrganisationSummary = { id: string; slug: string; name: string; created: boolean };

// Finds the organisation of this name (case aside), or creates it. Used by the command line that
// sets up the first organiser of an install; there is no signed-in actor to check.
export async function createOrganisation(options: { name: string; nameAr?: string | null }): Promise<OrganisationSummary> {
  const name = options.name.trim().replace(/\s+/g, " ");
  if (!name) throw new AppError("VALIDATION", { detail: "An organisation needs a name.", fields: { name: "nameRequired" } });
  const existing = await db.organisation.findFirst({ where: { name: { equals: name, mode: "insensitive" } }, select: { id: true, slug: true, name: true } });
  if (existing) return { ...existing, created: false };

  const base = slugFromName(name);
  for (let attempt = 1; ; attempt++) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      const organisation = await db.$transaction(async (tx) => {
        const created = await tx.organisation.create({ data: { slug, name, nameAr: options.nameAr ?? null }, select: { id: true, slug: true, name: true } });
        await recordAudit(tx, { organisationId: created.id, actor: null, action: "organisation.create", affected: 1, details: { name, slug } });
        return created;
      });
      return { ...organisation, created: true };
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 20) throw error;
    }
  }
}
