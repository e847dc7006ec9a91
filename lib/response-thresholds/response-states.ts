import { db } from "../db";
import { confirmedCount, paperCount } from "../campaigns/counters";
import { readTranslations, type Translations } from "../i18n/translations";

// Where a decision-maker stands with the answer the campaign's threshold asks of them:
// - notAsked: the count has not reached the threshold (or there is none);
// - asked: the count reached it on askedAt, and the answer is due by dueAt;
// - overdue: dueAt has passed and no response is recorded;
// - answered: the organisers recorded a response from them (published or not).
export type ResponseState =
  | { state: "notAsked" }
  | { state: "asked" | "overdue"; askedAt: Date; dueAt: Date; signatures: number; days: number }
  | { state: "answered"; respondedOn: Date; published: { summary: Translations; url: string | null } | null };

type TargetResponseState = { decisionMakerId: string; name: Translations; institution: Translations } & ResponseState;

export type CampaignResponses = {
  thresholds: { signatures: number; days: number }[];
  // The public count: confirmed online signatures and paper ones, as the campaign page shows it.
  count: number;
  targets: TargetResponseState[];
};

type Ask = { askedAt: Date; dueAt: Date; signatures: number; days: number };
type Response = { respondedOn: Date; summary: Translations; url: string | null; published: boolean };

// Any response recorded counts as the answer: an answer given before the threshold was reached is
// still an answer. Otherwise the latest ask decides.
function stateOf(ask: Ask | undefined, responses: Response[], now: Date): ResponseState {
  const latest = responses[0];
  if (latest) {
    const shown = responses.find((response) => response.published);
    return { state: "answered", respondedOn: latest.respondedOn, published: shown ? { summary: shown.summary, url: shown.url } : null };
  }
  if (!ask) return { state: "notAsked" };
  return { state: ask.dueAt.getTime() < now.getTime() ? "overdue" : "asked", askedAt: ask.askedAt, dueAt: ask.dueAt, signatures: ask.signatures, days: ask.days };
}

// Each active target of a campaign and where it stands; read-only (asks are recorded by the job).
export async function getCampaignResponses(campaignId: string, now = new Date()): Promise<CampaignResponses> {
  const [thresholds, targets, asks, responses, online, paper] = await Promise.all([
    db.responseThreshold.findMany({ where: { campaignId }, orderBy: { signatures: "asc" }, select: { signatures: true, days: true } }),
    db.campaignTarget.findMany({
      where: { campaignId, decisionMaker: { retiredAt: null } },
      orderBy: [{ createdAt: "asc" }, { decisionMakerId: "asc" }],
      select: { decisionMaker: { select: { id: true, name: true, institution: true } } },
    }),
    db.responseAsk.findMany({ where: { campaignId }, orderBy: { signatures: "desc" }, select: { decisionMakerId: true, askedAt: true, dueAt: true, signatures: true, days: true } }),
    db.decisionMakerResponse.findMany({
      where: { campaignId },
      orderBy: [{ respondedOn: "desc" }, { createdAt: "desc" }],
      select: { decisionMakerId: true, respondedOn: true, summary: true, url: true, published: true },
    }),
    confirmedCount(campaignId),
    paperCount(campaignId),
  ]);
  return {
    thresholds,
    count: online + paper,
    targets: targets.map(({ decisionMaker }) => ({
      decisionMakerId: decisionMaker.id,
      name: readTranslations(decisionMaker.name),
      institution: readTranslations(decisionMaker.institution),
      ...stateOf(
        asks.find((ask) => ask.decisionMakerId === decisionMaker.id),
        responses.filter((response) => response.decisionMakerId === decisionMaker.id).map((response) => ({ ...response, summary: readTranslations(response.summary) })),
        now,
      ),
    })),
  };
}
