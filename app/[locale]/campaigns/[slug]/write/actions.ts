"use server";

import { formState } from "@/lib/error-answers";
import type { AppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import type { LetterFieldErrors } from "@/lib/letters/schema";
import { letterLimitReason, prepareMailtoLetter, sendLetter } from "@/lib/letters/send-letter";

export type LetterFormState = {
  fields: LetterFieldErrors;
  formError?: "capReached" | "signatureLimit" | "notConfirmed" | "tokenExpired" | "campaignNotOpen" | "generic";
  // What the letter carried of the writer's address, as sent: the page says exactly that.
  sent?: { recipientName: string; subject: string; replyTo: string | null; copyTo: string | null };
  mailto?: { href: string; recipientName: string };
  values: Record<string, string>;
};

// A limit says which one; an unconfirmed or unknown signer is told to confirm first.
const letterRefusals = {
  RATE_LIMITED: (error: AppError) => (error.message === letterLimitReason.signatureLimit ? "signatureLimit" : "capReached"),
  FORBIDDEN: "notConfirmed",
  TOKEN_INVALID: "notConfirmed",
  TOKEN_EXPIRED: "tokenExpired",
  CAMPAIGN_NOT_OPEN: "campaignNotOpen",
  NOT_FOUND: "campaignNotOpen",
} as const;

const echoed = ["recipient", "name", "body", "personal", "replyToMe", "copyToMe", "acknowledgeRisk"] as const;

// One form, two ways out: "send" goes through Nida (confirmed supporters only), "mailto" hands
// the letter to the supporter's own mail client and stores nothing.
export async function writeLetterAction(_previous: LetterFormState, formData: FormData): Promise<LetterFormState> {
  const slug = String(formData.get("campaign") ?? "");
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  const input = Object.fromEntries(echoed.map((key) => [key, formData.get(key) ?? undefined]));
  const values = Object.fromEntries(echoed.map((key) => [key, String(formData.get(key) ?? "")]));
  try {
    if (formData.get("intent") === "mailto") {
      const letter = await prepareMailtoLetter({ campaignSlug: slug, input, locale });
      return { fields: {}, mailto: { href: letter.href, recipientName: letter.recipientName }, values };
    }
    const sent = await sendLetter({ campaignSlug: slug, token: String(formData.get("token") ?? ""), input, locale, letterKey: String(formData.get("letterKey") ?? "") });
    return { fields: {}, sent: { recipientName: sent.recipientName, subject: sent.subject, replyTo: sent.replyTo, copyTo: sent.copyTo }, values };
  } catch (error) {
    return { ...formState(error, "letters", letterRefusals), values };
  }
}
