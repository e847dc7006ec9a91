import type { Tx } from "../db";
import type { UpdateStatus } from "../generated/prisma/enums";
import { recordAudit } from "../auth/authorize";
import { insertRecipients, type RecipientCount } from "./recipients";
import { readingLocale, updateTexts } from "./update-mail";

// `startsNow`: scheduled for the moment of sending, for the update worker to begin at once.
export type SendResult = { status: UpdateStatus; recipients: RecipientCount | null; startsNow?: boolean };

// How long a worker's transaction that begins sending may run: fixing a million recipients is one
// INSERT ... SELECT of a minute or more, and nobody waits on it.
export const beginSendingTimeoutMs = 15 * 60_000;

// Fixes the recipients (one INSERT ... SELECT) and hands them to the update queue, in the caller's
// transaction; audited with the number of recipients. An update only published on the campaign
// page is sent at once. A notice's text is Nida's own, in every reader's language.
export async function beginSending(tx: Tx, options: { updateId: string; userId: string | null }): Promise<SendResult> {
  const update = await tx.supporterUpdate.findUniqueOrThrow({ where: { id: options.updateId }, include: { campaign: { select: { primaryLocale: true } } } });
  const now = new Date();
  const notice = update.kind === "NOTICE";
  const texts = updateTexts(update);
  const recipients = update.mailed
    ? await insertRecipients(tx, {
        updateId: update.id,
        organisationId: update.organisationId,
        campaignId: update.campaignId,
        anyOwner: notice,
        readIn: (locale) => (notice ? locale : readingLocale(texts, locale)),
      })
    : null;
  const status: UpdateStatus = recipients && recipients.total > 0 ? "SENDING" : "SENT";
  await tx.supporterUpdate.update({
    where: { id: update.id },
    data: { status, sendingAt: now, recipientCount: recipients?.total ?? 0, ...(status === "SENT" ? { sentAt: now } : {}) },
  });
  await recordAudit(tx, {
    organisationId: update.organisationId,
    actor: options.userId ? { userId: options.userId, email: "", memberships: [] } : null,
    action: notice ? "notice.send" : "update.send",
    campaignId: update.campaignId,
    affected: recipients?.total ?? 0,
    details: { update: update.id, languages: recipients?.languages ?? {}, published: update.published },
  });
  return { status, recipients };
}
