import { createHmac, timingSafeEqual } from "node:crypto";
import { appSecret } from "../secrets";

// The sign form carries a hidden field signed with the app secret, so that a form not taken from
// the campaign's own page is turned away, and a honeypot field that people never see and bots
// fill in (their names: form-fields.ts). The field also holds the time the page was rendered, but
// nothing is decided on it: campaign pages are served from a cache to every reader, so that time
// says nothing about when a reader began to fill in the form (README, "Abuse defences").

function mac(campaignSlug: string, renderedAt: number): string {
  return createHmac("sha256", appSecret()).update(`sign-form:${campaignSlug}:${renderedAt}`).digest("base64url").slice(0, 32);
}

export function issueFormToken(campaignSlug: string, now = Date.now()): string {
  return `${now}.${mac(campaignSlug, now)}`;
}

export type FormGuardVerdict = "ok" | "honeypot" | "forged";

// Both checks are silent: the caller shows the usual "check your e-mail" page and stores nothing.
export function checkFormGuard(options: { campaignSlug: string; honeypot: unknown; token: unknown }): FormGuardVerdict {
  if (typeof options.honeypot === "string" ? options.honeypot.length > 0 : options.honeypot != null) return "honeypot";
  if (typeof options.token !== "string") return "forged";
  const match = /^(\d{10,16})\.([A-Za-z0-9_-]{32})$/.exec(options.token);
  if (!match) return "forged";
  const expected = Buffer.from(mac(options.campaignSlug, Number(match[1])));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? "ok" : "forged";
}
