import { countryName } from "../countries";
import type { Locale } from "../i18n/locales";
import { translator } from "../i18n/translator";

// The name line offered for a letter: the first name the signer gave and their country, in the
// letter's language. They may change it, to their full name or anything else.
export function defaultSignatureLine(options: { name: string; country: string; locale: Locale }): string {
  const firstName = options.name.trim().split(/\s+/)[0] ?? "";
  const country = countryName(options.country, options.locale);
  if (!firstName) return country;
  return translator(options.locale, "Letter")("signatureLine", { firstName, country });
}

export type LetterText = { locale: Locale; recipientName: string; body: string; personal: string; senderName: string };

// The letter as its recipient reads it: greeting, the campaign's words as the supporter edited
// them, the supporter's own paragraph, and their name. Paragraphs are separated by blank lines.
export function letterParagraphs(letter: LetterText): { greeting: string; paragraphs: string[]; closing: string; senderName: string } {
  const t = translator(letter.locale, "Letter");
  const paragraphs = [...letter.body.split(/\n\s*\n/), ...letter.personal.split(/\n\s*\n/)].map((part) => part.trim()).filter(Boolean);
  return { greeting: t("greeting", { name: letter.recipientName }), paragraphs, closing: t("closing"), senderName: letter.senderName };
}

export function composeLetterText(letter: LetterText): string {
  const parts = letterParagraphs(letter);
  return [parts.greeting, ...parts.paragraphs, `${parts.closing}\n${parts.senderName}`].join("\n\n");
}

// A mailto: link that opens the supporter's own mail client with the letter written in.
export function mailtoLink(options: { to: string; subject: string; text: string }): string {
  const encode = (value: string) => encodeURIComponent(value.replace(/\r?\n/g, "\r\n"));
  return `mailto:${options.to}?subject=${encode(options.subject)}&body=${encode(options.text)}`;
}
