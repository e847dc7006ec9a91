import { answer, apiPreflight } from "@/lib/api/http";
import { listApiCampaigns } from "@/lib/api/list-campaigns";

export const dynamic = "force-dynamic";

// GET /api/v1/campaigns?status=open|closed&limit=20&cursor=…
export async function GET(request: Request): Promise<Response> {
  return answer(request, () => listApiCampaigns({ query: new URL(request.url).searchParams }));
}

export function OPTIONS(request: Request): Response {
  return apiPreflight(request);
}
