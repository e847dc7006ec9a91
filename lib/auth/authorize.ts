import { db } from "../db";
import { AppError } from "../errors";
import type { MemberRole } from "../generated/prisma/enums";

// Whoever is acting: a signed-in organiser, with the organisations they belong to.
export type Actor = {
  userId: string;
  email: string;
  memberships: { organisationId: string; role: MemberRole }[];
};

const rank: Record<MemberRole, number> = { VIEWER: 1, ORGANISER: 2, OWNER: 3 };

export function roleAtLeast(role: MemberRole, minimum: MemberRole): boolean {
  return rank[role] >= rank[minimum];
}

// Loads an actor fresh from the database, so a removed member loses access at once.
export async function loadActor(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, memberships: { select: { organisationId: true, role: true } } },
  });
  return user ? { userId: user.id, email: user.email, memberships: user.memberships } : null;
}

// The actor's role in an organisation, if at least `minimum`; otherwise FORBIDDEN.
export function requireOrganisationRole(actor: Actor, organisationId: string, minimum: MemberRole): MemberRole {
  const membership = actor.memberships.find((m) => m.organisationId === organisationId);
  if (!membership || !roleAtLeast(membership.role, minimum)) throw new AppError("FORBIDDEN");
  return membership.role;
}

// A campaign the actor may act on with at least `minimum`, through any organisation that owns it.
// A campaign they cannot see at all is NOT_FOUND, so its existence is not revealed.
export async function requireCampaignRole(
  actor: Actor,
  campaignId: string,
  minimum: MemberRole,
): Promise<{ campaignId: string; organisationId: string; role: MemberRole }> {
  const owners = await db.campaignOwner.findMany({ where: { campaignId }, select: { organisationId: true } });
  const visible = owners
    .map((owner) => actor.memberships.find((m) => m.organisationId === owner.organisationId))
    .filter((m): m is Actor["memberships"][number] => Boolean(m))
    .sort((a, b) => rank[b.role] - rank[a.role]);
  const best = visible[0];
  if (!best) throw new AppError("NOT_FOUND");
  if (!roleAtLeast(best.role, minimum)) throw new AppError("FORBIDDEN");
  return { campaignId, organisationId: best.organisationId, role: best.role };
}

export async function recordAudit(
  tx: Pick<typeof db, "auditEntry">,
  entry: { organisationId: string; actor: Actor | null; action: string; campaignId?: string | null; affected?: number; details?: object },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      organisationId: entry.organisationId,
      userId: entry.actor?.userId ?? null,
      action: entry.action,
      campaignId: entry.campaignId ?? null,
      affected: entry.affected ?? 0,
      details: entry.details,
    },
  });
}
