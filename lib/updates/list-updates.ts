import { render } from "@react-email/render";
import { createElement } from "react";
import { requireCampaignRole, roleAtLeast, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import type { MemberRole, UpdateStatus } from "../generated/prisma/enums";
import { defaultLocale, type Locale } from "../i18n/locales";
import { readTranslations, writtenIn, type Translations } from "../i18n/translations";
import { publicUrl } from "../public-urls";
import { SupporterUpdateEmail, supporterUpdateSubject } from "../../emails/supporter-update";
import { countRecipients, type RecipientCount } from "./recipients";
import { readingLocale, updateContentSelect, updateEmailProps, updateTexts, type UpdateTexts } from "./update-mail";

// Viewers read what was sent; editors and owners see drafts too.
function visibleStatuses(role: MemberRole): UpdateStatus[] | undefined {
  return roleAtLeast(role, "ORGANISER") ? undefined : ["SENT"];
}

// The updates managed from a campaign's pages: about it, or about all the organisation's campaigns.
export async function listCampaignUpdates(options: { actor: Actor; campaignId: string }) {
  const { organisationId, role } = await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const [campaign, organisation, updates] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { id: options.campaignId }, select: { id: true, title: true, primaryLocale: true } }),
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, name: true, updatesNeedApproval: true } }),
    db.supporterUpdate.findMany({
      where: { organisationId, kind: "UPDATE", OR: [{ campaignId: options.campaignId }, { campaignId: null }], status: { in: visibleStatuses(role) } },
      orderBy: { createdAt: "desc" },
      take: 200,
      select: { id: true, campaignId: true, subject: true, status: true, scheduledFor: true, sentAt: true, recipientCount: true, mailed: true, published: true },
    }),
  ]);
  return {
    role,
    campaign: { id: campaign.id, title: readTranslations(campaign.title), primaryLocale: campaign.primaryLocale },
    organisation: { ...organisation, name: readTranslations(organisation.name) },
    // Each subject with the language it was written in first: this campaign's, or English for one about all of them.
    updates: updates.map((update) => ({ ...update, subject: readTranslations(update.subject), primaryLocale: update.campaignId ? campaign.primaryLocale : defaultLocale })),
  };
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

// The e-mail as a reader of each language the update is written in gets it, the language it was
// written in first, with links that act for nobody.
export type UpdatePreview = { locale: Locale; subject: string; html: string };

function previewLocales(texts: UpdateTexts): Locale[] {
  const written = writtenIn(texts.subject);
  return written.includes(texts.primary) ? [texts.primary, ...written.filter((locale) => locale !== texts.primary)] : written;
}

async function previews(update: Parameters<typeof updateEmailProps>[0], texts: UpdateTexts): Promise<UpdatePreview[]> {
  return Promise.all(
    previewLocales(texts).map(async (wanted) => {
      const token = "preview";
      const props = updateEmailProps(update, {
        wanted,
        supporterLinks: { unsubscribeUrl: publicUrl.unsubscribe(wanted, token), oneClickUnsubscribeUrl: publicUrl.oneClickUnsubscribe(token), eraseUrl: publicUrl.erase(wanted, token) },
      });
      return { locale: wanted, subject: supporterUpdateSubject(props), html: await render(createElement(SupporterUpdateEmail, props)) };
    }),
  );
}

// One update for its page: its text, who wrote, approved and sent it, the e-mail in each of its
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
      organisation: { select: { name: true, senderName: true, updatesNeedApproval: true } },
    },
  });
  if (!update) throw new AppError("NOT_FOUND");
  const texts = updateTexts(update);
  const begun = update.sendingAt !== null;
  const [count, stats, preview] = await Promise.all([
    !begun && update.mailed
      ? countRecipients(db, { organisationId, campaignId: update.campaignId, readIn: (locale) => readingLocale(texts, locale) })
      : Promise.resolve<RecipientCount | null>(null),
    begun ? updateStats(update.id, update.sendingAt!) : Promise.resolve<UpdateStats | null>(null),
    previews(update, texts),
  ]);
  return { role, update, texts, count, stats, preview, email: options.actor.email };
}

// The draft's own values, for its edit form: each text in every language it is written in.
export async function getUpdateForEditing(options: { actor: Actor; campaignId: string; updateId: string }) {
  const { organisationId } = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const update = await db.supporterUpdate.findFirst({
    where: { id: options.updateId, organisationId, kind: "UPDATE", OR: [{ campaignId: options.campaignId }, { campaignId: null }] },
    select: { id: true, campaignId: true, subject: true, body: true, mailed: true, published: true, status: true, campaign: { select: { primaryLocale: true } } },
  });
  if (!update) throw new AppError("NOT_FOUND");
  const { campaign, ...rest } = update;
  return { ...rest, subject: readTranslations(update.subject), body: readTranslations(update.body), primaryLocale: campaign?.primaryLocale ?? defaultLocale };
}

// `primaryLocale`: the language it was written in first, which readers of a language it lacks get.
export type PublishedUpdate = {
  id: string;
  sentAt: Date;
  // The organisation's name, per language.
  organisation: Translations;
  subject: Translations;
  body: Translations;
  primaryLocale: Locale;
};

// The public campaign page's timeline: sent updates its organisers chose to show there, newest
// first. A reader sees a language only where both its subject and its message exist.
export async function listPublishedUpdates(options: { campaignId: string }): Promise<PublishedUpdate[]> {
  const rows = await db.supporterUpdate.findMany({
    where: {
      status: "SENT",
      published: true,
      OR: [{ campaignId: options.campaignId }, { campaignId: null, organisation: { campaigns: { some: { campaignId: options.campaignId } } } }],
    },
    orderBy: { sentAt: "desc" },
    take: 50,
    select: { id: true, sentAt: true, subject: true, body: true, organisation: { select: { name: true } }, campaign: { select: { primaryLocale: true } } },
  });
  return rows.map((row) => {
    const texts = updateTexts(row);
    return {
      id: row.id,
      sentAt: row.sentAt!,
      organisation: readTranslations(row.organisation.name),
      subject: texts.subject,
      body: texts.body,
      primaryLocale: texts.primary,
    };
  });
}

// What an update's state reads as: a scheduled update whose time has come is starting to send
// (the update worker is fixing its recipients), not still waiting.
export function updateStatusView(update: { status: UpdateStatus; scheduledFor: Date | null; sentAt: Date | null }, now = new Date()): { key: UpdateStatus | "STARTING"; when: Date } {
  if (update.status === "SCHEDULED" && update.scheduledFor && update.scheduledFor <= now) return { key: "STARTING", when: update.scheduledFor };
  return { key: update.status, when: (update.status === "SCHEDULED" ? update.scheduledFor : update.sentAt) ?? now };
}
