import { isAppError } from "@/lib/errors";
import { payloadTooLargeResponse, readLimitedText } from "@/lib/http/body-limit";
import { unsubscribeSupporter } from "@/lib/privacy/unsubscribe";
import { publicUrl } from "@/lib/public-urls";

type Context = { params: Promise<{ token: string }> };

const noStore = { "Cache-Control": "no-store" };

// RFC 8058 one-click unsubscribe. Mail providers POST "List-Unsubscribe=One-Click" here from
// their own servers, with no cookie and no Origin of ours: this is the one state-changing
// endpoint that does not check the Origin. The long random token is the whole authority, and
// all it can do is withdraw consent, so it is safe to repeat and harmless to forge.
export async function POST(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  if ((await readLimitedText(request, 1024)) === null) return payloadTooLargeResponse();
  try {
    await unsubscribeSupporter({ token });
  } catch (error) {
    if (isAppError(error, "TOKEN_INVALID") || isAppError(error, "TOKEN_EXPIRED")) {
      return Response.json({ error: "NOT_FOUND" }, { status: 404, headers: noStore });
    }
    console.error("[unsubscribe] failed:", error instanceof Error ? error.name : "unknown error");
    return Response.json({ error: "UNAVAILABLE" }, { status: 503, headers: noStore });
  }
  return Response.json({ unsubscribed: true }, { status: 200, headers: noStore });
}

// A person who opens the header's address in a browser gets the page with its button: a GET
// changes nothing.
export async function GET(_request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  return new Response(null, { status: 303, headers: { ...noStore, Location: publicUrl.unsubscribe("en", token) } });
}
