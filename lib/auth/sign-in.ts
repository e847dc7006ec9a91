import { createHash } from "node:crypto";
import { db, type Tx } from "../db";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import type { OrganiserSignInProps } from "../../emails/organiser-sign-in";
import { organiserEmailSchema } from "./organiser-email";
import { createSignInLink, maxOutstandingLinks, signInLinkTtlSeconds } from "./verification";

// Only members of at least one organisation may sign in.
export async function isOrganiserMember(email: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email }, select: { _count: { select: { memberships: true } } } });
  return (user?._count.memberships ?? 0) > 0;
}

export async function isMemberUser(userId: string): Promise<boolean> {
  return (await db.membership.count({ where: { userId } })) > 0;
}

// One e-mail per link; the key is derived from the link, so a retry never sends a second one.
export async function queueSignInEmail(
  tx: Tx,
  options: { email: string; locale: Locale; continueUrl: string; validHours: number; invitation?: OrganiserSignInProps["invitation"] },
): Promise<void> {
  await sendEmail(tx, {
    template: "organiser-sign-in",
    to: options.email,
    locale: options.locale,
    idempotencyKey: `organiser-sign-in:${createHash("sha256").update(options.continueUrl).digest("hex")}`,
    props: { locale: options.locale, continueUrl: options.continueUrl, validHours: options.validHours, invitation: options.invitation },
  });
}

export type RequestSignInOptions = { email: unknown; locale: Locale; next?: string | null };

// The sign-in form. Whoever asks sees the same answer; only a member is actually sent a link,
// and never more than a handful of unused ones at a time.
export async function requestSignInLink(options: RequestSignInOptions): Promise<void> {
  const parsed = organiserEmailSchema.safeParse(options.email);
  if (!parsed.success) throw new AppError("VALIDATION", { fields: { email: parsed.error.issues[0]?.message ?? "emailInvalid" } });
  const email = parsed.data;
  if (!(await isOrganiserMember(email))) return;

  const queued = await db.$transaction(async (tx) => {
    await tx.verificationToken.deleteMany({ where: { identifier: email, expires: { lt: new Date() } } });
    const outstanding = await tx.verificationToken.count({ where: { identifier: email } });
    if (outstanding >= maxOutstandingLinks) return false;
    const link = await createSignInLink(tx, { email, locale: options.locale, next: options.next, ttlSeconds: signInLinkTtlSeconds });
    await queueSignInEmail(tx, { email, locale: options.locale, continueUrl: link.continueUrl, validHours: signInLinkTtlSeconds / 3600 });
    return true;
  });
  if (queued) wakeOutbox();
}
