import type { Actor } from "../../auth/authorize";
import { roleAtLeast } from "../../auth/authorize";
import { db } from "../../db";

export type CampaignOrganisation = { id: string; name: string; nameAr: string | null };

// The organisations the actor may start a campaign for: those where they are an organiser or owner.
export async function listCampaignOrganisations(options: { actor: Actor }): Promise<CampaignOrganisation[]> {
  const ids = options.actor.memberships.filter((membership) => roleAtLeast(membership.role, "ORGANISER")).map((membership) => membership.organisationId);
  if (ids.length === 0) return [];
  return db.organisation.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" }, select: { id: true, name: true, nameAr: true } });
}
