import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Deliveries are signed as the Standard Webhooks specification says (standardwebhooks.com), so a
// receiver verifies them with that project's library in any language: `webhook-id` (the delivery's
// id, the same on every attempt), `webhook-timestamp` (unix seconds) and `webhook-signature`
// (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed by the base64 bytes after `whsec_`).
const standardHeaders = { id: "webhook-id", timestamp: "webhook-timestamp", signature: "webhook-signature" } as const;

// Endpoints created before kept the older scheme until their owner switches: `Nida-Signature:
// t=<unix seconds>,v1=<hex>`, HMAC-SHA256 keyed by the whole secret string, of `<t>.<raw body>`.
export const signatureHeader = "Nida-Signature";
export const deliveryHeader = "Nida-Delivery";
export const eventHeader = "Nida-Event";

// 32 random bytes, in the specification's `whsec_<base64>` form.
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

export function standardSignatureHeaders(options: { secret: string; id: string; body: string; now?: Date }): Record<string, string> {
  const timestamp = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const key = Buffer.from(options.secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${options.id}.${timestamp}.${options.body}`).digest("base64");
  return { [standardHeaders.id]: options.id, [standardHeaders.timestamp]: String(timestamp), [standardHeaders.signature]: `v1,${signature}` };
}

function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeaderValue(secret: string, body: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`;
}

// For receivers of the older scheme written in TypeScript (and documentation of it): true when the
// header carries a valid signature of this body made within `toleranceSeconds`.
/** @internal exported for its tests */
export function verifyWebhookSignature(options: { secret: string; body: string; header: string | null; toleranceSeconds?: number; now?: Date }): boolean {
  if (!options.header) return false;
  const parts = new Map(options.header.split(",").map((part) => part.trim().split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = webhookSignature(options.secret, timestamp, options.body);
  return timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given, "hex"));
}
