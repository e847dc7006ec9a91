import { db } from "../db";

// Decision-makers with these "countries" speak for everyone, wherever the writer lives.
export const internationalCountries = ["UN", "INT"] as const;

export type LetterRecipient = {
  id: string;
  name: string;
  title: { en: string | null; ar: string | null };
  institution: { en: string; ar: string | null };
  country: string;
  region: string | null;
  email: string;
  // Writing to them may put the writer at risk: never preselected, and sent only after a warning.
  riskToSigners: boolean;
};

export type RecipientChoice = {
  recipients: LetterRecipient[];
  // Regions the directory knows in the chosen country: a region narrows the list further.
  regions: string[];
  // Countries where the directory has someone to write to, international bodies aside.
  countries: string[];
};

// Whom this campaign's supporters may write to: the decision-makers it targets, those in the
// directories of the organisations that run it, and the shared directory, unless retired.
function candidateFilter(campaignId: string) {
  return {
    retiredAt: null,
    OR: [{ targets: { some: { campaignId } } }, { organisationId: null }, { organisation: { campaigns: { some: { campaignId } } } }],
  };
}

const recipientSelect = { id: true, name: true, title: true, titleAr: true, institution: true, institutionAr: true, country: true, region: true, email: true, riskToSigners: true } as const;

// The decision-makers matching where a supporter lives: those of their country (of their region,
// when one is chosen, plus those for the whole country), and the international ones.
export async function findLetterRecipients(options: { campaignId: string; country?: string; region?: string }): Promise<RecipientChoice> {
  const rows = await db.decisionMaker.findMany({
    where: candidateFilter(options.campaignId),
    select: recipientSelect,
    orderBy: [{ country: "asc" }, { region: "asc" }, { name: "asc" }],
  });
  const international = (country: string) => (internationalCountries as readonly string[]).includes(country);
  const countries = [...new Set(rows.map((row) => row.country).filter((country) => !international(country)))].sort();
  const inCountry = options.country ? rows.filter((row) => row.country === options.country) : [];
  const regions = [...new Set(inCountry.map((row) => row.region).filter((region): region is string => Boolean(region)))].sort();
  const region = options.region && regions.includes(options.region) ? options.region : undefined;
  const local = inCountry
    .filter((row) => row.region === null || row.region === region)
    // The writer's own region first, then the country as a whole.
    .sort((a, b) => Number(b.region !== null) - Number(a.region !== null));
  const matched = [...local, ...rows.filter((row) => international(row.country))];
  return {
    recipients: matched.map((row) => ({
      id: row.id,
      name: row.name,
      title: { en: row.title, ar: row.titleAr },
      institution: { en: row.institution, ar: row.institutionAr },
      country: row.country,
      region: row.region,
      email: row.email,
      riskToSigners: row.riskToSigners,
    })),
    regions,
    countries,
  };
}

// One recipient, if a supporter of this campaign may write to them.
export async function findLetterRecipient(options: { campaignId: string; decisionMakerId: string }) {
  return db.decisionMaker.findFirst({
    where: { id: options.decisionMakerId, ...candidateFilter(options.campaignId) },
    select: recipientSelect,
  });
}

// The recipient a page offers first: none that is marked as a risk to writers, nor one this
// signature has already written to. There may be none, and then nothing is chosen.
export function preselectedRecipient(recipients: readonly Pick<LetterRecipient, "id" | "riskToSigners">[], alreadyWritten: ReadonlySet<string>): string | null {
  return recipients.find((recipient) => !recipient.riskToSigners && !alreadyWritten.has(recipient.id))?.id ?? null;
}
