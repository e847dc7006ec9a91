import { isOpen } from "../campaigns/lifecycle";
import { db } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import type { Locale } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";
import type { PeriodicJob } from "../jobs/scheduler";
import { sealOutboxRow, wakeOutbox } from "../mail/send-email";
import { loadDataKeys } from "../sealing/seal";
import { openSignatures, openSupporterEmails } from "../sealing/signer-data";
import { confirmationMail } from "./confirmation-mail";
import { maxConfirmationEmails } from "./sign-petition";

const hourMs = 60 * 60_000;
// A signer who has not confirmed a day after signing is reminded once; a signature older than a
// week (when the feature first runs, say) is not: a reminder that late is noise.
const remindAfterMs = 24 * hourMs;
const remindUntilMs = 7 * 24 * hourMs;
const chunkSize = 200;

type DueSignature = { id: string; supporter_id: string; name: string; locale: Locale; confirmations_sent: number; email: string; emailHash: string; slug: string; title: unknown; primary_locale: Locale };

// One chunk of signatures due a reminder, locked (FOR UPDATE SKIP LOCKED: two servers take
// different rows) and marked reminded in the transaction that writes their e-mails, so a
// signature is reminded once whoever runs the job. Only a pending signature of an open campaign
// whose signer is still there, and within the cap on confirmation e-mails, which the reminder
// counts in.
async function remindChunk(now: Date): Promise<number> {
  const sent = await db.$transaction(
    async (tx) => {
      const sealedDue = await tx.$queryRaw<DueSignature[]>`
        SELECT s.id, s.supporter_id, s.name, s.locale::text AS locale, s.confirmations_sent, sup.email, sup.email_hash AS "emailHash",
               c.slug, c.title, c.primary_locale::text AS primary_locale
          FROM signatures s
          JOIN supporters sup ON sup.id = s.supporter_id
          JOIN campaigns c ON c.id = s.campaign_id
         WHERE s.state = 'PENDING' AND s.confirmed_at IS NULL AND s.reminder_sent_at IS NULL
           AND s.created_at <= ${new Date(now.getTime() - remindAfterMs)} AND s.created_at > ${new Date(now.getTime() - remindUntilMs)}
           AND s.confirmations_sent < ${maxConfirmationEmails} AND s.anonymised_at IS NULL
           AND sup.erased_at IS NULL AND sup.unsubscribed_at IS NULL
           AND ${Prisma.raw(isOpen.sql("c"))}
         ORDER BY s.created_at, s.id
         LIMIT ${chunkSize}
           FOR UPDATE OF s SKIP LOCKED`;
      if (sealedDue.length === 0) return 0;
      // Their keys are read through this transaction: on PGlite it holds the one connection.
      await loadDataKeys(sealedDue.flatMap((signature) => [signature.name, signature.email]), tx);
      const due = await openSupporterEmails(await openSignatures(sealedDue));
      const mails = due.map((signature) =>
        confirmationMail(
          { slug: signature.slug, title: readTranslations(signature.title), primaryLocale: signature.primary_locale },
          { signatureId: signature.id, sequence: signature.confirmations_sent + 1, to: signature.email, locale: signature.locale, name: signature.name, reminder: true },
        ),
      );
      const expiresAt = new Date(Date.now() + env.CONFIRMATION_TTL_HOURS * hourMs);
      await tx.confirmationToken.createMany({ data: due.map((signature, index) => ({ tokenHash: mails[index]!.tokenHash!, signatureId: signature.id, expiresAt })) });
      await tx.supporterToken.createMany({
        data: due.flatMap((signature, index) => [
          { tokenHash: mails[index]!.unsubscribeHash, supporterId: signature.supporter_id, purpose: "UNSUBSCRIBE" as const },
          { tokenHash: mails[index]!.eraseHash, supporterId: signature.supporter_id, purpose: "ERASE" as const },
        ]),
      });
      await tx.outboxMessage.createMany({ data: await Promise.all(mails.map((mail) => sealOutboxRow(mail.mail, tx))), skipDuplicates: true });
      await tx.$executeRaw`
        UPDATE signatures SET reminder_sent_at = now() AT TIME ZONE 'UTC', confirmations_sent = confirmations_sent + 1, updated_at = now() AT TIME ZONE 'UTC'
         WHERE id = ANY(${due.map((signature) => signature.id)}::text[])`;
      return due.length;
    },
    { timeout: 120_000 },
  );
  if (sent > 0) wakeOutbox();
  return sent;
}

// Reminds every signature due at `now`, a chunk at a time.
/** @internal exported for its tests */
export async function sendConfirmationReminders(now = new Date()): Promise<{ reminded: number }> {
  let reminded = 0;
  for (;;) {
    const sent = await remindChunk(now);
    reminded += sent;
    if (sent < chunkSize) return { reminded };
  }
}

export const confirmationReminderJob: PeriodicJob = {
  name: "confirmation-reminders",
  periodMs: 15 * 60_000,
  firstAfterMs: 90_000,
  run: (now) => sendConfirmationReminders(now),
};
