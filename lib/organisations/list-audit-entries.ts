import { requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";

const auditPageSize = 50;

export type AuditRow = {
  id: string;
  at: Date;
  who: string | null;
  action: string;
  affected: number;
  campaign: { id: string; title: Translations; primaryLocale: Locale } | null;
  details: Record<string, unknown> | null;
};

export type AuditPage = { entries: AuditRow[]; page: number; pages: number; total: number };

// Owners only: their organisation's audit log, newest first, a page at a time.
export async function listAuditEntries(options: { actor: Actor; organisationId: string; page?: number }): Promise<AuditPage> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const where = { organisationId: options.organisationId };
  const total = await db.auditEntry.count({ where });
  const pages = Math.max(1, Math.ceil(total / auditPageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pages);
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * auditPageSize,
    take: auditPageSize,
    select: { id: true, createdAt: true, action: true, affected: true, campaignId: true, details: true, user: { select: { email: true } } },
  });
  const campaignIds = [...new Set(rows.map((row) => row.campaignId).filter((id): id is string => Boolean(id)))];
  const campaigns = campaignIds.length
    ? await db.campaign.findMany({ where: { id: { in: campaignIds } }, select: { id: true, title: true, primaryLocale: true } })
    : [];
  const byId = new Map(campaigns.map((campaign) => [campaign.id, { id: campaign.id, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale }]));
  return {
    page,
    pages,
    total,
    entries: rows.map((row) => ({
      id: row.id,
      at: row.createdAt,
      who: row.user?.email ?? null,
      action: row.action,
      affected: row.affected,
      campaign: row.campaignId ? (byId.get(row.campaignId) ?? null) : null,
      details: row.details && typeof row.details === "object" && !Array.isArray(row.details) ? (row.details as Record<string, unknown>) : null,
    })),
  };
}
