"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isAppError, toAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { signPetition } from "@/lib/signatures/sign-petition";
import type { FieldErrors } from "@/lib/signatures/schema";

export type SignFormState = {
  fields: FieldErrors;
  formError?: "campaignNotOpen" | "unavailable" | "generic";
  values: Record<string, string>;
};

const echoed = ["name", "email", "country", "postcode", "comment", "consent"] as const;

function clientIp(all: Headers): string | null {
  return all.get("x-forwarded-for")?.split(",")[0]?.trim() || all.get("x-real-ip") || null;
}

export async function signAction(_previous: SignFormState, formData: FormData): Promise<SignFormState> {
  const slug = String(formData.get("campaign") ?? "");
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  const input = Object.fromEntries(echoed.map((key) => [key, formData.get(key) ?? undefined]));
  const values = Object.fromEntries(echoed.map((key) => [key, String(formData.get(key) ?? "")]));
  const source = String(formData.get("source") ?? "").slice(0, 32) || null;

  try {
    await signPetition({ campaignSlug: slug, input, locale, ipAddress: clientIp(await headers()), source });
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { fields: error.fields as FieldErrors, values };
    if (isAppError(error, "CAMPAIGN_NOT_OPEN") || isAppError(error, "NOT_FOUND")) return { fields: {}, formError: "campaignNotOpen", values };
    // The database unreachable (restarting, overloaded) is "try again shortly", not a defect.
    if (toAppError(error)?.code === "UNAVAILABLE") {
      console.warn("[sign] the database is unavailable; the signer is asked to try again shortly");
      return { fields: {}, formError: "unavailable", values };
    }
    console.error("[sign] failed:", error instanceof Error ? error.message : error);
    return { fields: {}, formError: "generic", values };
  }
  redirect(`/${locale}/campaigns/${encodeURIComponent(slug)}/signed`);
}
