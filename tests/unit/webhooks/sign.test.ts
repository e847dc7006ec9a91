import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { postWebhook } from "../../../lib/webhooks/post-webhook";
import { generateWebhookSecret, signatureHeaderValue, verifyWebhookSignature } from "../../../lib/webhooks/sign";

describe("webhook signatures", () => {
  const secret = generateWebhookSecret();
  const body = JSON.stringify({ id: "d1", event: "milestone.reached", data: { goal: 1000 } });
  const now = new Date("2026-11-21T10:00:00Z");

  it("is HMAC-SHA256 of the time and the body, keyed by the endpoint's secret", () => {
    const header = signatureHeaderValue(secret, body, now);
    const t = Math.floor(now.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
    expect(verifyWebhookSignature({ secret, body, header, now })).toBe(true);
  });

  it("fails for another secret, another body, or an old timestamp", () => {
    const header = signatureHeaderValue(secret, body, now);
    expect(verifyWebhookSignature({ secret: generateWebhookSecret(), body, header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body: body.replace("1000", "1001"), header, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, header, now: new Date(now.getTime() + 10 * 60_000) })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, header: null, now })).toBe(false);
    expect(verifyWebhookSignature({ secret, body, header: "t=1,v1=zz", now })).toBe(false);
  });

  it("makes a new secret each time", () => {
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
  });
});

describe("posting a webhook where private addresses are refused (production)", () => {
  it("does not connect to a loopback or private address, written as an IP or as a name", async () => {
    for (const url of ["http://127.0.0.1:9/hook", "http://[::1]:9/hook", "http://localhost:9/hook"]) {
      const outcome = await postWebhook({ url, body: "{}", headers: {}, timeoutMs: 2000, allowPrivate: false });
      expect(outcome, url).toMatchObject({ ok: false, status: null });
      expect(outcome.ok ? "" : outcome.error, url).toMatch(/private/);
    }
  });
});
