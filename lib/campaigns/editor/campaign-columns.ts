import type { CampaignInput } from "./schema";

// The campaign's own columns as the editor writes them, on creation and on every edit alike.
export function campaignColumns(input: CampaignInput, dates: { opensAt: Date | null; closesAt: Date | null } = input) {
  return {
    titleEn: input.titleEn,
    titleAr: input.titleAr,
    summaryEn: input.summaryEn,
    summaryAr: input.summaryAr,
    bodyEn: input.bodyEn,
    bodyAr: input.bodyAr,
    goals: input.goals,
    opensAt: dates.opensAt,
    closesAt: dates.closesAt,
    retentionMonths: input.retentionMonths,
    sourceStatementId: input.sourceStatementId,
  };
}

// The demands' rows, numbered in the order the organiser gave them.
export function demandRows(input: CampaignInput) {
  return input.demands.map((demand, position) => ({
    position,
    kind: demand.kind,
    textEn: demand.textEn,
    textAr: demand.textAr,
    sourceQuote: demand.sourceQuote,
    sourceStatementId: demand.sourceStatementId,
  }));
}
