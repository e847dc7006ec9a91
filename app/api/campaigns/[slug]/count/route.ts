import { getCampaignProgress } from "@/lib/campaigns/get-campaign-progress";
import { progressTexts } from "@/lib/campaigns/progress-texts";
import { isLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

// The live count the campaign page polls. Shared caches may keep it for two seconds, so a page
// open on many screens costs the database one sum of a few counter rows per two seconds. With
// ?locale= it also gives the words the page shows around it, in that language (`text`), which the
// page's script puts in place of its own.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const progress = await getCampaignProgress((await params).slug);
  if (!progress) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
  const locale = new URL(request.url).searchParams.get("locale");
  const body = isLocale(locale) ? { ...progress, text: progressTexts(progress, locale, { progress: translator(locale, "Progress"), paper: translator(locale, "PaperCount") }) } : progress;
  return Response.json(body, { headers: { "Cache-Control": "public, max-age=0, s-maxage=2, stale-while-revalidate=5" } });
}
