import type { Actor } from "../auth/authorize";
import { db } from "../db";
import type { MemberRole } from "../generated/prisma/enums";

export type ActorOrganisation = { id: string; slug: string; name: string; nameAr: string | null; role: MemberRole };

// The organisations the actor belongs to, by name, with their role in each.
export async function listActorOrganisations(actor: Actor): Promise<ActorOrganisation[]> {
  const ids = actor.memberships.map((m) => m.organisationId);
  if (ids.length === 0) return [];
  const rows = await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true, nameAr: true }, orderBy: { name: "asc" } });
  return rows.map((row) => ({ ...row, role: actor.memberships.find((m) => m.organisationId === row.id)!.role }));
}

// Which of the actor's organisations an owner-only page is about: the one asked for, if they own
// it, else the first they own; null when there is none (the page is then not found).
export function chooseOwnedOrganisation(organisations: ActorOrganisation[], requested: string | null | undefined): ActorOrganisation | null {
  const owned = organisations.filter((o) => o.role === "OWNER");
  if (requested) return owned.find((o) => o.id === requested) ?? null;
  return owned[0] ?? null;
}
