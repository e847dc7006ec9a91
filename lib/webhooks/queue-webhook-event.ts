import type { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";
import { activeDataKey, mailScope, seal } from "../sealing/seal";

import type { WebhookEvent } from "./schema";

export type QueueWebhookEventOptions = {
  organisationIds: string[];
  event: WebhookEvent;
  // Unique per occurrence of the event (e.g. the signature id): the same occurrence is queued once per endpoint.
  key: string;
  payload: Prisma.InputJsonObject;
  // The signature the event is about, if any: erasing its signer finds the delivery by it.
  signatureId?: string;
  // Added only for endpoints whose organisation chose to receive personal data.
  personalData?: Prisma.InputJsonObject;
};

// Written in the caller's transaction, like the outbox: the event and its cause commit together.
export async function queueWebhookEvent(tx: Tx, options: QueueWebhookEventOptions): Promise<number> {
  if (options.organisationIds.length === 0) return 0;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { organisationId: { in: options.organisationIds }, active: true, events: { has: options.event } },
    select: { id: true, includePersonalData: true },
  });
  if (endpoints.length === 0) return 0;
  const occurredAt = new Date().toISOString();
  const personalData = options.personalData ? JSON.stringify(options.personalData) : null;
  // Read in the transaction: on PGlite it holds the only connection.
  const key = personalData && endpoints.some((endpoint) => endpoint.includePersonalData) ? await activeDataKey(mailScope, tx) : null;
  const created = await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => {
      const idempotencyKey = `${endpoint.id}:${options.event}:${options.key}`;
      return {
        endpointId: endpoint.id,
        event: options.event,
        idempotencyKey,
        payload: { event: options.event, occurredAt, data: options.payload },
        signatureId: options.signatureId ?? null,
        // Sealed until delivered, bound to this delivery: only the delivery worker opens it.
        ...(endpoint.includePersonalData && key && personalData
          ? { personalData: { sealed: seal(key, "webhook_deliveries.personal_data", idempotencyKey, personalData) } }
          : {}),
      };
    }),
    skipDuplicates: true,
  });
  return created.count;
}
