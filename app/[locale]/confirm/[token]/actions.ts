"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidateCampaignPages } from "@/app/[locale]/campaigns/[slug]/revalidate-campaign";
import { readTokenForm } from "@/app/[locale]/token-form";
import { isAppError } from "@/lib/errors";
import { letterTokenCookie } from "@/lib/letters/letter-token";
import { confirmSignature, confirmedSignatureCookie } from "@/lib/signatures/confirm-signature";

export async function confirmAction(formData: FormData): Promise<void> {
  const { token, locale } = readTokenForm(formData);
  let slug: string;
  let signatureId: string;
  let letterToken: string | undefined;
  try {
    ({ campaignSlug: slug, signatureId, letterToken } = await confirmSignature({ token }));
  } catch (error) {
    // Used, unknown or expired: the page itself explains which.
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) redirect(`/${locale}/confirm/${encodeURIComponent(token)}`);
    throw error;
  }
  const jar = await cookies();
  // The thank-you page says whether this signature counts, from its state when the page is shown.
  jar.set(confirmedSignatureCookie.name, signatureId, confirmedSignatureCookie.options(`/${locale}/campaigns/${slug}`));
  // The thank-you page puts it in its "write to your representatives" link.
  if (letterToken) jar.set(letterTokenCookie.name, letterToken, letterTokenCookie.options(`/${locale}/campaigns/${slug}`));
  revalidateCampaignPages(slug);
  redirect(`/${locale}/campaigns/${encodeURIComponent(slug)}/thanks`);
}
