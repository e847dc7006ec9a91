import { randomUUID } from "node:crypto";
import { db, type Tx } from "../db";
import { env } from "../env";
import type { TrendingKind } from "../generated/prisma/enums";
import { sendEmail, wakeOutbox } from "../mail/send-email";

const hourMs = 3_600_000;

export function hourStart(time: Date): Date {
  return new Date(Math.floor(time.getTime() / hourMs) * hourMs);
}

type Burst = { campaignId: string; kind: TrendingKind; value: string; confirmed: number };

// Stored times are UTC timestamps; a zone in the literal is ignored by ::timestamp, as intended.
// Confirmed signatures of one hour, by campaign and IP hash and by campaign and e-mail domain, at
// or above the threshold of the campaign's lead organisation.
async function burstsIn(start: Date): Promise<Burst[]> {
  const end = new Date(start.getTime() + hourMs).toISOString();
  const from = start.toISOString();
  return db.$queryRaw<Burst[]>`
    WITH thresholds AS (
      SELECT DISTINCT ON (co.campaign_id) co.campaign_id, o.trending_threshold AS threshold
      FROM campaign_owners co JOIN organisations o ON o.id = co.organisation_id
      ORDER BY co.campaign_id, co.lead DESC, co.created_at
    ), groups AS (
      SELECT campaign_id, 'IP_HASH' AS kind, ip_hash AS value, count(*)::int AS confirmed
      FROM signatures
      WHERE state = 'CONFIRMED' AND confirmed_at >= ${from}::timestamp AND confirmed_at < ${end}::timestamp AND ip_hash IS NOT NULL
      GROUP BY campaign_id, ip_hash
      UNION ALL
      SELECT campaign_id, 'EMAIL_DOMAIN', email_domain, count(*)::int
      FROM signatures
      WHERE state = 'CONFIRMED' AND confirmed_at >= ${from}::timestamp AND confirmed_at < ${end}::timestamp AND email_domain <> ''
      GROUP BY campaign_id, email_domain
    )
    SELECT g.campaign_id AS "campaignId", g.kind::"TrendingKind" AS kind, g.value, g.confirmed
    FROM groups g JOIN thresholds t ON t.campaign_id = g.campaign_id
    WHERE g.confirmed >= t.threshold`;
}

export type TrendingCheckResult = { flagged: { id: string; campaignId: string; kind: TrendingKind; value: string; confirmed: number }[] };

// The trending check: the hour before `now` and the hour in progress, so a burst is seen within one
// poll and still counted whole once its hour is over. The unique (campaign, kind, value, hour)
// index makes it idempotent: run twice, or by two servers at once, it flags and mails once.
export async function checkTrending(options: { now?: Date } = {}): Promise<TrendingCheckResult> {
  const current = hourStart(options.now ?? new Date());
  const flagged: TrendingCheckResult["flagged"] = [];
  for (const start of [new Date(current.getTime() - hourMs), current]) {
    for (const burst of await burstsIn(start)) {
      const flag = await db.$transaction((tx) => raiseFlag(tx, { ...burst, hourStart: start }));
      if (flag) flagged.push(flag);
    }
  }
  if (flagged.length > 0) wakeOutbox();
  return { flagged };
}

async function raiseFlag(tx: Tx, burst: Burst & { hourStart: Date }) {
  const [flag] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO trending_flags (id, campaign_id, kind, value, hour_start, confirmed, created_at)
    VALUES (${`tf_${randomUUID()}`}, ${burst.campaignId}, ${burst.kind}::"TrendingKind", ${burst.value}, ${burst.hourStart.toISOString()}::timestamp, ${burst.confirmed}, now())
    ON CONFLICT (campaign_id, kind, value, hour_start) DO NOTHING
    RETURNING id`;
  if (!flag) return null;

  // Every owner of every organisation that owns the campaign hears of it, in the same transaction.
  const campaign = await tx.campaign.findUniqueOrThrow({
    where: { id: burst.campaignId },
    select: {
      slug: true,
      titleEn: true,
      owners: { select: { organisation: { select: { memberships: { where: { role: "OWNER" }, select: { user: { select: { id: true, email: true } } } } } } } },
    },
  });
  const owners = new Map(campaign.owners.flatMap((owner) => owner.organisation.memberships.map((m) => [m.user.id, m.user.email] as const)));
  for (const [userId, email] of owners) {
    await sendEmail(tx, {
      template: "trending-alert",
      to: email,
      locale: "en",
      idempotencyKey: `trending-alert:${flag.id}:${userId}`,
      props: {
        locale: "en",
        campaignTitle: campaign.titleEn,
        kind: burst.kind,
        value: burst.value,
        confirmed: burst.confirmed,
        hourStart: burst.hourStart.toISOString(),
        dashboardUrl: `${env.APP_URL}/en/organiser#trending-flags`,
      },
    });
  }
  return { id: flag.id, campaignId: burst.campaignId, kind: burst.kind, value: burst.value, confirmed: burst.confirmed };
}
