// How a decision-maker is named wherever one is listed or picked: who, in which office, where.
export type DecisionMakerProfile = {
  id: string;
  name: string;
  title: string | null;
  titleAr: string | null;
  institution: string;
  institutionAr: string | null;
  country: string;
  region: string | null;
};

export const decisionMakerProfileSelect = {
  id: true,
  name: true,
  title: true,
  titleAr: true,
  institution: true,
  institutionAr: true,
  country: true,
  region: true,
} as const satisfies Record<keyof DecisionMakerProfile, true>;
