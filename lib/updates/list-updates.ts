import { render } from "@react-email/render";
import { createElement } from "react";
import { requireCampaignRole, roleAtLeast, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { MemberRole, UpdateStatus } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { publicUrl } from "../public-urls";
import { SupporterUpdateEmail, supporterUpdateSubject } from "../../emails/supporter-update";
import { countRecipients, type RecipientCount } from "./recipients";
import { hasArabic, updateContentSelect, updateEmailProps } from "./update-mail";

// Viewers read what was sent; editors and owners see drafts too.
function visibleStatuses(role: MemberRole): UpdateStatus[] | undefined {
  return roleAtLeast(role, "ORGANISER") ? undefined : ["SENT"];
}

// The updates managed from a campaign's pages: about it, or about all the organisation's campaigns.
export async function listCampaignUpdates(options: { actor: Actor; campaignId: string }) {
  const { organisationId, role } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const [campaign, organisation, updates] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: options.campaignId }, select: { id: true, titleEn: true, titleAr: true } }),
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, name: true, nameAr: true, updatesNeedApproval: true } }),
    db.supporterUpdate.findMany({
      where: { organisationId, kind: "UPDATE", OR: [{ campaignId: options.campaignId }, { campaignId: null }], status: { in: visibleStatuses(role) } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, campaignId: true, subjectEn: true, subjectAr: true, status: true, scheduledFor: true, sentAt: true, recipientCount: true, mailed: true, published: true },
    }),
  ]);
  return { role, campaign: { id: campaign.id, title: { en: campaign.titleEn, ar: campaign.titleAr } }, organisation, updates };
}

export type UpdateStats = { recipients: number; queued: number; sent: number; delivered: number; bounced: number; complained: number; unsubscribed: number };

async function updateStats(updateId: string, since: Date): Promise<UpdateStats> {
  const [row] = await db.$queryRaw<UpdateStats[]>`
    SELECT count(*)::int AS recipients,
           count(r.queued_at)::int AS queued,
           count(r.sent_at)::int AS sent,
           count(r.delivered_at)::int AS delivered,
           count(r.bounced_at)::int AS bounced,
           count(r.complained_at)::int AS complained,
           count(*) FILTER (WHERE sup.unsubscribed_at >= ${since})::int AS unsubscribed
      FROM update_recipients r LEFT JOIN supporters sup ON sup.id = r.supporter_id
     WHERE r.update_id = ${updateId}`;
  return row ?? { recipients: 0, queued: 0, sent: 0, delivered: 0, bounced: 0, complained: 0, unsubscribed: 0 };
}

// The e-mail as a reader of each language gets it, with links that act for nobody.
async function previews(update: Parameters<typeof updateEmailProps>[0]): Promise<Record<Locale, { subject: string; html: string }>> {
  const entries = await Promise.all(
    (["en", "ar"] as const).map(async (wanted) => {
      const token = "preview";
      const props = updateEmailProps(update, {
        wanted,
        supporterLinks: { unsubscribeUrl: publicUrl.unsubscribe(wanted, token), oneClickUnsubscribeUrl: publicUrl.oneClickUnsubscribe(token), eraseUrl: publicUrl.erase(wanted, token) },
      });
      return [wanted, { subject: supporterUpdateSubject(props), html: await render(createElement(SupporterUpdateEmail, props)) }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Locale, { subject: string; html: string }>;
}


// One update for its page: its text, who wrote, approved and sent it, the e-mail in both
// languages, and either who it will go to (counted by the query that sends) or how it went.
export async function getUpdateDetail(options: { actor: Actor; campaignId: string; updateId: string }) {
  const { organisationId, role } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const update = await db.supporterUpdate.findFirst({
    where: { id: options.updateId, organisationId, kind: "UPDATE", OR: [{ campaignId: options.campaignId }, { campaignId: null }], status: { in: visibleStatuses(role) } },
    select: {
      ...updateContentSelect,
      campaignId: true,
      status: true,
      mailed: true,
      published: true,
      scheduledFor: true,
      sendingAt: true,
      sentAt: true,
      recipientCount: true,
      createdBy: { select: { email: true } },
      approvedBy: { select: { email: true } },
      sentBy: { select: { email: true } },
      organisation: { select: { name: true, nameAr: true, updatesNeedApproval: true } },
    },
  });
  if (!update) throw new AppError("NOT_FOUND");
  const begun = update.sendingAt !== null;
  const [count, stats, preview] = await Promise.all([
    !begun && update.mailed ? countRecipients(db, { organisationId, campaignId: update.campaignId, hasArabic: hasArabic(update) }) : Promise.resolve<RecipientCount | null>(null),
    begun ? updateStats(update.id, update.sendingAt!) : Promise.resolve<UpdateStats | null>(null),
    previews(update),
  ]);
  return { role, update, count, stats, preview, email: options.actor.email };
}

// The draft's own values, for its edit form.
export async function getUpdateForEditing(options: { actor: Actor; campaignId: string; updateId: string }) {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const update = await db.supporterUpdate.findFirst({
    where: { id: options.updateId, organisationId, kind: "UPDATE", OR: [{ campaignId: options.campaignId }, { campaignId: null }] },
    select: { id: true, campaignId: true, subjectEn: true, subjectAr: true, bodyEn: true, bodyAr: true, mailed: true, published: true, status: true },
  });
  if (!update) throw new AppError("NOT_FOUND");
  return update;
}

export type PublishedUpdate = { id: string; sentAt: Date; organisation: { en: string; ar: string | null }; subject: { en: string; ar: string | null }; body: { en: string; ar: string | null } };

// The public campaign page's timeline: sent updates its organisers chose to show there, newest
// first. An Arabic reader sees the Arabic text only where both subject and message exist.
export async function listPublishedUpdates(options: { campaignId: string }): Promise<PublishedUpdate[]> {
  const rows = await db.supporterUpdate.findMany({
    where: {
      status: "SENT",
      published: true,
      OR: [{ campaignId: options.campaignId }, { campaignId: null, organisation: { campaigns: { some: { campaignId: options.campaignId } } } }],
    },
    orderBy: { sentAt: "desc" },
    take: 50,
    select: { id: true, sentAt: true, subjectEn: true, subjectAr: true, bodyEn: true, bodyAr: true, organisation: { select: { name: true, nameAr: true } } },
  });
  return rows.map((row) => {
    const arabic = hasArabic(row);
    return {
      id: row.id,
      sentAt: row.sentAt!,
      organisation: { en: row.organisation.name, ar: row.organisation.nameAr },
      subject: { en: row.subjectEn, ar: arabic ? row.subjectAr : null },
      body: { en: row.bodyEn, ar: arabic ? row.bodyAr : null },
    };
  });
}

// What an update's state reads as: a scheduled update whose time has come is starting to send
// (the update worker is fixing its recipients), not still waiting.
export function updateStatusView(update: { status: UpdateStatus; scheduledFor: Date | null; sentAt: Date | null }, now = new Date()): { key: UpdateStatus | "STARTING"; when: Date } {
  if (update.status === "SCHEDULED" && update.scheduledFor && update.scheduledFor <= now) return { key: "STARTING", when: update.scheduledFor };
  return { key: update.status, when: (update.status === "SCHEDULED" ? update.scheduledFor : update.sentAt) ?? now };
}
