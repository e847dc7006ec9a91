import { requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import type { MemberRole } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";

export type PaperImports = {
  campaign: { id: string; title: Translations; primaryLocale: Locale };
  role: MemberRole;
  total: number;
  imports: { id: string; label: string; handDay: string | null; count: number; enteredBy: string | null; createdAt: Date }[];
};

// A campaign's entered batches, newest first: any member reads them, organisers change them.
export async function listPaperImports(options: { actor: Actor; campaignId: string }): Promise<PaperImports> {
  const { role } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const [campaign, imports] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: options.campaignId }, select: { id: true, title: true, primaryLocale: true } }),
    db.paperImport.findMany({
      where: { campaignId: options.campaignId },
      orderBy: { createdAt: "desc" },
      select: { id: true, label: true, handDay: true, signatureCount: true, createdAt: true, enteredBy: { select: { email: true } } },
    }),
  ]);
  return {
    campaign: { id: campaign.id, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale },
    role,
    total: imports.reduce((sum, batch) => sum + batch.signatureCount, 0),
    imports: imports.map((batch) => ({ id: batch.id, label: batch.label, handDay: batch.handDay, count: batch.signatureCount, enteredBy: batch.enteredBy?.email ?? null, createdAt: batch.createdAt })),
  };
}
