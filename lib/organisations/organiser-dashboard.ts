import type { Actor } from "../auth/authorize";
import { confirmedCounts } from "../campaigns/counters";
import { db } from "../db";
import type { CampaignStatus } from "../generated/prisma/enums";
import { listActorOrganisations, type ActorOrganisation } from "./list-organisations";

export type DashboardCampaign = {
  id: string;
  slug: string;
  titleEn: string;
  titleAr: string | null;
  status: CampaignStatus;
  confirmed: number;
  pending: number;
  // Invalidated by moderation: does not count.
  invalidated: number;
  // Held for review (beyond the rate limits; FRAUDULENT from before included): counts once released.
  held: number;
};

export type DashboardOrganisation = ActorOrganisation & { campaigns: DashboardCampaign[] };

// Every organisation the actor belongs to, with its campaigns (co-owned ones included) and their
// counts. Confirmed comes from the campaign's counters (the number the public sees); pending and
// invalidated are counted from the signatures, which the (campaign, state) index keeps cheap.
export async function organiserDashboard(actor: Actor): Promise<DashboardOrganisation[]> {
  const organisations = await listActorOrganisations(actor);
  if (organisations.length === 0) return [];
  const owners = await db.campaignOwner.findMany({
    where: { organisationId: { in: organisations.map((o) => o.id) } },
    select: {
      organisationId: true,
      campaign: { select: { id: true, slug: true, titleEn: true, titleAr: true, status: true, createdAt: true } },
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
  const count = (campaignId: string, wanted: string[]) =>
    states.filter((row) => row.campaignId === campaignId && wanted.includes(row.state)).reduce((sum, row) => sum + row._count._all, 0);

  return organisations.map((organisation) => ({
    ...organisation,
    campaigns: owners
      .filter((owner) => owner.organisationId === organisation.id)
      .map((owner) => owner.campaign)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map((campaign) => ({
        id: campaign.id,
        slug: campaign.slug,
        titleEn: campaign.titleEn,
        titleAr: campaign.titleAr,
        status: campaign.status,
        confirmed: confirmed.get(campaign.id) ?? 0,
        pending: count(campaign.id, ["PENDING"]),
        invalidated: count(campaign.id, ["INVALIDATED"]),
        held: count(campaign.id, ["HELD", "FRAUDULENT"]),
      })),
  }));
}
