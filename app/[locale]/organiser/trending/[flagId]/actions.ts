"use server";

import { redirect } from "next/navigation";
import { dismissTrendingFlag, invalidateTrendingBurst, releaseHeldBurst } from "@/lib/abuse/trending-flags";
import { formState } from "@/lib/error-answers";
import { formLocale } from "../../form-data";
import { requireOrganiser } from "../../require-organiser";

const intents = ["invalidate", "dismiss", "release", "allow"] as const;

// One page, four buttons: count the held signatures (and perhaps allow the connection from now
// on), invalidate the burst, or dismiss the flag as genuine.
export async function resolveTrendingFlagAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const flagId = String(formData.get("flag") ?? "");
  const intent = intents.find((known) => known === formData.get("intent")) ?? "invalidate";
  let done: string;
  try {
    if (intent === "dismiss") {
      await dismissTrendingFlag({ actor, flagId });
      done = "dismissed";
    } else if (intent === "release" || intent === "allow") {
      const result = await releaseHeldBurst({ actor, flagId, allowConnection: intent === "allow" });
      done = `${intent === "allow" ? "allowed" : "released"}-${result.total}-${result.countChange}`;
    } else {
      const result = await invalidateTrendingBurst({ actor, flagId });
      done = `invalidated-${result.total}-${result.countChange}`;
    }
  } catch (error) {
    // Refused (or a flag already resolved): the page says so. Anything else is a defect.
    const refused = formState(error, "trending", { FORBIDDEN: "forbidden", NOT_FOUND: "forbidden", VALIDATION: "forbidden" });
    if (refused.formError === "forbidden") redirect(`/${locale}/organiser/trending/${encodeURIComponent(flagId)}?error=forbidden`);
    throw error;
  }
  redirect(`/${locale}/organiser/trending/${encodeURIComponent(flagId)}?done=${done}`);
}
