import { getApiCampaignResponses } from "@/lib/api/campaign-responses";
import { answer, apiPreflight } from "@/lib/api/http";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

// GET /api/v1/campaigns/{slug}/responses
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return answer(request, () => getApiCampaignResponses({ slug }));
}

export function OPTIONS(request: Request): Response {
  return apiPreflight(request);
}
