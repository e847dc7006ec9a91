import { apiPreflight, notFoundResponse } from "@/lib/api/http";

export const dynamic = "force-dynamic";

// Any other address under /api/v1 is a JSON 404, not the site's HTML page.
export function GET(request: Request): Response {
  return notFoundResponse(request);
}

export function OPTIONS(request: Request): Response {
  return apiPreflight(request);
}
