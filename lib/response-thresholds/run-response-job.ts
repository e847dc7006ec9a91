import { isPublic } from "../campaigns/lifecycle";
import { confirmedCount, paperCount } from "../campaigns/counters";
import { db } from "../db";
import { env } from "../env";
import { localized } from "../i18n/locales";
import type { PeriodicJob } from "../jobs/scheduler";
import { sendEmail, wakeOutbox } from "../mail/send-email";
import { findOverdueResponses, type OverdueResponse } from "./overdue-responses";

export type ResponseJobReport = { asked: number; organisersTold: number };

const dayMs = 86_400_000;

// Records, once, the moment each target of a campaign is asked to answer (the count reached a
// threshold), then tells the organisers of each answer that has fallen due unanswered, once per
// ask. Idempotent: the unique (campaign, target, count) index admits one ask, and an ask is
// claimed for its e-mail in the same transaction as the e-mail.
export async function runResponseJob(options: { now?: Date; campaignId?: string } = {}): Promise<ResponseJobReport> {
  const now = options.now ?? new Date();
  const report: ResponseJobReport = { asked: 0, organisersTold: 0 };
  const thresholds = await db.responseThreshold.findMany({
    where: { campaign: isPublic.where(now), ...(options.campaignId ? { campaignId: options.campaignId } : {}) },
    select: { campaignId: true, signatures: true, days: true },
  });
  for (const campaignId of new Set(thresholds.map((t) => t.campaignId))) {
    const count = (await confirmedCount(campaignId)) + (await paperCount(campaignId));
    const reached = thresholds.filter((t) => t.campaignId === campaignId && count >= t.signatures);
    if (reached.length === 0) continue;
    const targets = await db.campaignTarget.findMany({ where: { campaignId, decisionMaker: { retiredAt: null } }, select: { decisionMakerId: true } });
    const created = await db.responseAsk.createMany({
      data: reached.flatMap((threshold) =>
        targets.map((target) => ({
          campaignId,
          decisionMakerId: target.decisionMakerId,
          signatures: threshold.signatures,
          days: threshold.days,
          countAtAsk: count,
          askedAt: now,
          dueAt: new Date(now.getTime() + threshold.days * dayMs),
        })),
      ),
      skipDuplicates: true,
    });
    report.asked += created.count;
  }

  const overdue = await findOverdueResponses({ overdueMailedAt: null, ...(options.campaignId ? { campaignId: options.campaignId } : {}) }, now);
  for (const item of overdue) {
    if (await tellOrganisers(item, now)) report.organisersTold += 1;
  }
  if (report.organisersTold > 0) wakeOutbox();
  return report;
}

// Every owner and organiser of every organisation behind the campaign hears of it, once.
async function tellOrganisers(item: OverdueResponse, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await tx.responseAsk.updateMany({ where: { id: item.askId, overdueMailedAt: null }, data: { overdueMailedAt: now } });
    if (claimed.count === 0) return false;
    const owners = await tx.campaignOwner.findMany({
      where: { campaignId: item.campaign.id },
      select: { organisation: { select: { memberships: { where: { role: { in: ["OWNER", "ORGANISER"] } }, select: { user: { select: { id: true, email: true, locale: true } } } } } } },
    });
    const people = new Map(owners.flatMap((owner) => owner.organisation.memberships.map((m) => [m.user.id, m.user] as const)));
    for (const [userId, { email, locale: signedInWith }] of people) {
      // Each in the language they sign in with; one who never has, in the campaign's.
      const locale = signedInWith ?? item.campaign.primaryLocale;
      const title = localized(locale, item.campaign.title, item.campaign.primaryLocale);
      await sendEmail(tx, {
        template: "response-overdue",
        to: email,
        locale,
        idempotencyKey: `response-overdue:${item.askId}:${userId}`,
        props: {
          locale,
          campaignTitle: title.text,
          campaignTitleLocale: title.locale,
          decisionMakerName: localized(locale, item.decisionMaker.name).text,
          institution: localized(locale, item.decisionMaker.institution).text,
          signatures: item.signatures,
          askedAt: item.askedAt.toISOString(),
          dueAt: item.dueAt.toISOString(),
          deliveryUrl: `${env.APP_URL}/${locale}/organiser/campaigns/${encodeURIComponent(item.campaign.id)}/delivery#responses-due-heading`,
        },
      });
    }
    return true;
  });
}

// Every quarter of an hour: an ask is recorded within it of the count reaching the threshold, and
// before the digest job looks (it runs first in the scheduler's list).
export const responseJob: PeriodicJob = {
  name: "response-thresholds",
  periodMs: 15 * 60_000,
  run: async (now) => runResponseJob({ now }),
};
