import { localized, type Locale } from "../i18n/locales";
import type { Translations } from "../i18n/translations";
import { organisationSender } from "../organisations/profile";

// The display name an organisation's updates come from: the sender name its owners chose, or else
// its name in the reader's language, else in English, else in whichever language it has.
export function updateSenderName(organisation: { name: Translations; senderName?: string | null }, locale: Locale): string {
  if (organisation.senderName?.trim()) return organisationSender(organisation);
  return localized(locale, organisation.name).text;
}

// MAIL_FROM's address under the organisation's name. Quotes and line breaks in a name cannot
// break out of the display name (or add a header).
export function fromWithName(mailFrom: string, name: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const display = name.replace(/[\r\n]+/g, " ").replace(/(["\\])/g, "\\$1").trim();
  return display ? `"${display}" <${address}>` : mailFrom;
}
