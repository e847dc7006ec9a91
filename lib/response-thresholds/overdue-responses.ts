import { roleAtLeast, type Actor } from "../auth/authorize";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";

export type OverdueResponse = {
  askId: string;
  campaign: { id: string; slug: string; title: Translations; primaryLocale: Locale };
  decisionMaker: { id: string; name: Translations; institution: Translations };
  signatures: number;
  askedAt: Date;
  dueAt: Date;
  overdueMailedAt: Date | null;
};

// Asks whose due date has passed with no response recorded, for targets the campaign still
// addresses; of a target asked at several counts, only the latest ask stands.
export async function findOverdueResponses(where: Prisma.ResponseAskWhereInput, now: Date): Promise<OverdueResponse[]> {
  const asks = await db.responseAsk.findMany({
    where: { ...where, dueAt: { lt: now }, decisionMaker: { retiredAt: null } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      signatures: true,
      askedAt: true,
      dueAt: true,
      overdueMailedAt: true,
      campaign: { select: { id: true, slug: true, title: true, primaryLocale: true } },
      decisionMaker: { select: { id: true, name: true, institution: true } },
    },
  });
  if (asks.length === 0) return [];
  const campaignIds = [...new Set(asks.map((ask) => ask.campaign.id))];
  const decisionMakerIds = [...new Set(asks.map((ask) => ask.decisionMaker.id))];
  const pair = (campaignId: string, decisionMakerId: string) => `${campaignId}|${decisionMakerId}`;
  const [targets, responses, later] = await Promise.all([
    db.campaignTarget.findMany({ where: { campaignId: { in: campaignIds }, decisionMakerId: { in: decisionMakerIds } }, select: { campaignId: true, decisionMakerId: true } }),
    db.decisionMakerResponse.findMany({ where: { campaignId: { in: campaignIds }, decisionMakerId: { in: decisionMakerIds } }, select: { campaignId: true, decisionMakerId: true } }),
    db.responseAsk.groupBy({ by: ["campaignId", "decisionMakerId"], where: { campaignId: { in: campaignIds }, decisionMakerId: { in: decisionMakerIds } }, _max: { signatures: true } }),
  ]);
  const addressed = new Set(targets.map((t) => pair(t.campaignId, t.decisionMakerId)));
  const answered = new Set(responses.map((r) => pair(r.campaignId, r.decisionMakerId)));
  const latest = new Map(later.map((row) => [pair(row.campaignId, row.decisionMakerId), row._max.signatures]));
  return asks
    .filter((ask) => {
      const key = pair(ask.campaign.id, ask.decisionMaker.id);
      return addressed.has(key) && !answered.has(key) && latest.get(key) === ask.signatures;
    })
    .map((ask) => ({
      askId: ask.id,
      campaign: { ...ask.campaign, title: readTranslations(ask.campaign.title) },
      decisionMaker: { id: ask.decisionMaker.id, name: readTranslations(ask.decisionMaker.name), institution: readTranslations(ask.decisionMaker.institution) },
      signatures: ask.signatures,
      askedAt: ask.askedAt,
      dueAt: ask.dueAt,
      overdueMailedAt: ask.overdueMailedAt,
    }));
}

// The overdue answers of each organisation the actor organises for (viewers do not chase answers).
export async function listOrganisationOverdue(options: { actor: Actor; now?: Date }): Promise<Map<string, OverdueResponse[]>> {
  const organisationIds = options.actor.memberships.filter((m) => roleAtLeast(m.role, "ORGANISER")).map((m) => m.organisationId);
  const result = new Map<string, OverdueResponse[]>();
  if (organisationIds.length === 0) return result;
  const overdue = await findOverdueResponses({ campaign: { owners: { some: { organisationId: { in: organisationIds } } } } }, options.now ?? new Date());
  if (overdue.length === 0) return result;
  const owners = await db.campaignOwner.findMany({ where: { campaignId: { in: [...new Set(overdue.map((o) => o.campaign.id))] }, organisationId: { in: organisationIds } }, select: { campaignId: true, organisationId: true } });
  for (const { campaignId, organisationId } of owners) {
    result.set(organisationId, [...(result.get(organisationId) ?? []), ...overdue.filter((o) => o.campaign.id === campaignId)]);
  }
  return result;
}
