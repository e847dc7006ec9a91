import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// The cheapest answer this server can give: the ceiling the sign path is measured against.
// Only served when BENCH_ROUTES=true.
export function GET(): Response {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}

export const POST = GET;
