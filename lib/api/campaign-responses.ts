import { db } from "../db";
import { getCampaignResponses } from "../response-thresholds/response-states";
import { findPublicCampaignId } from "./find-public-campaign";
import { campaignResponses, type CampaignResponsesBody } from "./schema";
import { decisionMakerSelect, iso, isoDay, shapeDecisionMaker } from "./shape";

const apiState = { notAsked: "not_asked", asked: "asked", overdue: "overdue", answered: "answered" } as const;

// GET /api/v1/campaigns/{slug}/responses: the same states the campaign page shows; an unpublished
// response counts as an answer but is not quoted.
export async function getApiCampaignResponses(options: { slug: string; now?: Date }): Promise<CampaignResponsesBody> {
  const campaign = await findPublicCampaignId(options.slug);
  const responses = await getCampaignResponses(campaign.id, options.now);
  const people = await db.decisionMaker.findMany({ where: { id: { in: responses.targets.map((t) => t.decisionMakerId) } }, select: decisionMakerSelect });
  return campaignResponses.parse({
    campaign: campaign.slug,
    count: responses.count,
    thresholds: responses.thresholds,
    targets: responses.targets.map((target) => {
      const asked = target.state === "asked" || target.state === "overdue" ? target : null;
      const answered = target.state === "answered" ? target : null;
      return {
        decisionMaker: shapeDecisionMaker(people.find((person) => person.id === target.decisionMakerId)!),
        state: apiState[target.state],
        askedAt: asked ? iso(asked.askedAt) : null,
        dueAt: asked ? iso(asked.dueAt) : null,
        thresholdSignatures: asked ? asked.signatures : null,
        respondedOn: answered ? isoDay(answered.respondedOn) : null,
        response: answered?.published ? { summary: answered.published.summary, url: answered.published.url } : null,
      };
    }),
  });
}
