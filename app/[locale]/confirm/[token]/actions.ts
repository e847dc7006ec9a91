"use server";

import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { confirmSignature } from "@/lib/signatures/confirm-signature";

export async function confirmAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  let slug: string;
  let letterToken: string | undefined;
  try {
    ({ campaignSlug: slug, letterToken } = await confirmSignature({ token }));
  } catch (error) {
    // Used, unknown or expired: the page itself explains which.
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/confirm/${encodeURIComponent(token)}`);
    throw error;
  }
  redirect(`/${locale}/campaigns/${encodeURIComponent(slug)}/thanks${letterToken ? `?letter=${letterToken}` : ""}`);
}
