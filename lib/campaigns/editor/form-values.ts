import { isLocale, locales, type Locale } from "../../i18n/locales";
import { formTexts, type Translations } from "../../i18n/translations";
import { editorLimits, isEmptyDemandRow } from "./schema";

// The campaign editor's form, as the strings its controls hold. campaignInputSchema validates this
// shape; the form shows it back after an error, so nothing the organiser typed is lost.
// Texts hold every enabled language, "" where none is written.
// `remove`: the organiser ticked "Remove this demand"; the row is dropped when saving, but shown
// again (still ticked) if the form comes back with an error.
export type TextValues = Record<Locale, string>;
export type DemandRowValues = { kind: string; text: TextValues; sourceQuote: string; sourceStatementId: string; remove: boolean };

export type EditorValues = {
  primaryLocale: string;
  title: TextValues;
  summary: TextValues;
  body: TextValues;
  goals: string;
  opensAt: string;
  closesAt: string;
  retentionMonths: string;
  sourceStatementId: string;
  demands: DemandRowValues[];
  decisionMakerIds: string[];
};

export const translatedFields = ["title", "summary", "body"] as const;
const textFields = ["primaryLocale", "goals", "opensAt", "closesAt", "retentionMonths", "sourceStatementId"] as const;
const demandFields = ["kind", "sourceQuote", "sourceStatementId"] as const;


export function blankDemandRow(): DemandRowValues {
  return { kind: "", text: formTexts(), sourceQuote: "", sourceStatementId: "", remove: false };
}

// Texts are named "<field>.<language>" ("title.ar"). Demand rows are named
// "demands.<row>.<field>" ("demands.2.text.ar") and keep their numbers, blank and removed rows
// included, so every error message points at the row the organiser sees.
export function editorValuesFromFormData(formData: FormData): EditorValues {
  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const readTexts = (prefix: string) => Object.fromEntries(locales.map((locale) => [locale, read(`${prefix}.${locale}`)])) as TextValues;
  const rows: DemandRowValues[] = [];
  for (const [name, value] of formData.entries()) {
    const match = /^demands\.(\d{1,3})\.(\w+)(?:\.(\w+))?$/.exec(name);
    if (!match || typeof value !== "string") continue;
    const row = Number(match[1]);
    if (row >= editorLimits.demandRows) continue;
    const [field, locale] = [match[2]!, match[3]];
    const known = field === "remove" || (field === "text" && isLocale(locale)) || (!locale && (demandFields as readonly string[]).includes(field));
    if (!known) continue;
    while (rows.length <= row) rows.push(blankDemandRow());
    if (field === "remove") rows[row]!.remove = true;
    else if (field === "text") rows[row]!.text[locale as Locale] = value;
    else rows[row]![field as (typeof demandFields)[number]] = value;
  }
  const values = Object.fromEntries(textFields.map((field) => [field, read(field)])) as Pick<EditorValues, (typeof textFields)[number]>;
  const texts = Object.fromEntries(translatedFields.map((field) => [field, readTexts(field)])) as Pick<EditorValues, (typeof translatedFields)[number]>;
  const decisionMakerIds = formData.getAll("decisionMakerIds").filter((id): id is string => typeof id === "string");
  return { ...values, ...texts, demands: rows, decisionMakerIds };
}

// A stored date as a date input shows it (UTC).
function dateInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

export type EditableCampaignFields = {
  primaryLocale: Locale;
  title: Translations;
  summary: Translations;
  body: Translations;
  goals: number[];
  opensAt: Date | null;
  closesAt: Date | null;
  retentionMonths: number;
  sourceStatementId: string | null;
  demands: { kind: string; text: Translations; sourceQuote: string | null; sourceStatementId: string | null }[];
  decisionMakerIds: string[];
};

export function editorValuesFromCampaign(campaign: EditableCampaignFields): EditorValues {
  return {
    primaryLocale: campaign.primaryLocale,
    title: formTexts(campaign.title),
    summary: formTexts(campaign.summary),
    body: formTexts(campaign.body),
    goals: campaign.goals.join(", "),
    opensAt: dateInputValue(campaign.opensAt),
    closesAt: dateInputValue(campaign.closesAt),
    retentionMonths: String(campaign.retentionMonths),
    sourceStatementId: campaign.sourceStatementId ?? "",
    demands: campaign.demands.map((demand) => ({
      kind: demand.kind,
      text: formTexts(demand.text),
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
    result.push(blankDemandRow());
    trailingBlank++;
  }
  return result;
}

// A new campaign starts in the organiser's own language.
export function newCampaignValues(locale: Locale): EditorValues {
  return {
    primaryLocale: locale,
    title: formTexts(),
    summary: formTexts(),
    body: formTexts(),
    goals: "1000, 10000, 100000",
    opensAt: "",
    closesAt: "",
    retentionMonths: "6",
    sourceStatementId: "",
    demands: [],
    decisionMakerIds: [],
  };
}
