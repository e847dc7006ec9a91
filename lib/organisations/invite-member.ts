import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { queueSignInEmail } from "../auth/sign-in";
import { createSignInLink, invitationLinkTtlSeconds, type SignInLink } from "../auth/verification";
import { db } from "../db";
import { AppError, isUniqueViolation } from "../errors";
import type { MemberRole } from "../generated/prisma/enums";
import { localized, type Locale } from "../i18n/locales";
import { wakeOutbox } from "../mail/send-email";
import { lockOrganisation } from "./lock-organisation";
import { inviteMemberSchema, memberFieldErrors } from "./schema";

export type InviteMemberOptions = { actor: Actor; organisationId: string; email: unknown; role: unknown; locale: Locale };
export type InvitedMember = { userId: string; email: string; role: MemberRole };

// An owner adds someone to their organisation: the user is created if new, the membership is
// added, and an invitation with a sign-in link goes out through the outbox, all in one transaction.
export async function inviteMember(options: InviteMemberOptions): Promise<InvitedMember> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = inviteMemberSchema.safeParse({ email: options.email, role: options.role });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: memberFieldErrors(parsed.error) });
  const { email, role } = parsed.data;

  const invited = await retryOnRace(() =>
    db.$transaction(async (tx) => {
      const organisation = await lockOrganisation(tx, options.organisationId, options.actor);
      // The invitation names the organisation in the invitee's language when it has a name in it.
      const organisationName = localized(options.locale, organisation.name).text;
      const user = await tx.user.upsert({ where: { email }, create: { email }, update: {}, select: { id: true } });
      const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: organisation.id } } });
      if (existing) throw new AppError("VALIDATION", { fields: { email: "alreadyMember" } });
      await tx.membership.create({ data: { userId: user.id, organisationId: organisation.id, role } });
      await recordAudit(tx, { organisationId: organisation.id, actor: options.actor, action: "member.invite", affected: 1, details: { email, role } });
      const link = await createSignInLink(tx, { email, locale: options.locale, ttlSeconds: invitationLinkTtlSeconds });
      await queueSignInEmail(tx, {
        email,
        locale: options.locale,
        continueUrl: link.continueUrl,
        validHours: invitationLinkTtlSeconds / 3600,
        invitation: { organisationName, role, invitedBy: options.actor.email },
      });
      return { userId: user.id, email, role };
    }),
  );
  wakeOutbox();
  return invited;
}

export type CommandLineInvitation = InvitedMember & { organisationName: string; changed: boolean; link: SignInLink; queued: boolean };

// The command line's way in, for the first organiser of an install (or an owner locked out):
// no signed-in actor, so it is not reachable from the web. Adds the membership or sets its role,
// and either queues the invitation e-mail or hands the link back to be printed.
export async function addMemberFromCommandLine(options: {
  organisationId: string;
  email: unknown;
  role: MemberRole;
  locale: Locale;
  deliver: "email" | "print";
  // The address the server serves, which the command may know better than its own environment.
  baseUrl?: string;
}): Promise<CommandLineInvitation> {
  const parsed = inviteMemberSchema.safeParse({ email: options.email, role: options.role });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: memberFieldErrors(parsed.error) });
  const { email, role } = parsed.data;

  const result = await retryOnRace(() =>
    db.$transaction(async (tx) => {
      const organisation = await lockOrganisation(tx, options.organisationId, null);
      const organisationName = localized(options.locale, organisation.name).text;
      const user = await tx.user.upsert({ where: { email }, create: { email }, update: {}, select: { id: true } });
      const key = { userId_organisationId: { userId: user.id, organisationId: organisation.id } };
      const existing = await tx.membership.findUnique({ where: key });
      const changed = existing?.role !== role;
      if (changed) {
        await tx.membership.upsert({ where: key, create: { userId: user.id, organisationId: organisation.id, role }, update: { role } });
        await recordAudit(tx, {
          organisationId: organisation.id,
          actor: null,
          action: existing ? "member.role" : "member.invite",
          affected: 1,
          details: existing ? { email, from: existing.role, to: role, via: "command line" } : { email, role, via: "command line" },
        });
      }
      const link = await createSignInLink(tx, { email, locale: options.locale, ttlSeconds: invitationLinkTtlSeconds, baseUrl: options.baseUrl });
      if (options.deliver === "email") {
        await queueSignInEmail(tx, {
          email,
          locale: options.locale,
          continueUrl: link.continueUrl,
          validHours: invitationLinkTtlSeconds / 3600,
          invitation: { organisationName, role, invitedBy: null },
        });
      }
      return { userId: user.id, email, role, organisationName, changed, link, queued: options.deliver === "email" };
    }),
  );
  if (result.queued) wakeOutbox();
  return result;
}

// Two invitations of the same new address at once: the loser of the unique index tries again and
// finds the user (or the membership) the winner created.
async function retryOnRace<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

