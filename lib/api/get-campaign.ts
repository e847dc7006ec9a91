import { isPublic } from "../campaigns/lifecycle";
import { readDb } from "../db";
import { env } from "../env";
import { readTranslations } from "../i18n/translations";
import { publicOrganisation, publicOrganisationSelect } from "../organisations/profile";
import { apiUrl } from "../public-urls";
import { AppError } from "../errors";
import { campaignDetail, type CampaignDetail } from "./schema";
import { byEnglishName, decisionMakerSelect, iso, lower, shapeDecisionMaker, shapeStatement, shapeSummaries, statementSelect, summaryCampaignSelect } from "./shape";

// GET /api/v1/campaigns/{slug}: one published campaign with its demands, targets and totals.
export async function getApiCampaign(options: { slug: string }): Promise<CampaignDetail> {
  const campaign = await readDb.campaign.findUnique({
    where: { slug: options.slug },
    select: {
      ...summaryCampaignSelect,
      body: true,
      sourceStatement: { select: statementSelect },
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], select: { lead: true, organisation: { select: publicOrganisationSelect } } },
      demands: { orderBy: { position: "asc" }, select: { position: true, kind: true, text: true, sourceQuote: true, sourceStatement: { select: statementSelect } } },
      // A retired decision-maker is no longer addressed.
      targets: { where: { decisionMaker: { retiredAt: null } }, select: { decisionMaker: { select: decisionMakerSelect } } },
      milestones: { orderBy: { goal: "asc" }, select: { goal: true, reachedAt: true } },
    },
  });
  if (!campaign || !isPublic(campaign)) throw new AppError("NOT_FOUND");
  const [summary] = await shapeSummaries([{ ...campaign, owners: campaign.owners.filter((owner) => owner.lead) }]);
  return campaignDetail.parse({
    ...summary!,
    body: readTranslations(campaign.body),
    owners: campaign.owners.map((owner) => {
      const profile = publicOrganisation(owner.organisation);
      // The API's links are whole addresses, read far from our pages.
      const logo = profile.logo ? { large: `${env.APP_URL}${profile.logo.large}`, small: `${env.APP_URL}${profile.logo.small}` } : null;
      return { ...profile, logo, lead: owner.lead };
    }),
    statement: shapeStatement(campaign.sourceStatement),
    demands: campaign.demands.map((demand) => ({
      position: demand.position,
      kind: lower(demand.kind),
      text: readTranslations(demand.text),
      sourceQuote: demand.sourceQuote,
      statement: shapeStatement(demand.sourceStatement),
    })),
    targets: campaign.targets
      .map((target) => target.decisionMaker)
      .sort(byEnglishName)
      .map(shapeDecisionMaker),
    milestones: campaign.milestones.map((milestone) => ({ goal: milestone.goal, reachedAt: iso(milestone.reachedAt) })),
    links: { ...summary!.links, counts: apiUrl.counts(campaign.slug), deliveries: apiUrl.deliveries(campaign.slug) },
  });
}
