import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import { AppError } from "../errors";

// What Nida keeps of one delivery event from the mail provider.
export type ProviderEvent = { id: string; type: string; occurredAt: Date; providerId: string };

const eventSchema = z.object({
  type: z.string().min(1),
  created_at: z.string().min(1),
  data: z.object({ email_id: z.string().min(1) }),
});

// Resend signs its webhooks with Svix (the Standard Webhooks scheme): an HMAC-SHA256 over
// "id.timestamp.body" with the endpoint's secret, in the svix-* headers. The library refuses a
// missing or wrong signature and a timestamp more than five minutes away from now, so a captured
// event cannot be replayed later; a replay within those minutes is stopped by the event id.
export function verifyResendEvent(options: { body: string; headers: Headers; secret: string | undefined }): ProviderEvent {
  const id = options.headers.get("svix-id") ?? options.headers.get("webhook-id");
  const timestamp = options.headers.get("svix-timestamp") ?? options.headers.get("webhook-timestamp");
  const signature = options.headers.get("svix-signature") ?? options.headers.get("webhook-signature");
  if (!options.secret) throw new AppError("UNAVAILABLE", { detail: "no webhook secret configured" });
  if (!id || !timestamp || !signature) throw new AppError("UNAUTHENTICATED", { detail: "unsigned webhook" });
  let payload: unknown;
  try {
    payload = new Webhook(options.secret).verify(options.body, { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": signature });
  } catch (error) {
    if (error instanceof WebhookVerificationError) throw new AppError("UNAUTHENTICATED", { detail: `webhook refused: ${error.message}` });
    throw new AppError("VALIDATION", { detail: "webhook body is not JSON" });
  }
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) throw new AppError("VALIDATION", { detail: "not an e-mail event" });
  const occurredAt = new Date(parsed.data.created_at);
  return { id, type: parsed.data.type, occurredAt: Number.isNaN(occurredAt.getTime()) ? new Date() : occurredAt, providerId: parsed.data.data.email_id };
}
