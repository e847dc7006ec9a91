import { createTranslator, IntlErrorCode, type IntlError } from "next-intl";
import { env } from "../env";
import type { Locale } from "./locales";
import ar from "./messages/ar";
import de from "./messages/de";
import en from "./messages/en";
import fr from "./messages/fr";
import ku from "./messages/ku";
import tr from "./messages/tr";

export type Messages = typeof en;
// Every language has every English message (tests/unit/i18n/messages.test.ts).
export const messages: Record<Locale, Messages> = { en, ar: ar as Messages, tr: tr as Messages, ku: ku as Messages, fr: fr as Messages, de: de as Messages };

// A message missing from a catalogue shows its key to the reader: logged, as next-intl does, and
// in tests an error, so that a page or e-mail that would show one fails where it is rendered.
export function reportIntlError(error: IntlError): void {
  if (error.code === IntlErrorCode.MISSING_MESSAGE && env.NIDA_ENV === "test") throw error;
  console.error(error);
}

// Translations outside a request (e-mails, jobs, scripts): the same catalogue the pages use.
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale], namespace, onError: reportIntlError });
}
