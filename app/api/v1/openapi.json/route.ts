import { apiJson, apiPreflight } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

// GET /api/v1/openapi.json: the document, generated from the schemas the handlers use.
export function GET(): Response {
  return apiJson(openApiDocument(), { cache: "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400" });
}

export function OPTIONS(request: Request): Response {
  return apiPreflight(request);
}
