import type { Prisma } from "../generated/prisma/client";
import type { CampaignStatus } from "../generated/prisma/enums";

// A campaign's life, decided here only. A draft is seen by its organisers alone. Once published it
// is upcoming until its opening date, open until its closing date passes or an organiser closes
// it, then closed; its page and count stay public throughout. Only an open campaign takes signatures.
//
// Each rule is a predicate on a campaign read into JavaScript (`isOpen(campaign)`), a Prisma
// condition (`isOpen.where(now)`) and a SQL condition on the database's own clock
// (`isOpen.sql("c")`, for a `campaigns` row under that alias), so the three cannot drift apart.

export type CampaignPhase = "draft" | "upcoming" | "open" | "closed";

type Published = { status: CampaignStatus };
type Dated = Published & { opensAt: Date | null; closesAt: Date | null };

type Rule<Campaign> = ((campaign: Campaign, now?: Date) => boolean) & {
  where(now?: Date): Prisma.CampaignWhereInput;
  sql(alias: string): string;
};

function rule<Campaign>(test: (campaign: Campaign, now: Date) => boolean, where: (now: Date) => Prisma.CampaignWhereInput, sql: (alias: string) => string): Rule<Campaign> {
  return Object.assign((campaign: Campaign, now = new Date()) => test(campaign, now), { where: (now = new Date()) => where(now), sql });
}

// Stored times are UTC without a time zone, so the database's clock is read in UTC to compare.
const sqlNow = "(now() AT TIME ZONE 'UTC')";

const hasOpened = (campaign: Dated, now: Date) => campaign.opensAt === null || campaign.opensAt <= now;
const hasPassedClosing = (campaign: Dated, now: Date) => campaign.closesAt !== null && campaign.closesAt <= now;

export const isPublic: Rule<Published> = rule(
  (campaign) => campaign.status !== "DRAFT",
  () => ({ status: { not: "DRAFT" } }),
  (c) => `${c}.status <> 'DRAFT'`,
);

// Past its closing date a campaign is closed, whether or not anyone has pressed Close.
export const isClosed: Rule<Dated> = rule(
  (campaign, now) => campaign.status === "CLOSED" || (campaign.status === "OPEN" && hasPassedClosing(campaign, now)),
  (now) => ({ OR: [{ status: "CLOSED" }, { status: "OPEN", closesAt: { lte: now } }] }),
  (c) => `(${c}.status = 'CLOSED' OR (${c}.status = 'OPEN' AND ${c}.closes_at <= ${sqlNow}))`,
);

export const isOpen: Rule<Dated> = rule(
  (campaign, now) => campaign.status === "OPEN" && hasOpened(campaign, now) && !hasPassedClosing(campaign, now),
  (now) => ({ status: "OPEN", AND: [{ OR: [{ opensAt: null }, { opensAt: { lte: now } }] }, { OR: [{ closesAt: null }, { closesAt: { gt: now } }] }] }),
  (c) => `(${c}.status = 'OPEN' AND (${c}.opens_at IS NULL OR ${c}.opens_at <= ${sqlNow}) AND (${c}.closes_at IS NULL OR ${c}.closes_at > ${sqlNow}))`,
);

// Published, not yet at its opening date, and not already past its closing date.
export const isUpcoming: Rule<Dated> = rule(
  (campaign, now) => campaign.status === "OPEN" && !hasOpened(campaign, now) && !hasPassedClosing(campaign, now),
  (now) => ({ status: "OPEN", opensAt: { gt: now }, OR: [{ closesAt: null }, { closesAt: { gt: now } }] }),
  (c) => `(${c}.status = 'OPEN' AND ${c}.opens_at > ${sqlNow} AND (${c}.closes_at IS NULL OR ${c}.closes_at > ${sqlNow}))`,
);

export function campaignPhase(campaign: Dated, now = new Date()): CampaignPhase {
  if (!isPublic(campaign)) return "draft";
  if (isClosed(campaign, now)) return "closed";
  return hasOpened(campaign, now) ? "open" : "upcoming";
}
