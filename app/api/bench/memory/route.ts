import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// Where the server's memory is (V8 heap, buffers, the rest of the resident size), for the
// benchmarks' memory figures. Only served when BENCH_ROUTES=true.
export function GET(): Response {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  return Response.json(process.memoryUsage(), { headers: { "Cache-Control": "no-store" } });
}
