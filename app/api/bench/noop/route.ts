import { env } from "@/lib/env";
import { readLimitedJson } from "@/lib/http/body-limit";
import { signRequestMaxBytes } from "@/lib/signatures/sign-submission";

export const dynamic = "force-dynamic";

// The cheapest answer this server can give: the ceiling the sign path is measured against.
// Only served when BENCH_ROUTES=true.
export function GET(): Response {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  return new Response("ok", { headers: { "Cache-Control": "no-store" } });
}

// The sign path's request and answer without the signing: the JSON body read as the sign path
// reads it, a small JSON answer.
export async function POST(request: Request): Promise<Response> {
  if (!env.BENCH_ROUTES) return new Response("Not found", { status: 404 });
  const read = await readLimitedJson(request, signRequestMaxBytes);
  const body = read.tooLarge ? null : read.value;
  return Response.json({ read: typeof body === "object" && body !== null }, { status: 201, headers: { "Cache-Control": "no-store" } });
}
