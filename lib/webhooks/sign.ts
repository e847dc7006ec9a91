import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Each delivery is signed like Stripe's: `Nida-Signature: t=<unix seconds>,v1=<hex>` where v1 is
// HMAC-SHA256, keyed by the endpoint's secret, of `<t>.<raw body>`. A receiver recomputes it,
// compares in constant time, and rejects old timestamps, so a captured request cannot be replayed.
export const signatureHeader = "Nida-Signature";
export const deliveryHeader = "Nida-Delivery";
export const eventHeader = "Nida-Event";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeaderValue(secret: string, body: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`;
}

// For receivers written in TypeScript (and documentation of the scheme): true when the header
// carries a valid signature of this body made within `toleranceSeconds`.
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
