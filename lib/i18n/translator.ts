import { createTranslator } from "next-intl";
import type { Locale } from "./locales";
import ar from "./messages/ar.json";
import en from "./messages/en.json";

export const messages = { en, ar } as const;
export type Messages = typeof en;

// Translations outside a request (e-mails, jobs, scripts): the same catalogue the pages use.
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messages[locale] as Messages, namespace });
}
