import { createTranslator } from "next-intl";
import type { Locale } from "./locales";
import arCampaignEditor from "./messages/ar/campaign-editor.json";
import arErrors from "./messages/ar/errors.json";
import arExport from "./messages/ar/export.json";
import arModeration from "./messages/ar/moderation.json";
import arOrganiser from "./messages/ar/organiser.json";
import arPublic from "./messages/ar/public.json";
import enCampaignEditor from "./messages/en/campaign-editor.json";
import enErrors from "./messages/en/errors.json";
import enExport from "./messages/en/export.json";
import enModeration from "./messages/en/moderation.json";
import enOrganiser from "./messages/en/organiser.json";
import enPublic from "./messages/en/public.json";

// One catalogue per language, kept in a file per area of the product; each file holds whole
// namespaces, so merging them is a spread.
const en = { ...enPublic, ...enOrganiser, ...enCampaignEditor, ...enModeration, ...enExport, ...enErrors };
const ar = { ...arPublic, ...arOrganiser, ...arCampaignEditor, ...arModeration, ...arExport, ...arErrors };

export type Messages = typeof en;
export const messages: Record<Locale, Messages> = { en, ar: ar as Messages };

// Translations outside a request (e-mails, jobs, scripts): the same catalogue the pages use.
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace });
}
