import type { Locale } from "./locales";
import { messages, type Messages } from "./translator";

// The namespaces that components running in the browser translate with (useTranslations in a
// "use client" file). Only these travel to the browser: the whole catalogue would be most of
// every page's weight. A unit test keeps the lists in step with the components.
export const publicClientNamespaces = ["ErrorPage", "PaperCount", "PrivacyForm", "Progress", "Share", "SignForm", "SignFormAbuse"] as const satisfies readonly (keyof Messages)[];

// The letter form's own, sent with it on the page where a supporter writes (its provider is the
// form's nearest, so it carries everything the form translates): a campaign page, read far more
// often, does not carry them.
export const letterClientNamespaces = ["LetterForm"] as const satisfies readonly (keyof Messages)[];

export const organiserClientNamespaces = [
  ...publicClientNamespaces,
  "AbuseSettings",
  "CampaignEditor",
  "Delivery",
  "DemandKinds",
  "Directory",
  "Export",
  "OrganiserApiKeys",
  "OrganiserAuth",
  "OrganiserLetters",
  "OrganiserMembers",
  "OrganiserRoles",
  "OrganiserWebhooks",
  "OrganisationProfile",
  "PaperSignatures",
  "RetentionField",
  "StatementEditor",
  "Updates",
] as const satisfies readonly (keyof Messages)[];

export function clientMessages(locale: Locale, namespaces: readonly (keyof Messages)[]): Partial<Messages> {
  const catalogue = messages[locale];
  return Object.fromEntries(namespaces.map((namespace) => [namespace, catalogue[namespace]]));
}
