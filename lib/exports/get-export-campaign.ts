import { requireCampaignRole, roleAtLeast, type Actor } from "../auth/authorize";
import { confirmedCount } from "../campaigns/counters";
import { db } from "../db";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";

export type ExportCampaign = {
  id: string;
  slug: string;
  title: Translations;
  primaryLocale: Locale;
  confirmed: number;
  // The organisation whose consenters' e-mail addresses the export holds.
  organisation: { id: string; name: Translations };
  // Viewers see the page but cannot export: the file holds personal data.
  canExport: boolean;
};

// What the export page shows about a campaign the actor can see (NOT_FOUND otherwise).
export async function getExportCampaign(options: { actor: Actor; campaignId: string }): Promise<ExportCampaign> {
  const access = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const [campaign, organisation, confirmed] = await Promise.all([
    db.campaign.findUnique({ where: { id: options.campaignId }, select: { id: true, slug: true, title: true, primaryLocale: true } }),
    db.organisation.findUnique({ where: { id: access.organisationId }, select: { id: true, name: true } }),
    confirmedCount(options.campaignId),
  ]);
  if (!campaign || !organisation) throw new AppError("NOT_FOUND");
  return {
    id: campaign.id,
    slug: campaign.slug,
    title: readTranslations(campaign.title),
    primaryLocale: campaign.primaryLocale,
    confirmed,
    organisation: { id: organisation.id, name: readTranslations(organisation.name) },
    canExport: roleAtLeast(access.role, "ORGANISER"),
  };
}
