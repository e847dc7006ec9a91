import { createTranslator } from "next-intl";
import type { Locale } from "./locales";
import arAbuse from "./messages/ar/abuse.json";
import arErrors from "./messages/ar/errors.json";
import arCampaignEditor from "./messages/ar/campaign-editor.json";
import arDelivery from "./messages/ar/delivery.json";
import arDeliveryPack from "./messages/ar/delivery-pack.json";
import arExport from "./messages/ar/export.json";
import arJobs from "./messages/ar/jobs.json";
import arLetters from "./messages/ar/letters.json";
import arModeration from "./messages/ar/moderation.json";
import arOrganiser from "./messages/ar/organiser.json";
import arOrganisationProfile from "./messages/ar/organisation-profile.json";
import arPaper from "./messages/ar/paper.json";
import arPaperMaterials from "./messages/ar/paper-materials.json";
import arPrivacy from "./messages/ar/privacy.json";
import arPublic from "./messages/ar/public.json";
import arReach from "./messages/ar/reach.json";
import arStatements from "./messages/ar/statements.json";
import arUpdates from "./messages/ar/updates.json";
import arWebhooks from "./messages/ar/webhooks.json";
import enAbuse from "./messages/en/abuse.json";
import enErrors from "./messages/en/errors.json";
import enCampaignEditor from "./messages/en/campaign-editor.json";
import enDelivery from "./messages/en/delivery.json";
import enDeliveryPack from "./messages/en/delivery-pack.json";
import enExport from "./messages/en/export.json";
import enJobs from "./messages/en/jobs.json";
import enLetters from "./messages/en/letters.json";
import enModeration from "./messages/en/moderation.json";
import enOrganiser from "./messages/en/organiser.json";
import enOrganisationProfile from "./messages/en/organisation-profile.json";
import enPaper from "./messages/en/paper.json";
import enPaperMaterials from "./messages/en/paper-materials.json";
import enPrivacy from "./messages/en/privacy.json";
import enPublic from "./messages/en/public.json";
import enReach from "./messages/en/reach.json";
import enStatements from "./messages/en/statements.json";
import enUpdates from "./messages/en/updates.json";
import enWebhooks from "./messages/en/webhooks.json";

// One catalogue per language, kept in a file per area of the product; each file holds whole
// namespaces, so merging them is a spread.
const en = { ...enPublic, ...enOrganiser, ...enAbuse, ...enErrors, ...enCampaignEditor, ...enDelivery, ...enDeliveryPack, ...enExport, ...enJobs, ...enLetters, ...enModeration, ...enPrivacy, ...enReach, ...enStatements, ...enUpdates, ...enWebhooks, ...enOrganisationProfile, ...enPaper, ...enPaperMaterials };
const ar = { ...arPublic, ...arOrganiser, ...arAbuse, ...arErrors, ...arCampaignEditor, ...arDelivery, ...arDeliveryPack, ...arExport, ...arJobs, ...arLetters, ...arModeration, ...arPrivacy, ...arReach, ...arStatements, ...arUpdates, ...arWebhooks, ...arOrganisationProfile, ...arPaper, ...arPaperMaterials };

export type Messages = typeof en;
export const messages: Record<Locale, Messages> = { en, ar: ar as Messages };

// Translations outside a request (e-mails, jobs, scripts): the same catalogue the pages use.
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}
