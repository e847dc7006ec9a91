import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { lockOrganisation } from "./lock-organisation";
import { memberFieldErrors, removeMemberSchema } from "./schema";

export type RemoveMemberOptions = { actor: Actor; organisationId: string; member: unknown };

// An owner removes a member. Their sessions are deleted in the same transaction, so they are
// signed out everywhere at once (they may sign in again if they still belong to another
// organisation). The last owner cannot be removed.
export async function removeMember(options: RemoveMemberOptions): Promise<{ userId: string; email: string; sessionsEnded: number }> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = removeMemberSchema.safeParse({ member: options.member });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: memberFieldErrors(parsed.error) });
  const userId = parsed.data.member;

  return db.$transaction(async (tx) => {
    await lockOrganisation(tx, options.organisationId, options.actor);
    const key = { userId_organisationId: { userId, organisationId: options.organisationId } };
    const membership = await tx.membership.findUnique({ where: key, select: { role: true, user: { select: { email: true } } } });
    if (!membership) throw new AppError("VALIDATION", { fields: { member: "memberNotFound" } });
    if (membership.role === "OWNER") {
      const owners = await tx.membership.count({ where: { organisationId: options.organisationId, role: "OWNER" } });
      if (owners <= 1) throw new AppError("VALIDATION", { fields: { member: "lastOwner" } });
    }
    await tx.membership.delete({ where: key });
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId } });
    // With no organisation left, their unused sign-in links go too: none of them could sign in.
    if ((await tx.membership.count({ where: { userId } })) === 0) {
      await tx.verificationToken.deleteMany({ where: { identifier: membership.user.email } });
    }
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actor: options.actor,
      action: "member.remove",
      affected: 1,
      details: { email: membership.user.email, role: membership.role, sessionsEnded },
    });
    return { userId, email: membership.user.email, sessionsEnded };
  });
}
