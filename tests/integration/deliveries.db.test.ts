import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import { env } from "../../lib/env";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { sealSignatureFields } from "../../lib/sealing/signer-data";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { capturedMailForTests } from "../fixtures/captured-mail";

// The endpoint's signing secret as Resend shows it: "whsec_" and base64.
const secret = `whsec_${Buffer.from(randomUUID()).toString("base64")}`;
(env as { RESEND_WEBHOOK_SECRET?: string }).RESEND_WEBHOOK_SECRET = secret;
const { POST } = await import("../../app/api/webhooks/resend/route");

const provider = capturedMailForTests();

// A digest delivered to the provider (the capture server): its id is what events refer to.
async function sentDigest() {
  const campaign = await createCampaign({ goals: [1_000_000], digestCadence: "WEEKLY" });
  const id = randomUUID();
  await db.signature.create({
    data: { id, campaignId: campaign.id, ...(await sealSignatureFields(campaign.id, id, { name: "Layla Haddad" })), country: "SY", locale: "en", state: "CONFIRMED", confirmedAt: new Date(Date.now() - 60_000) },
  });
  const dm = await db.decisionMaker.create({
    data: { organisationId: campaign.owners[0]!.organisationId, name: { en: "High Representative" }, institution: { en: "European Union" }, country: "INT", email: uniqueEmail("dm") },
  });
  await db.campaignTarget.create({ data: { campaignId: campaign.id, decisionMakerId: dm.id } });
  await runDigestJob({ campaignId: campaign.id });
  const digest = await db.digest.findFirstOrThrow({ where: { campaignId: campaign.id } });
  await deliverDueMessages({ transport: provider.transport, pace: { acquire: async () => {} }, onlyKeys: [digest.outboxKey] });
  return db.digest.findUniqueOrThrow({ where: { id: digest.id } });
}

function event(type: string, providerId: string, occurredAt = new Date()) {
  return JSON.stringify({ type, created_at: occurredAt.toISOString(), data: { email_id: providerId, to: ["someone@example.org"], subject: "x" } });
}

// Signed the way Svix signs Resend's webhooks.
function signed(body: string, options: { id?: string; at?: Date; key?: string } = {}) {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  const signature = new Webhook(options.key ?? secret).sign(id, at, body);
  return { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": signature };
}

function post(body: string, headers: Record<string, string>) {
  return POST(new Request("http://nida.test/api/webhooks/resend", { method: "POST", body, headers: { "content-type": "application/json", ...headers } }));
}

describe("POST /api/webhooks/resend", () => {
  it("records a signed delivery event in the digest's log, once", async () => {
    const digest = await sentDigest();
    expect(digest.status).toBe("SENT");
    const deliveredAt = new Date(Date.now() - 1_000);
    const body = event("email.delivered", digest.providerId!, deliveredAt);
    const headers = signed(body);

    const response = await post(body, headers);
    expect(response.status).toBe(200);
    const logged = await db.digest.findUniqueOrThrow({ where: { id: digest.id } });
    expect(logged.status).toBe("DELIVERED");
    expect(logged.deliveredAt?.toISOString()).toBe(deliveredAt.toISOString());

    // The very same event again (a replay, even within the signature's validity) changes nothing.
    const replay = await post(body, headers);
    expect(replay.status).toBe(409);
    expect(await db.deliveryEvent.count({ where: { digestId: digest.id } })).toBe(1);

    // A late "sent" does not undo "delivered"; a bounce afterwards is recorded with its time.
    const lateSent = event("email.sent", digest.providerId!);
    expect((await post(lateSent, signed(lateSent))).status).toBe(200);
    const bounce = event("email.bounced", digest.providerId!);
    expect((await post(bounce, signed(bounce))).status).toBe(200);
    const after = await db.digest.findUniqueOrThrow({ where: { id: digest.id } });
    expect(after.status).toBe("BOUNCED");
    expect(after.bouncedAt).toBeInstanceOf(Date);
    expect(after.deliveredAt?.toISOString()).toBe(deliveredAt.toISOString());
  });

  it("refuses unsigned, forged, tampered and stale events without touching the log", async () => {
    const digest = await sentDigest();
    const body = event("email.delivered", digest.providerId!);

    expect((await post(body, {})).status).toBe(401);
    const forged = signed(body, { key: `whsec_${Buffer.from("not the real secret").toString("base64")}` });
    expect((await post(body, forged)).status).toBe(401);
    const tampered = signed(event("email.delivered", "someone-elses-id"));
    expect((await post(body, tampered)).status).toBe(401);
    const stale = signed(body, { at: new Date(Date.now() - 10 * 60_000) });
    expect((await post(body, stale)).status).toBe(401);

    expect(await db.digest.findUniqueOrThrow({ where: { id: digest.id } })).toMatchObject({ status: "SENT", deliveredAt: null });
    expect(await db.deliveryEvent.count({ where: { providerId: digest.providerId! } })).toBe(0);
  });
});
