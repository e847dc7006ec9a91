import { getCampaignProgress } from "@/lib/campaigns/get-campaign-progress";

export const dynamic = "force-dynamic";

// The live count the campaign page polls. Shared caches may keep it for two seconds, so a page
// open on many screens costs the database one sum of a few counter rows per two seconds.
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const progress = await getCampaignProgress((await params).slug);
  if (!progress) return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: { "Cache-Control": "public, max-age=60" } });
  return Response.json(progress, { headers: { "Cache-Control": "public, max-age=0, s-maxage=2, stale-while-revalidate=5" } });
}
