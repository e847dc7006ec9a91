"use server";

import { redirect } from "next/navigation";
import { dismissTrendingFlag, invalidateTrendingBurst } from "@/lib/abuse/trending-flags";
import { isAppError } from "@/lib/errors";
import { formLocale } from "../../form-data";
import { requireOrganiser } from "../../require-organiser";

// One form, two buttons: invalidate the burst, or dismiss the flag as genuine.
export async function resolveTrendingFlagAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const flagId = String(formData.get("flag") ?? "");
  const intent = formData.get("intent") === "dismiss" ? "dismiss" : "invalidate";
  let done: string;
  try {
    if (intent === "dismiss") {
      await dismissTrendingFlag({ actor, flagId });
      done = "dismissed";
    } else {
      const result = await invalidateTrendingBurst({ actor, flagId });
      done = `invalidated-${result.total}-${result.countChange}`;
    }
  } catch (error) {
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND")) redirect(`/${locale}/organiser/trending/${encodeURIComponent(flagId)}?error=forbidden`);
    throw error;
  }
  redirect(`/${locale}/organiser/trending/${encodeURIComponent(flagId)}?done=${done}`);
}
