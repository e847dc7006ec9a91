import { requireCampaignRole, type Actor } from "../auth/authorize";
import { db, readDb } from "../db";
import { AppError } from "../errors";
import type { CampaignStatus, MemberRole, SignatureState } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { moderationFieldErrors, statsDaysSchema } from "./schema";

const topCountryLimit = 10;
const dayMs = 86_400_000;

export type CampaignStats = {
  campaign: { id: string; slug: string; status: CampaignStatus; title: Translations; primaryLocale: Locale };
  role: MemberRole;
  // Every signature of the campaign, by state, counted from the rows themselves.
  totals: Record<SignatureState, number>;
  // Signatures confirmed on each of the last `days` UTC days (today last) and still confirmed.
  perDay: { day: string; count: number }[];
  // Where confirmed signers are, most first; `otherCountries` counts the confirmed ones outside the top.
  topCountries: { country: string; count: number }[];
  otherCountries: number;
  // Every country with a confirmed signer, most first: what the map shades.
  byCountry: { country: string; count: number }[];
};

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

// The charts of a campaign's overview (per day, by country) read from the replica when there is
// one: a moment behind is fine for a chart. Who may see them, and the totals by state, which an
// organiser checks right after moderating, come from the primary.
export async function campaignStats(options: { actor: Actor; campaignId: string; days: number; now?: Date }): Promise<CampaignStats> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const days = statsDaysSchema.safeParse(options.days);
  if (!days.success) throw new AppError("VALIDATION", { fields: moderationFieldErrors(days.error) });

  const campaign = await db.campaign.findUnique({
    where: { id: options.campaignId },
    select: { id: true, slug: true, status: true, title: true, primaryLocale: true },
  });
  if (!campaign) throw new AppError("NOT_FOUND");

  const today = Date.parse(`${utcDay(options.now ?? new Date())}T00:00:00Z`);
  const firstDay = utcDay(new Date(today - (days.data - 1) * dayMs));
  const dayAfterLast = utcDay(new Date(today + dayMs));

  const [states, daily, countries] = await Promise.all([
    db.signature.groupBy({ by: ["state"], where: { campaignId: campaign.id }, _count: { _all: true } }),
    // Stored times are UTC, so the day of a timestamp is its UTC day.
    readDb.$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char(date_trunc('day', confirmed_at), 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM signatures
      WHERE campaign_id = ${campaign.id} AND state = 'CONFIRMED'
        AND confirmed_at >= ${firstDay}::timestamp AND confirmed_at < ${dayAfterLast}::timestamp
      GROUP BY 1`,
    readDb.signature.groupBy({
      by: ["country"],
      where: { campaignId: campaign.id, state: "CONFIRMED" },
      _count: { _all: true },
      orderBy: [{ _count: { country: "desc" } }, { country: "asc" }],
    }),
  ]);

  const totals: Record<SignatureState, number> = { CONFIRMED: 0, PENDING: 0, INVALIDATED: 0, FRAUDULENT: 0, HELD: 0 };
  for (const group of states) totals[group.state] = group._count._all;

  const byDay = new Map(daily.map((row) => [row.day, Number(row.count)]));
  const perDay = Array.from({ length: days.data }, (_, index) => {
    const day = utcDay(new Date(Date.parse(`${firstDay}T00:00:00Z`) + index * dayMs));
    return { day, count: byDay.get(day) ?? 0 };
  });

  const ranked = countries.map((group) => ({ country: group.country, count: group._count._all }));
  const topCountries = ranked.slice(0, topCountryLimit);
  const otherCountries = ranked.slice(topCountryLimit).reduce((sum, group) => sum + group.count, 0);

  return {
    campaign: { id: campaign.id, slug: campaign.slug, status: campaign.status, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale },
    role: access.role,
    totals,
    perDay,
    topCountries,
    otherCountries,
    byCountry: ranked,
  };
}
