import { recordDeliveryEvent } from "@/lib/deliveries/record-delivery-event";
import { verifyResendEvent } from "@/lib/deliveries/verify-resend-event";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/error-answers";
import { payloadTooLargeResponse, readLimitedText } from "@/lib/http/body-limit";

export const dynamic = "force-dynamic";

// A delivery event is a few kB of JSON; nothing bigger is read.
const resendEventMaxBytes = 64 * 1024;

// The mail provider's delivery events. Authenticated by signature, not by Origin: the caller is
// Resend's servers. A replayed event (an id already recorded) is refused with 409 and changes nothing.
export async function POST(request: Request): Promise<Response> {
  const body = await readLimitedText(request, resendEventMaxBytes);
  if (body === null) return payloadTooLargeResponse();
  try {
    const event = verifyResendEvent({ body, headers: request.headers, secret: env.RESEND_WEBHOOK_SECRET });
    const outcome = await recordDeliveryEvent(event);
    if (outcome === "replayed") return Response.json({ error: "REPLAYED" }, { status: 409 });
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { area: "webhooks/resend" });
  }
}
