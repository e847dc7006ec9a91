import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { MemberRole } from "../generated/prisma/enums";
import { lockOrganisation } from "./lock-organisation";
import { changeRoleSchema, memberFieldErrors } from "./schema";

export type ChangeRoleOptions = { actor: Actor; organisationId: string; member: unknown; role: unknown };

// An owner changes a member's role. The last owner cannot be demoted: an organisation always has
// someone who can manage its members.
export async function changeRole(options: ChangeRoleOptions): Promise<{ userId: string; email: string; from: MemberRole; to: MemberRole; changed: boolean }> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = changeRoleSchema.safeParse({ member: options.member, role: options.role });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: memberFieldErrors(parsed.error) });
  const { member: userId, role } = parsed.data;

  return db.$transaction(async (tx) => {
    await lockOrganisation(tx, options.organisationId, options.actor);
    const membership = await tx.membership.findUnique({
      where: { userId_organisationId: { userId, organisationId: options.organisationId } },
      select: { role: true, user: { select: { email: true } } },
    });
    if (!membership) throw new AppError("VALIDATION", { fields: { member: "memberNotFound" } });
    const result = { userId, email: membership.user.email, from: membership.role, to: role };
    if (membership.role === role) return { ...result, changed: false };
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { organisationId: options.organisationId, role: "OWNER" } });
      if (owners <= 1) throw new AppError("VALIDATION", { fields: { role: "lastOwner" } });
    }
    await tx.membership.update({ where: { userId_organisationId: { userId, organisationId: options.organisationId } }, data: { role } });
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actor: options.actor,
      action: "member.role",
      affected: 1,
      details: { email: membership.user.email, from: membership.role, to: role },
    });
    return { ...result, changed: true };
  });
}
