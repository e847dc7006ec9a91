import { db } from "../db";
import type { PeriodicJob } from "../jobs/scheduler";
import { beginSending, beginSendingTimeoutMs } from "../updates/begin-sending";
import { wakeUpdates } from "../updates/update-queue";
import { noticeDayOf } from "./record-notice-event";

type NoticeRound = { sent: number; dropped: number };

// Closes the notices of days that are over: each is claimed by one server (SKIP LOCKED), its
// recipients fixed and handed to the update queue, which mails them as it mails any update. A
// notice of a campaign whose organisers have since turned notices off, or whose only news is an
// answer no longer published, is deleted unsent.
/** @internal exported for its tests */
export async function sendDueNotices(now = new Date()): Promise<NoticeRound> {
  const today = noticeDayOf(now);
  const round: NoticeRound = { sent: 0, dropped: 0 };
  for (;;) {
    const outcome = await db.$transaction(
      async (tx) => {
        const [due] = await tx.$queryRaw<{ id: string; enabled: boolean }[]>`
          SELECT u.id, c.supporter_notices AS enabled
            FROM supporter_updates u JOIN campaigns c ON c.id = u.campaign_id
           WHERE u.kind = 'NOTICE' AND u.status = 'DRAFT' AND u.notice_day < ${today}::date
           ORDER BY u.notice_day LIMIT 1 FOR UPDATE OF u SKIP LOCKED`;
        if (!due) return null;
        await tx.campaignNoticeEvent.deleteMany({ where: { noticeId: due.id, kind: "ANSWERED", response: { published: false } } });
        const events = await tx.campaignNoticeEvent.count({ where: { noticeId: due.id } });
        if (!due.enabled || events === 0) {
          await tx.supporterUpdate.delete({ where: { id: due.id } });
          return "dropped" as const;
        }
        await beginSending(tx, { updateId: due.id, userId: null });
        return "sent" as const;
      },
      { timeout: beginSendingTimeoutMs },
    );
    if (!outcome) break;
    round[outcome] += 1;
  }
  if (round.sent > 0) wakeUpdates();
  return round;
}

// Hourly: a day's notice goes out within the hour after the day ends (UTC).
export const noticeJob: PeriodicJob = {
  name: "supporter-notices",
  periodMs: 60 * 60_000,
  firstAfterMs: 60_000,
  run: (now) => sendDueNotices(now),
};
