import { randomUUID } from "node:crypto";
import type { Tx } from "../db";
import type { NoticeEventKind } from "../generated/prisma/enums";
import { localized } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";

export type NoticeEvent = { campaignId: string; kind: NoticeEventKind; decisionMakerId: string; responseId?: string; at?: Date };

// The UTC day of `at`, as the date a notice is keyed by.
export function noticeDayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

// Adds an event to its campaign's notice of the day (written on the first event of the day), in
// the caller's transaction; nothing when the campaign's organisers turned notices off. The notice
// goes out once its day is over (lib/notices/send-notices.ts), so a day's events make one notice.
// A notice already sending (its day was closed by a server whose clock is ahead) is left as it
// is: the event goes into the next day's.
export async function recordNoticeEvent(tx: Tx, event: NoticeEvent): Promise<void> {
  const campaign = await tx.campaign.findUnique({
    where: { id: event.campaignId },
    select: { supporterNotices: true, title: true, primaryLocale: true, owners: { select: { organisationId: true }, orderBy: [{ lead: "desc" }, { createdAt: "asc" }], take: 1 } },
  });
  const owner = campaign?.owners[0];
  if (!campaign?.supporterNotices || !owner) return;
  // A notice's own subject only names it (its e-mail is written when it is sent), in the campaign's language.
  const subject = { [campaign.primaryLocale]: `Notice: ${localized(campaign.primaryLocale, readTranslations(campaign.title), campaign.primaryLocale).text}` };
  const eventKey = event.kind === "DELIVERED" ? `delivered:${event.campaignId}:${event.decisionMakerId}` : `answered:${event.responseId}`;
  let day = noticeDayOf(event.at ?? new Date());
  for (let attempt = 0; attempt < 3; attempt++) {
    // The row is locked until this transaction ends: the job that closes the day waits for the event.
    const [notice] = await tx.$queryRaw<{ id: string; status: string }[]>`
      INSERT INTO supporter_updates (id, organisation_id, campaign_id, subject, body, status, kind, notice_day, mailed, published, created_at, updated_at)
      VALUES (${randomUUID()}, ${owner.organisationId}, ${event.campaignId}, ${JSON.stringify(subject)}::jsonb, '{}'::jsonb, 'DRAFT', 'NOTICE', ${day}::date, true, false,
              now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      ON CONFLICT (campaign_id, notice_day) DO UPDATE SET updated_at = now() AT TIME ZONE 'UTC'
      RETURNING id, status::text AS status`;
    if (notice && notice.status === "DRAFT") {
      await tx.$executeRaw`
        INSERT INTO campaign_notice_events (id, notice_id, kind, decision_maker_id, response_id, event_key, occurred_at)
        VALUES (${randomUUID()}, ${notice.id}, ${event.kind}::"NoticeEventKind", ${event.decisionMakerId}, ${event.responseId ?? null}, ${eventKey}, now() AT TIME ZONE 'UTC')
        ON CONFLICT (event_key) DO NOTHING`;
      return;
    }
    day = nextDay(day);
  }
}
