import { requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import type { MemberRole } from "../generated/prisma/enums";

export type MemberRow = { userId: string; email: string; role: MemberRole; since: Date; isYou: boolean };

const order: Record<MemberRole, number> = { OWNER: 0, ORGANISER: 1, VIEWER: 2 };

// Owners only: the members of an organisation, owners first, then by address.
export async function listMembers(options: { actor: Actor; organisationId: string }): Promise<MemberRow[]> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const rows = await db.membership.findMany({
    where: { organisationId: options.organisationId },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true } } },
  });
  return rows
    .map((row) => ({ userId: row.user.id, email: row.user.email, role: row.role, since: row.createdAt, isYou: row.user.id === options.actor.userId }))
    .sort((a, b) => order[a.role] - order[b.role] || a.email.localeCompare(b.email));
}
