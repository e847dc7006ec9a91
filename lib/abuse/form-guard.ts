import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env";
import { appSecret } from "../secrets";

// The sign form carries a hidden field with the time it was rendered, signed with the app secret
// so it cannot be forged, and a honeypot field that people never see and bots fill in
// (their names: form-fields.ts).

function mac(campaignSlug: string, renderedAt: number): string {
  return createHmac("sha256", appSecret()).update(`sign-form:${campaignSlug}:${renderedAt}`).digest("base64url").slice(0, 32);
}

export function issueFormToken(campaignSlug: string, now = Date.now()): string {
  return `${now}.${mac(campaignSlug, now)}`;
}

export type FormGuardVerdict = "ok" | "honeypot" | "too-fast" | "forged";

// Both checks are silent: the caller shows the usual "check your e-mail" page and stores nothing.
export function checkFormGuard(options: { campaignSlug: string; honeypot: unknown; token: unknown; now?: number; minFillSeconds?: number }): FormGuardVerdict {
  if (typeof options.honeypot === "string" ? options.honeypot.length > 0 : options.honeypot != null) return "honeypot";
  if (typeof options.token !== "string") return "forged";
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{32})$/.exec(options.token);
  if (!match) return "forged";
  const renderedAt = Number(match[1]);
  const expected = Buffer.from(mac(options.campaignSlug, renderedAt));
  const given = Buffer.from(match[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "forged";
  const elapsedMs = (options.now ?? Date.now()) - renderedAt;
  if (elapsedMs < (options.minFillSeconds ?? env.SIGN_MIN_FILL_SECONDS) * 1000) return "too-fast";
  return "ok";
}
