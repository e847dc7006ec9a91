import { revalidatePath } from "next/cache";
import { locales } from "@/lib/i18n/locales";
import { publicPath } from "@/lib/public-urls";

// The campaign page and its embed are kept rendered (see their `revalidate`). After a change a
// reader must see at once (a new count, an edit, publishing or closing), their cached copies are
// dropped so the next visit renders afresh; with no slug, every campaign's.
export function revalidateCampaignPages(slug?: string): void {
  if (!slug) {
    revalidatePath("/[locale]/campaigns/[slug]", "page");
    revalidatePath("/embed/[locale]/[slug]", "page");
    return;
  }
  for (const locale of locales) {
    revalidatePath(publicPath.campaign(locale, slug));
    revalidatePath(publicPath.embed(locale, slug));
  }
}
