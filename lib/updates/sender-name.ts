import type { Locale } from "../i18n/locales";
import { organisationSender } from "../organisations/profile";

// The display name an organisation's updates come from: the sender name its owners chose, or else
// its name in the reader's language.
export function updateSenderName(organisation: { name: string; nameAr: string | null; senderName?: string | null }, locale: Locale): string {
  if (organisation.senderName?.trim()) return organisationSender(organisation);
  return (locale === "ar" ? organisation.nameAr : null) ?? organisation.name;
}

// MAIL_FROM's address under the organisation's name. Quotes and line breaks in a name cannot
// break out of the display name (or add a header).
export function fromWithName(mailFrom: string, name: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const display = name.replace(/[\r\n]+/g, " ").replace(/(["\\])/g, "\\$1").trim();
  return display ? `"${display}" <${address}>` : mailFrom;
}
