import { randomUUID } from "node:crypto";
import { db, type Tx } from "../db";
import { env } from "../env";
import type { TrendingKind } from "../generated/prisma/enums";
import { localized, type Locale } from "../i18n/locales";
import { readTranslations } from "../i18n/translations";
import { sendEmail, wakeOutbox } from "../mail/send-email";

const hourMs = 3_600_000;

function hourStart(time: Date): Date {
  return new Date(Math.floor(time.getTime() / hourMs) * hourMs);
}

type Burst = { campaignId: string; kind: TrendingKind; value: string; confirmed: number; held: number; heldConfirmed: number; lastHeldConfirmedAt: Date | null; threshold: number };

// Stored times are UTC timestamps; a zone in the literal is ignored by ::timestamp, as intended.
// Per campaign and IP hash, and per campaign and e-mail domain, in one hour: signatures confirmed
// and counted, signatures held for review (signed or confirmed in the hour), and of those the ones
// their signers confirmed. A group is a burst when counted and held-but-confirmed together reach
// the threshold of the campaign's lead organisation; a connection (IP hash) is one as soon as a
// signer is waiting on it: confirmed, and told that organisers will check their connection's burst.
async function burstsIn(start: Date): Promise<Burst[]> {
  const end = new Date(start.getTime() + hourMs).toISOString();
  const from = start.toISOString();
  return db.$queryRaw<Burst[]>`
    WITH thresholds AS (
      SELECT DISTINCT ON (co.campaign_id) co.campaign_id, o.trending_threshold AS threshold
      FROM campaign_owners co JOIN organisations o ON o.id = co.organisation_id
      ORDER BY co.campaign_id, co.lead DESC, co.created_at
    ), hour_signatures AS (
      SELECT campaign_id, ip_hash, email_domain, state,
        confirmed_at >= ${from}::timestamp AND confirmed_at < ${end}::timestamp AS confirmed_in_hour
      FROM signatures
      WHERE state IN ('CONFIRMED', 'HELD', 'FRAUDULENT')
        AND ((confirmed_at >= ${from}::timestamp AND confirmed_at < ${end}::timestamp)
          OR (state <> 'CONFIRMED' AND created_at >= ${from}::timestamp AND created_at < ${end}::timestamp))
    ), groups AS (
      SELECT campaign_id, 'IP_HASH' AS kind, ip_hash AS value,
        count(*) FILTER (WHERE state = 'CONFIRMED' AND confirmed_in_hour)::int AS confirmed,
        count(*) FILTER (WHERE state <> 'CONFIRMED')::int AS held,
        count(*) FILTER (WHERE state <> 'CONFIRMED' AND confirmed_in_hour)::int AS held_confirmed
      FROM hour_signatures WHERE ip_hash IS NOT NULL
      GROUP BY campaign_id, ip_hash
      UNION ALL
      SELECT campaign_id, 'EMAIL_DOMAIN', email_domain,
        count(*) FILTER (WHERE state = 'CONFIRMED' AND confirmed_in_hour)::int,
        count(*) FILTER (WHERE state <> 'CONFIRMED')::int,
        count(*) FILTER (WHERE state <> 'CONFIRMED' AND confirmed_in_hour)::int
      FROM hour_signatures WHERE email_domain <> ''
      GROUP BY campaign_id, email_domain
    ), last_held AS (
      SELECT campaign_id, ip_hash, max(confirmed_at) AS at FROM signatures
      WHERE state IN ('HELD', 'FRAUDULENT') AND confirmed_at >= ${from}::timestamp AND confirmed_at < ${end}::timestamp AND ip_hash IS NOT NULL
      GROUP BY campaign_id, ip_hash
    )
    SELECT g.campaign_id AS "campaignId", g.kind::"TrendingKind" AS kind, g.value, g.confirmed, g.held,
      g.held_confirmed AS "heldConfirmed", l.at AS "lastHeldConfirmedAt", t.threshold
    FROM groups g JOIN thresholds t ON t.campaign_id = g.campaign_id
    LEFT JOIN last_held l ON g.kind = 'IP_HASH' AND l.campaign_id = g.campaign_id AND l.ip_hash = g.value
    WHERE g.confirmed + g.held_confirmed >= t.threshold OR (g.kind = 'IP_HASH' AND g.held_confirmed > 0)`;
}

export type TrendingCheckResult = { flagged: { id: string; campaignId: string; kind: TrendingKind; value: string; confirmed: number; held: number }[] };

// The trending check: the hour before `now` and the hour in progress, so a burst is seen within one
// poll and still counted whole once its hour is over. The unique (campaign, kind, value, hour)
// index makes it idempotent: run twice, or by two servers at once, it flags once and mails once.
// Each run brings a flag's figures up to date, and reopens one an organiser dealt with if a signer
// confirmed a held signature of it since: that signer waits on the organisers too.
export async function checkTrending(options: { now?: Date } = {}): Promise<TrendingCheckResult> {
  const current = hourStart(options.now ?? new Date());
  const flagged: TrendingCheckResult["flagged"] = [];
  let mailed = false;
  for (const start of [new Date(current.getTime() - hourMs), current]) {
    for (const burst of await burstsIn(start)) {
      const outcome = await db.$transaction((tx) => raiseFlag(tx, { ...burst, hourStart: start }));
      if (outcome.raised) flagged.push(outcome.raised);
      mailed ||= outcome.mailed;
    }
  }
  if (mailed) wakeOutbox();
  return { flagged };
}

async function raiseFlag(tx: Tx, burst: Burst & { hourStart: Date }) {
  const reopenIfHeldSince = burst.lastHeldConfirmedAt ? new Date(burst.lastHeldConfirmedAt).toISOString() : null;
  const [flag] = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
    INSERT INTO trending_flags (id, campaign_id, kind, value, hour_start, confirmed, held, created_at)
    VALUES (${`tf_${randomUUID()}`}, ${burst.campaignId}, ${burst.kind}::"TrendingKind", ${burst.value}, ${burst.hourStart.toISOString()}::timestamp, ${burst.confirmed}, ${burst.held}, now())
    ON CONFLICT (campaign_id, kind, value, hour_start) DO UPDATE SET confirmed = EXCLUDED.confirmed, held = EXCLUDED.held,
      resolved_at = CASE WHEN trending_flags.resolved_at < ${reopenIfHeldSince}::timestamp THEN NULL ELSE trending_flags.resolved_at END
    RETURNING id, (xmax = 0) AS inserted`;
  const raised = flag!.inserted ? { id: flag!.id, campaignId: burst.campaignId, kind: burst.kind, value: burst.value, confirmed: burst.confirmed, held: burst.held } : null;
  if (burst.confirmed + burst.heldConfirmed < burst.threshold) return { raised, mailed: false };
  // The owners hear of a flag once, when it reaches the threshold; two servers claim it once.
  const claimed = await tx.trendingFlag.updateMany({ where: { id: flag!.id, alertedAt: null }, data: { alertedAt: new Date() } });
  if (claimed.count === 0) return { raised, mailed: false };
  await alertOwners(tx, flag!.id, burst);
  return { raised, mailed: true };
}

// Every owner of every organisation that owns the campaign hears of it, in the same transaction.
async function alertOwners(tx: Tx, flagId: string, burst: Burst & { hourStart: Date }): Promise<void> {
  const campaign = await tx.campaign.findUniqueOrThrow({
    where: { id: burst.campaignId },
    select: {
      slug: true,
      title: true,
      primaryLocale: true,
      owners: { select: { organisation: { select: { memberships: { where: { role: "OWNER" }, select: { user: { select: { id: true, email: true, locale: true } } } } } } } },
    },
  });
  const owners = new Map(campaign.owners.flatMap((owner) => owner.organisation.memberships.map((m) => [m.user.id, m.user] as const)));
  for (const [userId, { email, locale: signedInWith }] of owners) {
    // Each in the language they sign in with; one who never has, in the campaign's.
    const locale: Locale = signedInWith ?? campaign.primaryLocale;
    const title = localized(locale, readTranslations(campaign.title), campaign.primaryLocale);
    await sendEmail(tx, {
      template: "trending-alert",
      to: email,
      locale,
      idempotencyKey: `trending-alert:${flagId}:${userId}`,
      props: {
        locale,
        campaignTitle: title.text,
        campaignTitleLocale: title.locale,
        kind: burst.kind,
        value: burst.value,
        confirmed: burst.confirmed,
        held: burst.held,
        hourStart: burst.hourStart.toISOString(),
        dashboardUrl: `${env.APP_URL}/${locale}/organiser#trending-flags`,
      },
    });
  }
}
