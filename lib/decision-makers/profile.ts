import { readTranslations, type Translations } from "../i18n/translations";

// How a decision-maker is named wherever one is listed or picked: who, in which office, where;
// name, office and institution each in the languages the directory gives them in.
export type DecisionMakerProfile = {
  id: string;
  name: Translations;
  title: Translations;
  institution: Translations;
  country: string;
  region: string | null;
};

export const decisionMakerProfileSelect = {
  id: true,
  name: true,
  title: true,
  institution: true,
  country: true,
  region: true,
} as const satisfies Record<keyof DecisionMakerProfile, true>;

type Texts = Pick<DecisionMakerProfile, "name" | "title" | "institution">;

// A decision-maker's row (read with decisionMakerProfileSelect, or more), its texts read per language.
export function decisionMakerProfile<Row extends Record<keyof Texts, unknown>>(row: Row): Omit<Row, keyof Texts> & Texts {
  return { ...row, name: readTranslations(row.name), title: readTranslations(row.title), institution: readTranslations(row.institution) };
}
