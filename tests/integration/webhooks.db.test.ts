import { createHmac, randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { newConfirmationToken } from "../../lib/signatures/tokens";
import { deliverDueWebhooks, startWebhookWorker } from "../../lib/webhooks/delivery-worker";
import { listWebhookEndpoints } from "../../lib/webhooks/list-endpoints";
import { createWebhookEndpoint, deleteWebhookEndpoint, sendTestWebhook, setWebhookEndpointActive, switchToStandardWebhooks } from "../../lib/webhooks/manage-endpoints";
import { queueWebhookEvent } from "../../lib/webhooks/queue-webhook-event";
import { expectAppError } from "../fixtures/app-errors";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { createSealedSignature, createSealedSupporter } from "../fixtures/sealed-signers";
import { startWebhookReceiver, type ReceivedWebhook } from "../fixtures/webhook-receiver";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver?.stop();
});

async function createActor(organisationId: string, role: MemberRole): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return { userId: user.id, email: user.email, memberships: [{ organisationId, role }] };
}

// What a receiver does with each request: verify it with the Standard Webhooks library, from its
// own copy of the secret, independently of Nida's code.
function expectSignedBy(secret: string, request: ReceivedWebhook) {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
  expect(() => new Webhook(secret).verify(request.body, headers)).not.toThrow();
  expect(request.headers["webhook-id"]).toBe(request.headers["nida-delivery"]);
  expect(request.headers["nida-signature"]).toBeUndefined();
  expect(request.headers["content-type"]).toBe("application/json");
}

// What a receiver of the older scheme checks: Nida-Signature, t=<seconds>,v1=<hex HMAC of "t.body">.
function expectLegacySignedBy(secret: string, request: ReceivedWebhook) {
  const header = String(request.headers["nida-signature"] ?? "");
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  expect(match, `signature header "${header}"`).not.toBeNull();
  const [, timestamp, signature] = match!;
  expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);
  expect(signature).toBe(createHmac("sha256", secret).update(`${timestamp}.${request.body}`).digest("hex"));
  expect(request.headers["webhook-signature"]).toBeUndefined();
}

// A pending signature with a confirmation token, confirmed as the signer would.
async function confirmNewSignature(campaign: Campaign, name = "Layla Haddad") {
  const email = uniqueEmail();
  const supporter = await createSealedSupporter({ email });
  const signature = await createSealedSignature({ campaignId: campaign.id, supporterId: supporter.id, name, country: "SY", locale: "ar", emailDomain: "example.org" });
  const { token, tokenHash } = newConfirmationToken();
  await db.confirmationToken.create({ data: { tokenHash, signatureId: signature.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  expect(await confirmSignature({ token })).toMatchObject({ counted: true });
  return { signature, email };
}

async function ownedCampaign() {
  const campaign = await createCampaign({ goals: [1, 1000] });
  const organisationId = campaign.owners[0]!.organisationId;
  return { campaign, organisationId, owner: await createActor(organisationId, "OWNER") };
}

describe("webhook deliveries", () => {
  it("are signed with the endpoint's secret, retried after a 500 with the same id and body, and logged", async () => {
    const { campaign, organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["signature.confirmed"], includePersonalData: false });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const before = receiver.received.length;
    receiver.answer([500, 200]);

    const { signature } = await confirmNewSignature(campaign);
    expect(await deliverDueWebhooks({ endpointId: endpoint.id })).toMatchObject({ claimed: 1, retrying: 1 });
    const [first] = (await receiver.waitFor(before + 1)).slice(before);
    expect(first!.answered).toBe(500);
    expectSignedBy(endpoint.secret, first!);

    const afterFailure = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(afterFailure).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(afterFailure.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Backing off: nothing is due yet.
    expect(await deliverDueWebhooks({ endpointId: endpoint.id })).toMatchObject({ claimed: 0 });

    // The pause has passed.
    await db.webhookDelivery.update({ where: { id: afterFailure.id }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    expect(await deliverDueWebhooks({ endpointId: endpoint.id })).toMatchObject({ claimed: 1, delivered: 1 });
    const [, retry] = (await receiver.waitFor(before + 2)).slice(before);
    expect(retry!.answered).toBe(200);
    expectSignedBy(endpoint.secret, retry!);
    expect(retry!.headers["nida-delivery"]).toBe(afterFailure.id);
    expect(first!.headers["nida-delivery"]).toBe(afterFailure.id);
    expect(retry!.headers["nida-event"]).toBe("signature.confirmed");
    expect(retry!.body).toBe(first!.body);
    const body = JSON.parse(retry!.body);
    expect(body).toMatchObject({ id: afterFailure.id, event: "signature.confirmed", data: { campaign: campaign.slug, signature: signature.id, country: "SY" } });

    const { deliveries } = await listWebhookEndpoints({ actor: owner, organisationId });
    expect(deliveries).toEqual([expect.objectContaining({ id: afterFailure.id, status: "SENT", attempts: 2, lastStatusCode: 200, lastError: null, endpointUrl: receiver.url })]);
    expect(deliveries[0]!.deliveredAt).not.toBeNull();
    receiver.answer([200]);
  });

  it("keep the Nida-Signature header for an endpoint not switched, until its owner switches it to Standard Webhooks with a new secret", async () => {
    const { campaign, organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: `${receiver.url}?legacy`, events: ["signature.confirmed"], includePersonalData: false });
    // As the migration leaves an endpoint that existed before, with a secret of that time.
    const oldSecret = `whsec_${"Ab-_".repeat(10)}xyz`;
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { signatureScheme: "NIDA", secret: oldSecret } });
    expect((await listWebhookEndpoints({ actor: owner, organisationId })).endpoints).toEqual([expect.objectContaining({ id: endpoint.id, signatureScheme: "NIDA" })]);

    await confirmNewSignature(campaign);
    const before = receiver.received.length;
    await deliverDueWebhooks({ endpointId: endpoint.id });
    const [legacy] = (await receiver.waitFor(before + 1)).slice(before);
    expectLegacySignedBy(oldSecret, legacy!);

    const switched = await switchToStandardWebhooks({ actor: owner, endpointId: endpoint.id });
    expect(switched.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(await switchToStandardWebhooks({ actor: owner, endpointId: endpoint.id })).toEqual({ url: endpoint.url, secret: null });
    const audit = await db.auditEntry.findMany({ where: { organisationId, action: "webhook.scheme" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(switched.secret!);

    await confirmNewSignature(campaign);
    await deliverDueWebhooks({ endpointId: endpoint.id });
    const [standard] = (await receiver.waitFor(before + 2)).slice(before + 1);
    expectSignedBy(switched.secret!, standard!);
    const headers = Object.fromEntries(Object.entries(standard!.headers).map(([name, value]) => [name, String(value)]));
    expect(() => new Webhook(`whsec_${Buffer.from(oldSecret).toString("base64")}`).verify(standard!.body, headers)).toThrow();
  });

  it("carry no personal data unless the endpoint asked for it", async () => {
    const { campaign, organisationId, owner } = await ownedCampaign();
    const plain = await createWebhookEndpoint({ actor: owner, organisationId, url: `${receiver.url}?plain`, events: ["signature.confirmed"], includePersonalData: false });
    const personal = await createWebhookEndpoint({ actor: owner, organisationId, url: `${receiver.url}?personal`, events: ["signature.confirmed"], includePersonalData: true });
    const { email } = await confirmNewSignature(campaign, "Omar Khalil");
    const before = receiver.received.length;
    await deliverDueWebhooks({ endpointId: plain.id });
    await deliverDueWebhooks({ endpointId: personal.id });
    const [withoutData, withData] = (await receiver.waitFor(before + 2)).slice(before);
    expectSignedBy(plain.secret, withoutData!);
    expectSignedBy(personal.secret, withData!);
    expect(withoutData!.body).not.toContain("Omar Khalil");
    expect(withoutData!.body).not.toContain(email);
    expect(JSON.parse(withData!.body).data).toMatchObject({ name: "Omar Khalil", email });
    // Once delivered, the signer's details are not kept in the log.
    const stored = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: personal.id } });
    expect(JSON.stringify(stored.payload)).not.toContain(email);
  });

  it("hold the signer's name and address sealed until sent, and send them opened", async () => {
    const { campaign, organisationId, owner } = await ownedCampaign();
    const personal = await createWebhookEndpoint({ actor: owner, organisationId, url: `${receiver.url}?sealed`, events: ["signature.confirmed"], includePersonalData: true });
    const name = "Yasmin Haddad";
    const { email } = await confirmNewSignature(campaign, name);
    const [stored] = await db.$queryRaw<{ personal_data: string | null }[]>`
      SELECT lower(personal_data::text) AS personal_data FROM webhook_deliveries WHERE endpoint_id = ${personal.id}`;
    expect(stored?.personal_data).toMatch(/^\{"sealed": ?"s1\./);
    for (const value of [name, ...name.split(" "), email, email.split("@")[0]!]) {
      expect(stored!.personal_data, `personal_data holds ${value}`).not.toContain(value.toLowerCase());
    }
    const before = receiver.received.length;
    await deliverDueWebhooks({ endpointId: personal.id });
    const [request] = (await receiver.waitFor(before + 1)).slice(before);
    expectSignedBy(personal.secret, request!);
    expect(JSON.parse(request!.body).data).toMatchObject({ name, email });
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: personal.id } })).toMatchObject({ status: "SENT", personalData: null });
  });

  it("still send personal data queued before it was sealed", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: `${receiver.url}?unsealed`, events: ["signature.confirmed"], includePersonalData: true });
    const email = uniqueEmail();
    await db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        event: "signature.confirmed",
        idempotencyKey: `${endpoint.id}:signature.confirmed:${randomUUID()}`,
        payload: { event: "signature.confirmed", occurredAt: new Date().toISOString(), data: { country: "SY" } },
        personalData: { name: "Layla Haddad", email },
      },
    });
    const before = receiver.received.length;
    await deliverDueWebhooks({ endpointId: endpoint.id });
    const [request] = (await receiver.waitFor(before + 1)).slice(before);
    expect(JSON.parse(request!.body).data).toEqual({ country: "SY", name: "Layla Haddad", email });
  });

  it("reach only endpoints that chose the event, and a milestone once", async () => {
    const { campaign, organisationId, owner } = await ownedCampaign();
    const milestones = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["milestone.reached"], includePersonalData: false });
    await confirmNewSignature(campaign);
    const before = receiver.received.length;
    expect(await deliverDueWebhooks({ endpointId: milestones.id })).toMatchObject({ claimed: 1, delivered: 1 });
    const [request] = (await receiver.waitFor(before + 1)).slice(before);
    expectSignedBy(milestones.secret, request!);
    expect(JSON.parse(request!.body)).toMatchObject({ event: "milestone.reached", data: { campaign: campaign.slug, goal: 1, count: 1 } });
  });

  it("are sent as soon as a confirmation commits, not at the worker's next poll", async () => {
    const { campaign, organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["signature.confirmed"], includePersonalData: false });
    const before = receiver.received.length;
    // An event due before the worker starts: once it has arrived, the worker's first round is over
    // and its next poll is an hour away.
    await db.$transaction((tx) => queueWebhookEvent(tx, { organisationIds: [organisationId], event: "signature.confirmed", key: randomUUID(), payload: { campaign: campaign.slug } }));
    const worker = startWebhookWorker({ pollMs: 3_600_000, endpointId: endpoint.id });
    try {
      await receiver.waitFor(before + 1);
      const { signature } = await confirmNewSignature(campaign);
      const [request] = (await receiver.waitFor(before + 2)).slice(before + 1);
      expect(JSON.parse(request!.body)).toMatchObject({ event: "signature.confirmed", data: { signature: signature.id } });
    } finally {
      await worker.stop();
    }
  });

  it("give up after the last attempt and say why", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["milestone.reached"], includePersonalData: false });
    await db.$transaction((tx) => queueWebhookEvent(tx, { organisationIds: [organisationId], event: "milestone.reached", key: randomUUID(), payload: { goal: 1 } }));
    await db.webhookDelivery.updateMany({ where: { endpointId: endpoint.id }, data: { attempts: env.WEBHOOK_MAX_ATTEMPTS - 1 } });
    receiver.answer([503]);
    expect(await deliverDueWebhooks({ endpointId: endpoint.id })).toMatchObject({ claimed: 1, failed: 1 });
    receiver.answer([200]);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } })).toMatchObject({ status: "FAILED", attempts: env.WEBHOOK_MAX_ATTEMPTS, lastStatusCode: 503 });
    expect(await deliverDueWebhooks({ endpointId: endpoint.id })).toMatchObject({ claimed: 0 });
  });

  it("record a connection failure without a status code", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const gone = await startWebhookReceiver();
    const url = gone.url;
    await gone.stop();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url, events: ["milestone.reached"], includePersonalData: false });
    await db.$transaction((tx) => queueWebhookEvent(tx, { organisationIds: [organisationId], event: "milestone.reached", key: randomUUID(), payload: { goal: 1 } }));
    expect(await deliverDueWebhooks({ endpointId: endpoint.id })).toMatchObject({ retrying: 1 });
    const row = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(row).toMatchObject({ status: "PENDING", lastStatusCode: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
  });

  it("are each sent once when two workers run at the same time", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["milestone.reached"], includePersonalData: false });
    await db.$transaction(async (tx) => {
      for (let goal = 1; goal <= 6; goal++) await queueWebhookEvent(tx, { organisationIds: [organisationId], event: "milestone.reached", key: `goal-${goal}`, payload: { goal } });
    });
    const before = receiver.received.length;
    const reports = await Promise.all([deliverDueWebhooks({ endpointId: endpoint.id, limit: 4 }), deliverDueWebhooks({ endpointId: endpoint.id, limit: 4 })]);
    const rest = await deliverDueWebhooks({ endpointId: endpoint.id });
    expect(reports[0].delivered + reports[1].delivered + rest.delivered).toBe(6);
    const ids = (await receiver.waitFor(before + 6)).slice(before).map((request) => request.headers["nida-delivery"]);
    expect(new Set(ids).size).toBe(6);
    expect(receiver.received.length).toBe(before + 6);
  });

  it("are not sent to a disabled endpoint until it is enabled again", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["milestone.reached"], includePersonalData: false });
    await setWebhookEndpointActive({ actor: owner, endpointId: endpoint.id, active: false });
    // A disabled endpoint is not offered new events at all.
    await db.$transaction((tx) => queueWebhookEvent(tx, { organisationIds: [organisationId], event: "milestone.reached", key: randomUUID(), payload: { goal: 1 } }));
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    await expectAppError(sendTestWebhook({ actor: owner, endpointId: endpoint.id }), "VALIDATION");
    await setWebhookEndpointActive({ actor: owner, endpointId: endpoint.id, active: true });
    const result = await sendTestWebhook({ actor: owner, endpointId: endpoint.id });
    expect(result).toEqual({ url: receiver.url, delivered: true, statusCode: 200, error: null });
  });
});

describe("managing webhook endpoints", () => {
  it("lets an owner create, test, disable and delete an endpoint, with an audit entry for each change", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: ` ${receiver.url} `, events: ["signature.confirmed", "digest.delivered"], includePersonalData: true });
    const listed = await listWebhookEndpoints({ actor: owner, organisationId });
    expect(listed.endpoints).toEqual([expect.objectContaining({ id: endpoint.id, url: receiver.url, events: ["signature.confirmed", "digest.delivered"], includePersonalData: true, active: true })]);
    // The secret is shown once, at creation, and never listed.
    expect(JSON.stringify(listed)).not.toContain(endpoint.secret);

    const before = receiver.received.length;
    expect(await sendTestWebhook({ actor: owner, endpointId: endpoint.id })).toMatchObject({ delivered: true, statusCode: 200 });
    const [test] = (await receiver.waitFor(before + 1)).slice(before);
    expectSignedBy(endpoint.secret, test!);
    expect(test!.headers["nida-event"]).toBe("webhook.test");

    expect(await setWebhookEndpointActive({ actor: owner, endpointId: endpoint.id, active: false })).toEqual({ url: receiver.url, changed: true });
    expect(await setWebhookEndpointActive({ actor: owner, endpointId: endpoint.id, active: false })).toEqual({ url: receiver.url, changed: false });
    await deleteWebhookEndpoint({ actor: owner, endpointId: endpoint.id });
    expect(await db.webhookEndpoint.count({ where: { id: endpoint.id } })).toBe(0);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);

    const audit = await db.auditEntry.findMany({ where: { organisationId, action: { startsWith: "webhook." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.userId])).toEqual([
      ["webhook.create", owner.userId],
      ["webhook.test", owner.userId],
      ["webhook.disable", owner.userId],
      ["webhook.delete", owner.userId],
    ]);
    expect(JSON.stringify(audit)).not.toContain(endpoint.secret);
  });

  it("answers the owner's test send with its own outcome while a worker polls the same endpoint", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["milestone.reached"], includePersonalData: false });
    let sending = true;
    let claimedByWorker = 0;
    const worker = (async () => {
      while (sending) claimedByWorker += (await deliverDueWebhooks({ endpointId: endpoint.id })).claimed;
    })();
    const results = [];
    try {
      for (let n = 0; n < 5; n += 1) results.push(await sendTestWebhook({ actor: owner, endpointId: endpoint.id }));
    } finally {
      sending = false;
      await worker;
    }
    expect(results.map((result) => result.delivered)).toEqual([true, true, true, true, true]);
    expect(claimedByWorker).toBe(0);
    expect(await db.webhookDelivery.groupBy({ by: ["status", "attempts"], where: { endpointId: endpoint.id }, _count: true })).toEqual([{ status: "SENT", attempts: 1, _count: 5 }]);
  });

  it("refuses organisers and viewers, and tells other organisations the endpoint does not exist", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const endpoint = await createWebhookEndpoint({ actor: owner, organisationId, url: receiver.url, events: ["milestone.reached"], includePersonalData: false });
    const input = { organisationId, url: receiver.url, events: ["milestone.reached"], includePersonalData: false };
    for (const role of ["ORGANISER", "VIEWER"] as const) {
      const actor = await createActor(organisationId, role);
      await expectAppError(createWebhookEndpoint({ actor, ...input }), "FORBIDDEN");
      await expectAppError(listWebhookEndpoints({ actor, organisationId }), "FORBIDDEN");
      await expectAppError(setWebhookEndpointActive({ actor, endpointId: endpoint.id, active: false }), "FORBIDDEN");
      await expectAppError(sendTestWebhook({ actor, endpointId: endpoint.id }), "FORBIDDEN");
      await expectAppError(deleteWebhookEndpoint({ actor, endpointId: endpoint.id }), "FORBIDDEN");
    }
    const elsewhere = await ownedCampaign();
    await expectAppError(createWebhookEndpoint({ actor: elsewhere.owner, ...input }), "FORBIDDEN");
    await expectAppError(setWebhookEndpointActive({ actor: elsewhere.owner, endpointId: endpoint.id, active: false }), "NOT_FOUND");
    await expectAppError(sendTestWebhook({ actor: elsewhere.owner, endpointId: endpoint.id }), "NOT_FOUND");
    await expectAppError(deleteWebhookEndpoint({ actor: elsewhere.owner, endpointId: endpoint.id }), "NOT_FOUND");

    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({ active: true });
    expect(await db.webhookEndpoint.count({ where: { organisationId } })).toBe(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { organisationId, action: { startsWith: "webhook." } } })).toBe(1);
  });

  it("names each problem of a bad endpoint per field", async () => {
    const { organisationId, owner } = await ownedCampaign();
    const attempt = (url: unknown, events: unknown) => createWebhookEndpoint({ actor: owner, organisationId, url, events, includePersonalData: false });
    await expectAppError(attempt("", []), "VALIDATION", { url: "urlRequired", events: "eventsRequired" });
    await expectAppError(attempt("ftp://example.org/hook", ["milestone.reached"]), "VALIDATION", { url: "urlScheme" });
    await expectAppError(attempt("not an address", ["milestone.reached"]), "VALIDATION", { url: "urlInvalid" });
    await expectAppError(attempt("https://user:pass@example.org/hook", ["milestone.reached"]), "VALIDATION", { url: "urlInvalid" });
    await expectAppError(attempt("https://example.org/hook", ["signature.deleted"]), "VALIDATION", { events: "eventsRequired" });
    expect(await db.webhookEndpoint.count({ where: { organisationId } })).toBe(0);
  });
});
