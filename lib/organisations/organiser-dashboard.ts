import type { Actor } from "../auth/authorize";
import { confirmedCounts } from "../campaigns/counters";
import { db } from "../db";
import type { CampaignStatus, SignatureState } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { organiserStates } from "../moderation/signature-states";
import { listActorOrganisations, type ActorOrganisation } from "./list-organisations";

type DashboardState = (typeof organiserStates)[number];

type DashboardCampaign = {
  id: string;
  slug: string;
  title: Translations;
  primaryLocale: Locale;
  status: CampaignStatus;
  // Signatures in each state, as the campaign's overview names them; confirmed is the number the
  // public sees, held counts once an organiser releases it (FRAUDULENT rows from before included).
  totals: Record<DashboardState, number>;
};

export type DashboardOrganisation = ActorOrganisation & { campaigns: DashboardCampaign[] };

// Every organisation the actor belongs to (by name in the reader's language), with its campaigns
// (co-owned ones included) and their counts. Confirmed comes from the campaign's counters (the number the public sees); the other
// states are counted from the signatures, which the (campaign, state) index keeps cheap.
export async function organiserDashboard(actor: Actor, locale?: Locale): Promise<DashboardOrganisation[]> {
  const organisations = await listActorOrganisations(actor, locale);
  if (organisations.length === 0) return [];
  const owners = await db.campaignOwner.findMany({
    where: { organisationId: { in: organisations.map((o) => o.id) } },
    select: {
      organisationId: true,
      campaign: { select: { id: true, slug: true, title: true, primaryLocale: true, status: true, createdAt: true } },
    },
  });
  const campaignIds = [...new Set(owners.map((owner) => owner.campaign.id))];
  const [confirmed, states] = await Promise.all([
    confirmedCounts(campaignIds),
    campaignIds.length
      ? db.signature.groupBy({
          by: ["campaignId", "state"],
          where: { campaignId: { in: campaignIds }, state: { in: ["PENDING", "INVALIDATED", "HELD", "FRAUDULENT"] } },
          _count: { _all: true },
        })
      : Promise.resolve([]),
  ]);
  const count = (campaignId: string, counted: SignatureState[]) =>
    states.filter((row) => row.campaignId === campaignId && counted.includes(row.state)).reduce((sum, row) => sum + row._count._all, 0);

  return organisations.map((organisation) => ({
    ...organisation,
    campaigns: owners
      .filter((owner) => owner.organisationId === organisation.id)
      .map((owner) => owner.campaign)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((campaign) => ({
        id: campaign.id,
        slug: campaign.slug,
        title: readTranslations(campaign.title),
        primaryLocale: campaign.primaryLocale,
        status: campaign.status,
        totals: {
          CONFIRMED: confirmed.get(campaign.id) ?? 0,
          PENDING: count(campaign.id, ["PENDING"]),
          HELD: count(campaign.id, ["HELD", "FRAUDULENT"]),
          INVALIDATED: count(campaign.id, ["INVALIDATED"]),
        },
      })),
  }));
}
