"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { revalidateCampaignPages } from "@/app/[locale]/campaigns/[slug]/revalidate-campaign";
import { actOnToken } from "@/app/components/token-landing/act-on-token";
import { letterTokenCookie } from "@/lib/letters/letter-token";
import { confirmSignature, confirmedSignatureCookie } from "@/lib/signatures/confirm-signature";

export async function confirmAction(formData: FormData): Promise<void> {
  const { result, locale } = await actOnToken(formData, "confirm", confirmSignature);
  const { campaignSlug: slug, signatureId, letterToken } = result;
  const jar = await cookies();
  // The thank-you page says whether this signature counts, from its state when the page is shown.
  jar.set(confirmedSignatureCookie.name, signatureId, confirmedSignatureCookie.options(`/${locale}/campaigns/${slug}`));
  // The thank-you page puts it in its "write to your representatives" link.
  if (letterToken) jar.set(letterTokenCookie.name, letterToken, letterTokenCookie.options(`/${locale}/campaigns/${slug}`));
  revalidateCampaignPages(slug);
  redirect(`/${locale}/campaigns/${encodeURIComponent(slug)}/thanks`);
}
