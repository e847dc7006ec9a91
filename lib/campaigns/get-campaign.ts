import { db } from "../db";
import { publicOrganisation, publicOrganisationSelect, type PublicOrganisation } from "../organisations/profile";
import type { CampaignStatus, DemandKind } from "../generated/prisma/enums";
import type { Locale } from "../i18n/locales";
import { readTranslations, type Translations } from "../i18n/translations";
import { statementFacts, statementFactsSelect, type StatementFacts } from "../statements/statement-facts";
import { confirmedCount, paperCount } from "./counters";
import { goalProgress, type GoalProgress } from "./goals";
import { campaignPhase, isOpen, isPublic, type CampaignPhase } from "./lifecycle";

type StatementRef = StatementFacts;

export type CampaignPage = {
  id: string;
  slug: string;
  status: CampaignStatus;
  phase: CampaignPhase;
  // Whether it takes signatures now.
  isOpen: boolean;
  // The language it is written in; its texts fall back to it (localized(locale, text, primaryLocale)).
  primaryLocale: Locale;
  title: Translations;
  summary: Translations;
  body: Translations;
  // The organisations that run it, the lead first, as the public sees them.
  owners: (PublicOrganisation & { lead: boolean })[];
  statement: StatementRef | null;
  demands: { kind: DemandKind; text: Translations; sourceQuote: string | null; statement: StatementRef | null }[];
  progress: GoalProgress;
  closesAt: Date | null;
};

const statementRef = (statement: Parameters<typeof statementFacts>[0] | null): StatementRef | null => (statement ? statementFacts(statement) : null);

// A campaign shaped for its page, whatever its status: the public page and the organisers'
// preview both render this.
export async function loadCampaignPage(where: { slug: string } | { id: string }): Promise<CampaignPage | null> {
  const campaign = await db.campaign.findUnique({
    where,
    include: {
      owners: { orderBy: [{ lead: "desc" }, { createdAt: "asc" }], include: { organisation: { select: publicOrganisationSelect } } },
      sourceStatement: { select: statementFactsSelect },
      demands: { orderBy: { position: "asc" }, include: { sourceStatement: { select: statementFactsSelect } } },
    },
  });
  if (!campaign) return null;
  const [online, paper] = await Promise.all([confirmedCount(campaign.id), paperCount(campaign.id)]);
  return {
    id: campaign.id,
    slug: campaign.slug,
    status: campaign.status,
    phase: campaignPhase(campaign),
    isOpen: isOpen(campaign),
    primaryLocale: campaign.primaryLocale,
    title: readTranslations(campaign.title),
    summary: readTranslations(campaign.summary),
    body: readTranslations(campaign.body),
    owners: campaign.owners.map((owner) => ({ ...publicOrganisation(owner.organisation), lead: owner.lead })),
    statement: statementRef(campaign.sourceStatement),
    demands: campaign.demands.map((demand) => ({
      kind: demand.kind,
      text: readTranslations(demand.text),
      sourceQuote: demand.sourceQuote,
      statement: statementRef(demand.sourceStatement),
    })),
    progress: goalProgress(online, campaign.goals, paper),
    closesAt: campaign.closesAt,
  };
}

// A campaign as the public sees it; drafts are not public.
export async function getPublicCampaign(slug: string): Promise<CampaignPage | null> {
  const campaign = await loadCampaignPage({ slug });
  return campaign && isPublic(campaign) ? campaign : null;
}
