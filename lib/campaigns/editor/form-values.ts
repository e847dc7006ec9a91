import { editorLimits, isEmptyDemandRow } from "./schema";

// The campaign editor's form, as the strings its controls hold. campaignInputSchema validates this
// shape; the form shows it back after an error, so nothing the organiser typed is lost.
// `remove`: the organiser ticked "Remove this demand"; the row is dropped when saving, but shown
// again (still ticked) if the form comes back with an error.
export type DemandRowValues = { kind: string; textEn: string; textAr: string; sourceQuote: string; sourceStatementId: string; remove: boolean };

export type EditorValues = {
  titleEn: string;
  titleAr: string;
  summaryEn: string;
  summaryAr: string;
  bodyEn: string;
  bodyAr: string;
  goals: string;
  opensAt: string;
  closesAt: string;
  retentionMonths: string;
  sourceStatementId: string;
  demands: DemandRowValues[];
  decisionMakerIds: string[];
};

const textFields = ["titleEn", "titleAr", "summaryEn", "summaryAr", "bodyEn", "bodyAr", "goals", "opensAt", "closesAt", "retentionMonths", "sourceStatementId"] as const;
const demandFields = ["kind", "textEn", "textAr", "sourceQuote", "sourceStatementId"] as const;

export const blankDemandRow: DemandRowValues = { kind: "", textEn: "", textAr: "", sourceQuote: "", sourceStatementId: "", remove: false };

// Demand rows are named "demands.<row>.<field>" and keep their numbers, blank and removed rows
// included, so every error message points at the row the organiser sees.
export function editorValuesFromFormData(formData: FormData): EditorValues {
  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const rows: DemandRowValues[] = [];
  for (const [name, value] of formData.entries()) {
    const match = /^demands\.(\d{1,3})\.(\w+)$/.exec(name);
    if (!match || typeof value !== "string") continue;
    const row = Number(match[1]);
    if (row >= editorLimits.demandRows) continue;
    const field = match[2]!;
    if (field !== "remove" && !(demandFields as readonly string[]).includes(field)) continue;
    while (rows.length <= row) rows.push({ ...blankDemandRow });
    if (field === "remove") rows[row]!.remove = true;
    else rows[row]![field as (typeof demandFields)[number]] = value;
  }
  const values = Object.fromEntries(textFields.map((field) => [field, read(field)])) as Omit<EditorValues, "demands" | "decisionMakerIds">;
  const decisionMakerIds = formData.getAll("decisionMakerIds").filter((id): id is string => typeof id === "string");
  return { ...values, demands: rows, decisionMakerIds };
}

// A stored date as a date input shows it (UTC).
function dateInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export type EditableCampaignFields = {
  titleEn: string;
  titleAr: string | null;
  summaryEn: string;
  summaryAr: string | null;
  bodyEn: string;
  bodyAr: string | null;
  goals: number[];
  opensAt: Date | null;
  closesAt: Date | null;
  retentionMonths: number;
  sourceStatementId: string | null;
  demands: { kind: string; textEn: string; textAr: string | null; sourceQuote: string | null; sourceStatementId: string | null }[];
  decisionMakerIds: string[];
};

export function editorValuesFromCampaign(campaign: EditableCampaignFields): EditorValues {
  return {
    titleEn: campaign.titleEn,
    titleAr: campaign.titleAr ?? "",
    summaryEn: campaign.summaryEn,
    summaryAr: campaign.summaryAr ?? "",
    bodyEn: campaign.bodyEn,
    bodyAr: campaign.bodyAr ?? "",
    goals: campaign.goals.join(", "),
    opensAt: dateInputValue(campaign.opensAt),
    closesAt: dateInputValue(campaign.closesAt),
    retentionMonths: String(campaign.retentionMonths),
    sourceStatementId: campaign.sourceStatementId ?? "",
    demands: campaign.demands.map((demand) => ({
      kind: demand.kind,
      textEn: demand.textEn,
      textAr: demand.textAr ?? "",
      sourceQuote: demand.sourceQuote ?? "",
      sourceStatementId: demand.sourceStatementId ?? "",
      remove: false,
    })),
    decisionMakerIds: campaign.decisionMakerIds,
  };
}

// The rows the form shows: every row so far (so error paths still point at the right one) and at
// least two empty ones after the last filled row, for adding demands without JavaScript.
export function demandRowsForForm(rows: DemandRowValues[], spare = 2): DemandRowValues[] {
  const result = [...rows];
  let trailingBlank = 0;
  for (let index = result.length - 1; index >= 0 && isEmptyDemandRow(result[index]); index--) trailingBlank++;
  while (trailingBlank < spare && result.length < editorLimits.demandRows) {
    result.push({ ...blankDemandRow });
    trailingBlank++;
  }
  return result;
}

export const newCampaignValues: EditorValues = {
  titleEn: "",
  titleAr: "",
  summaryEn: "",
  summaryAr: "",
  bodyEn: "",
  bodyAr: "",
  goals: "1000, 10000, 100000",
  opensAt: "",
  closesAt: "",
  retentionMonths: "6",
  sourceStatementId: "",
  demands: [],
  decisionMakerIds: [],
};
