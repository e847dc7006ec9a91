import type { Locale } from "../i18n/locales";

// The display name an organisation's updates come from, in the reader's language. One place, so
// that a sender name of its own (a profile field) replaces the organisation's name here alone.
export function updateSenderName(organisation: { name: string; nameAr: string | null }, locale: Locale): string {
  return (locale === "ar" ? organisation.nameAr : null) ?? organisation.name;
}

// MAIL_FROM's address under the organisation's name. Quotes and line breaks in a name cannot
// break out of the display name (or add a header).
export function fromWithName(mailFrom: string, name: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const display = name.replace(/[\r\n]+/g, " ").replace(/(["\\])/g, "\\$1").trim();
  return display ? `"${display}" <${address}>` : mailFrom;
}
