import type { Actor } from "../../auth/authorize";
import { recordAudit, requireOrganisationRole } from "../../auth/authorize";
import { db } from "../../db";
import { isUniqueViolation } from "../../errors";
import { checkReferences } from "./check-references";
import { parseCampaignInput } from "./schema";
import { firstFreeSlug, slugFromTitle } from "./slug";

export type CreateCampaignOptions = { actor: Actor; organisationId: string; input: unknown };
export type CreatedCampaign = { id: string; slug: string };

// A new draft, owned (and led) by the organisation. Its slug is made from the English title once
// and never changes after, so links to the campaign keep working whatever its title becomes.
export async function createCampaign(options: CreateCampaignOptions): Promise<CreatedCampaign> {
  const { actor, organisationId } = options;
  requireOrganisationRole(actor, organisationId, "ORGANISER");
  const input = parseCampaignInput(options.input);
  const base = slugFromTitle(input.titleEn);

  // Two campaigns created at once with the same title: the loser of the unique index takes the next slug.
  for (let attempt = 1; ; attempt++) {
    const taken = await db.campaign.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const slug = firstFreeSlug(base, taken.map((campaign) => campaign.slug));
    try {
      return await db.$transaction(async (tx) => {
        await checkReferences(tx, { organisationId, input });
        const campaign = await tx.campaign.create({
          data: {
            slug,
            status: "DRAFT",
            titleEn: input.titleEn,
            titleAr: input.titleAr,
            summaryEn: input.summaryEn,
            summaryAr: input.summaryAr,
            bodyEn: input.bodyEn,
            bodyAr: input.bodyAr,
            goals: input.goals,
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            sourceStatementId: input.sourceStatementId,
            owners: { create: { organisationId, lead: true } },
            demands: {
              create: input.demands.map((demand, position) => ({
                position,
                kind: demand.kind,
                textEn: demand.textEn,
                textAr: demand.textAr,
                sourceQuote: demand.sourceQuote,
                sourceStatementId: demand.sourceStatementId,
              })),
            },
            targets: { create: input.decisionMakerIds.map((decisionMakerId) => ({ decisionMakerId })) },
          },
          select: { id: true, slug: true },
        });
        await recordAudit(tx, { organisationId, actor, action: "campaign.create", campaignId: campaign.id, affected: 1, details: { slug } });
        return campaign;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}
