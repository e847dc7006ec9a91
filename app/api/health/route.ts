import { databaseAnswers } from "@/lib/health";

export const dynamic = "force-dynamic";

export async function GET() {
  if (await databaseAnswers()) return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  return Response.json({ status: "unavailable" }, { status: 503, headers: { "retry-after": "5", "cache-control": "no-store" } });
}
