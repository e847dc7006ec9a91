"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/abuse/client-ip";
import { honeypotField, renderedAtField } from "@/lib/abuse/form-fields";
import { channelFromSearch, isShareChannel } from "@/lib/campaigns/share-channels";
import { env } from "@/lib/env";
import { isAppError, toAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { signPetition } from "@/lib/signatures/sign-petition";
import type { FieldErrors } from "@/lib/signatures/schema";

export type SignFormState = {
  fields: FieldErrors;
  formError?: "campaignNotOpen" | "unavailable" | "generic";
  values: Record<string, string>;
};

const echoed = ["name", "email", "country", "postcode", "comment", "consent", "showPublicly"] as const;

// The share channel that brought the signer: the form's field, or (without JavaScript) the ?s= of
// the page the form was sent from. Only the fixed list of channels is stored.
function sourceTag(formData: FormData, all: Headers): string | null {
  const field = formData.get("source");
  if (isShareChannel(field)) return field;
  try {
    return channelFromSearch(new URL(all.get("referer") ?? "").search);
  } catch {
    return null;
  }
}

export async function signAction(_previous: SignFormState, formData: FormData): Promise<SignFormState> {
  const slug = String(formData.get("campaign") ?? "");
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  const input = Object.fromEntries(echoed.map((key) => [key, formData.get(key) ?? undefined]));
  const values = Object.fromEntries(echoed.map((key) => [key, String(formData.get(key) ?? "")]));
  const requestHeaders = await headers();
  const source = sourceTag(formData, requestHeaders);
  const embedded = formData.get("embed") === "1";
  // The render time travels back with the form, so correcting a field does not restart the clock.
  values[renderedAtField] = String(formData.get(renderedAtField) ?? "").slice(0, 64);
  const formGuard = { honeypot: formData.get(honeypotField), token: formData.get(renderedAtField) };

  try {
    await signPetition({ campaignSlug: slug, input, locale, ipAddress: clientIp(requestHeaders.get("x-forwarded-for"), env.TRUST_PROXY_HOPS), source, formGuard });
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { fields: error.fields as FieldErrors, values };
    if (isAppError(error, "CAMPAIGN_NOT_OPEN") || isAppError(error, "NOT_FOUND")) return { fields: {}, formError: "campaignNotOpen", values };
    // The database unreachable (restarting, overloaded) is "try again shortly", not a defect.
    if (toAppError(error)?.code === "UNAVAILABLE") return { fields: {}, formError: "unavailable", values };
    // The error's name only: a database error's message can quote the signer's values.
    console.error("[sign] failed:", error instanceof Error ? error.name : "unknown error");
    return { fields: {}, formError: "generic", values };
  }
  redirect(embedded ? `/embed/${locale}/${encodeURIComponent(slug)}/signed` : `/${locale}/campaigns/${encodeURIComponent(slug)}/signed`);
}
