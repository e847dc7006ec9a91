"use server";

import { redirect } from "next/navigation";
import { revalidateCampaignPages } from "@/app/[locale]/campaigns/[slug]/revalidate-campaign";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { confirmSignature } from "@/lib/signatures/confirm-signature";

export async function confirmAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  let slug: string;
  try {
    ({ campaignSlug: slug } = await confirmSignature({ token }));
  } catch (error) {
    // Used, unknown or expired: the page itself explains which.
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/confirm/${encodeURIComponent(token)}`);
    throw error;
  }
  revalidateCampaignPages(slug);
  redirect(`/${locale}/campaigns/${encodeURIComponent(slug)}/thanks`);
}
