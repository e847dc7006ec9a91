import { recordAudit, requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { AppError } from "../errors";
import { allowPrivateWebhookUrls, deliverHeldWebhook, heldByWriter } from "./delivery-worker";
import { isPrivateHost } from "./endpoint-url";
import type { WebhookEvent } from "./schema";
import { createEndpointSchema, webhookFieldErrors } from "./schema";
import { generateWebhookSecret } from "./sign";

// An organisation's webhook endpoints are its owners' business: every function here requires
// the OWNER role. Someone who is not a member of the endpoint's organisation is told it does
// not exist.

export type CreatedEndpoint = { id: string; url: string; events: WebhookEvent[]; includePersonalData: boolean; secret: string };

export async function createWebhookEndpoint(options: { actor: Actor; organisationId: string; url: unknown; events: unknown; includePersonalData: unknown }): Promise<CreatedEndpoint> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const parsed = createEndpointSchema.safeParse({ url: options.url, events: options.events, includePersonalData: options.includePersonalData });
  if (!parsed.success) throw new AppError("VALIDATION", { fields: webhookFieldErrors(parsed.error) });
  const { url, events, includePersonalData } = parsed.data;
  if (!allowPrivateWebhookUrls() && isPrivateHost(url)) throw new AppError("VALIDATION", { fields: { url: "urlPrivate" } });
  const secret = generateWebhookSecret();
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { organisationId: options.organisationId, url, events: [...new Set(events)], includePersonalData, secret },
      select: { id: true },
    });
    await recordAudit(tx, {
      organisationId: options.organisationId,
      actor: options.actor,
      action: "webhook.create",
      affected: 1,
      details: { endpoint: created.id, url, events, includePersonalData },
    });
    return created;
  });
  // The secret leaves the system this once, to be copied by the owner; it is never shown again.
  return { id: endpoint.id, url, events: [...new Set(events)], includePersonalData, secret };
}

async function ownedEndpoint(actor: Actor, endpointId: unknown) {
  if (typeof endpointId !== "string" || endpointId.length === 0 || endpointId.length > 64) throw new AppError("NOT_FOUND");
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true, organisationId: true, url: true, active: true } });
  if (!endpoint || !actor.memberships.some((m) => m.organisationId === endpoint.organisationId)) throw new AppError("NOT_FOUND");
  requireOrganisationRole(actor, endpoint.organisationId, "OWNER");
  return endpoint;
}

export async function setWebhookEndpointActive(options: { actor: Actor; endpointId: unknown; active: boolean }): Promise<{ url: string; changed: boolean }> {
  const endpoint = await ownedEndpoint(options.actor, options.endpointId);
  return db.$transaction(async (tx) => {
    const changed = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, active: !options.active }, data: { active: options.active } });
    if (changed.count > 0) {
      await recordAudit(tx, {
        organisationId: endpoint.organisationId,
        actor: options.actor,
        action: options.active ? "webhook.enable" : "webhook.disable",
        affected: 1,
        details: { endpoint: endpoint.id, url: endpoint.url },
      });
    }
    return { url: endpoint.url, changed: changed.count > 0 };
  });
}

// Deleting an endpoint deletes its delivery log with it (and anything still queued for it).
export async function deleteWebhookEndpoint(options: { actor: Actor; endpointId: unknown }): Promise<{ url: string }> {
  const endpoint = await ownedEndpoint(options.actor, options.endpointId);
  await db.$transaction(async (tx) => {
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id: endpoint.id } });
    await recordAudit(tx, {
      organisationId: endpoint.organisationId,
      actor: options.actor,
      action: "webhook.delete",
      affected: deleted.count,
      details: { endpoint: endpoint.id, url: endpoint.url },
    });
  });
  return { url: endpoint.url };
}

// Moves an endpoint from the older Nida-Signature header to Standard Webhooks. The scheme keys
// its HMAC with the secret's base64 bytes, so the endpoint gets a new secret in that form, shown
// this once; the receiver switches its verification and its secret together.
export async function switchToStandardWebhooks(options: { actor: Actor; endpointId: unknown }): Promise<{ url: string; secret: string | null }> {
  const endpoint = await ownedEndpoint(options.actor, options.endpointId);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const changed = await tx.webhookEndpoint.updateMany({ where: { id: endpoint.id, signatureScheme: "NIDA" }, data: { signatureScheme: "STANDARD", secret } });
    if (changed.count === 0) return { url: endpoint.url, secret: null };
    await recordAudit(tx, {
      organisationId: endpoint.organisationId,
      actor: options.actor,
      action: "webhook.scheme",
      affected: 1,
      details: { endpoint: endpoint.id, url: endpoint.url, scheme: "standard-webhooks" },
    });
    return { url: endpoint.url, secret };
  });
}

export type TestSendResult = { url: string; delivered: boolean; statusCode: number | null; error: string | null };

// A "webhook.test" event to one endpoint, attempted at once so the owner sees the outcome; if it
// fails it is retried like any delivery, and the log shows each attempt's result.
export async function sendTestWebhook(options: { actor: Actor; endpointId: unknown }): Promise<TestSendResult> {
  const endpoint = await ownedEndpoint(options.actor, options.endpointId);
  if (!endpoint.active) throw new AppError("VALIDATION", { fields: { endpoint: "endpointDisabled" } });
  const delivery = await db.$transaction(async (tx) => {
    const created = await tx.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        event: "webhook.test",
        idempotencyKey: `${endpoint.id}:webhook.test:${crypto.randomUUID()}`,
        payload: { event: "webhook.test", occurredAt: new Date().toISOString(), data: { message: "A test event sent from Nida's webhook settings." } },
        // Sent here and now, not by whichever worker polls first: the owner waits for its answer.
        ...heldByWriter(),
      },
      select: { id: true },
    });
    await recordAudit(tx, { organisationId: endpoint.organisationId, actor: options.actor, action: "webhook.test", affected: 1, details: { endpoint: endpoint.id, url: endpoint.url } });
    return created;
  });
  await deliverHeldWebhook(delivery.id);
  const after = await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id }, select: { status: true, lastStatusCode: true, lastError: true } });
  return { url: endpoint.url, delivered: after.status === "SENT", statusCode: after.lastStatusCode, error: after.lastError };
}
