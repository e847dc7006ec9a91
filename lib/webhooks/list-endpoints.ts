import { requireOrganisationRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import type { OutboxStatus, WebhookSignatureScheme } from "../generated/prisma/enums";

export type EndpointView = { id: string; url: string; events: string[]; includePersonalData: boolean; signatureScheme: WebhookSignatureScheme; active: boolean; createdAt: Date };
export type DeliveryLogEntry = {
  id: string;
  endpointUrl: string;
  event: string;
  status: OutboxStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  nextAttemptAt: Date;
};

export const deliveryLogLength = 50;

// An organisation's endpoints (never their secrets) and its most recent deliveries, for owners.
export async function listWebhookEndpoints(options: { actor: Actor; organisationId: string }): Promise<{ endpoints: EndpointView[]; deliveries: DeliveryLogEntry[] }> {
  requireOrganisationRole(options.actor, options.organisationId, "OWNER");
  const [endpoints, deliveries] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: { organisationId: options.organisationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, url: true, events: true, includePersonalData: true, signatureScheme: true, active: true, createdAt: true },
    }),
    db.webhookDelivery.findMany({
      where: { endpoint: { organisationId: options.organisationId } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: deliveryLogLength,
      select: {
        id: true,
        event: true,
        status: true,
        attempts: true,
        lastStatusCode: true,
        lastError: true,
        createdAt: true,
        deliveredAt: true,
        nextAttemptAt: true,
        endpoint: { select: { url: true } },
      },
    }),
  ]);
  return {
    endpoints,
    deliveries: deliveries.map(({ endpoint, ...delivery }) => ({ ...delivery, endpointUrl: endpoint.url })),
  };
}
