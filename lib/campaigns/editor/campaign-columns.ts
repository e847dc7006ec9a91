import type { CampaignInput } from "./schema";

// The campaign's own columns as the editor writes them, on creation and on every edit alike.
export function campaignColumns(input: CampaignInput, dates: { opensAt: Date | null; closesAt: Date | null } = input) {
  return {
    primaryLocale: input.primaryLocale,
    title: input.title,
    summary: input.summary,
    body: input.body,
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
    text: demand.text,
    sourceQuote: demand.sourceQuote,
    sourceStatementId: demand.sourceStatementId,
  }));
}
