import { db } from "../db";
import { localized, type Locale } from "../i18n/locales";
import type { Translations } from "../i18n/translations";
import { decisionMakerProfile } from "../decision-makers/profile";

// Decision-makers with these "countries" speak for everyone, wherever the writer lives.
export const internationalCountries = ["UN", "INT"] as const;

export type LetterRecipient = {
  id: string;
  // Each in the languages the directory gives it in.
  name: Translations;
  title: Translations;
  institution: Translations;
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

const recipientSelect = { id: true, name: true, title: true, institution: true, country: true, region: true, email: true, riskToSigners: true } as const;


// By country, then region (the whole country last), then name as the reader's language sorts it.
function byPlaceAndName(locale: Locale): (a: LetterRecipient, b: LetterRecipient) => number {
  const collator = new Intl.Collator(locale);
  const order = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return (a, b) => order(a.country, b.country) || order(a.region, b.region) || collator.compare(localized(locale, a.name).text, localized(locale, b.name).text);
}

// The decision-makers matching where a supporter lives: those of their country (of their region,
// when one is chosen, plus those for the whole country), and the international ones.
export async function findLetterRecipients(options: { campaignId: string; country?: string; region?: string; locale?: Locale }): Promise<RecipientChoice> {
  const found = await db.decisionMaker.findMany({ where: candidateFilter(options.campaignId), select: recipientSelect });
  const rows = found.map((row): LetterRecipient => decisionMakerProfile(row)).sort(byPlaceAndName(options.locale ?? "en"));
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
    recipients: matched,
    regions,
    countries,
  };
}

// One recipient, if a supporter of this campaign may write to them.
export async function findLetterRecipient(options: { campaignId: string; decisionMakerId: string }): Promise<LetterRecipient | null> {
  const row = await db.decisionMaker.findFirst({
    where: { id: options.decisionMakerId, ...candidateFilter(options.campaignId) },
    select: recipientSelect,
  });
  return row ? decisionMakerProfile(row) : null;
}

// The recipient a page offers first: none that is marked as a risk to writers, nor one this
// signature has already written to. There may be none, and then nothing is chosen.
export function preselectedRecipient(recipients: readonly Pick<LetterRecipient, "id" | "riskToSigners">[], alreadyWritten: ReadonlySet<string>): string | null {
  return recipients.find((recipient) => !recipient.riskToSigners && !alreadyWritten.has(recipient.id))?.id ?? null;
}
