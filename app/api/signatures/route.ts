import { after } from "next/server";
import { errorHeaders } from "@/lib/errors";
import { payloadTooLargeResponse, readLimitedJson } from "@/lib/http/body-limit";
import { refuseForeignOrigin } from "@/lib/http/same-origin";
import { signOutcome } from "@/app/[locale]/campaigns/[slug]/sign-outcome";
import { signRequestMaxBytes } from "@/lib/signatures/sign-submission";

export const dynamic = "force-dynamic";

// The sign form's fields as JSON, sent by the campaign page's and the embed's script: 201 with
// where to go next, or the per-field errors. Only Nida's own pages may post here. The campaign is
// the form's own `campaign` field: a fixed path is the cheapest route for Next.js to match, and
// this is the busiest POST of the site.
export async function POST(request: Request) {
  const refused = refuseForeignOrigin(request);
  if (refused) return refused;
  const read = await readLimitedJson(request, signRequestMaxBytes);
  if (read.tooLarge) return payloadTooLargeResponse();
  const body = read.value;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return Response.json({ fields: {}, formError: "generic" }, { status: 400, headers: errorHeaders("VALIDATION") });
  }
  const record = body as Record<string, unknown>;
  const outcome = await signOutcome({ get: (name) => record[name] }, { headers: request.headers, afterResponse: after });
  if (outcome.signed) return Response.json({ next: outcome.next }, { status: 201, headers: { "Cache-Control": "no-store" } });
  const { status, fields, formError } = outcome;
  return Response.json({ fields, formError }, { status, headers: status === 503 ? errorHeaders("UNAVAILABLE") : { "Cache-Control": "no-store" } });
}
