import type { Actor } from "../../auth/authorize";
import { recordAudit, requireOrganisationRole } from "../../auth/authorize";
import { db } from "../../db";
import { isUniqueViolation } from "../../errors";
import { checkReferences } from "./check-references";
import { parseCampaignInput } from "./schema";
import { firstFreeSlug, slugFromTitle } from "./slug";
import { campaignColumns, demandRows } from "./campaign-columns";

export type CreateCampaignOptions = { actor: Actor; organisationId: string; input: unknown };
export type CreatedCampaign = { id: string; slug: string };

// A new draft, owned (and led) by the organisation. Its slug is made once from the title in the
// language it is written in, and never changes after, so links to the campaign keep working
// whatever its title becomes.
export async function createCampaign(options: CreateCampaignOptions): Promise<CreatedCampaign> {
  const { actor, organisationId } = options;
  requireOrganisationRole(actor, organisationId, "ORGANISER");
  const input = parseCampaignInput(options.input);
  const base = slugFromTitle(input.title[input.primaryLocale] ?? "");

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
            ...campaignColumns(input),
            owners: { create: { organisationId, lead: true } },
            demands: { create: demandRows(input) },
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
