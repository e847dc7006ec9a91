import { getApiCampaignDeliveries } from "@/lib/api/campaign-deliveries";
import { answer, apiPreflight } from "@/lib/api/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// GET /api/v1/campaigns/{slug}/deliveries?limit=20&cursor=…
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return answer(request, () => getApiCampaignDeliveries({ slug, query: new URL(request.url).searchParams }));
}

export function OPTIONS(request: Request): Response {
  return apiPreflight(request);
}
