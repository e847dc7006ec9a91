import { db } from "../db";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { confirmedCounts, paperCounts } from "./counters";
import { goalProgress, type GoalProgress } from "./goals";
import { isOpen } from "./lifecycle";

export type CampaignCard = {
  slug: string;
  // The language it is written in: its texts fall back to it.
  primaryLocale: Locale;
  title: Translations;
  summary: Translations;
  // Its name per language.
  leadOrganisation: Translations | null;
  progress: GoalProgress;
};

export async function listOpenCampaigns(): Promise<CampaignCard[]> {
  const now = new Date();
  const campaigns = await db.campaign.findMany({
    where: isOpen.where(now),
    orderBy: [{ opensAt: "desc" }, { createdAt: "asc" }],
    select: {
      id: true,
      slug: true,
      goals: true,
      primaryLocale: true,
      title: true,
      summary: true,
      owners: { where: { lead: true }, select: { organisation: { select: { name: true } } } },
    },
  });
  const ids = campaigns.map((campaign) => campaign.id);
  const [counts, paper] = await Promise.all([confirmedCounts(ids), paperCounts(ids)]);
  return campaigns.map((campaign) => {
    const lead = campaign.owners[0]?.organisation;
    return {
      slug: campaign.slug,
      primaryLocale: campaign.primaryLocale,
      title: readTranslations(campaign.title),
      summary: readTranslations(campaign.summary),
      leadOrganisation: lead ? readTranslations(lead.name) : null,
      progress: goalProgress(counts.get(campaign.id) ?? 0, campaign.goals, paper.get(campaign.id) ?? 0),
    };
  });
}
