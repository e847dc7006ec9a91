import { db } from "../db";
import { recordNoticeEvent } from "../notices/record-notice-event";
import type { DeliveryStatus } from "../generated/prisma/enums";
import { wakeWebhooks } from "../webhooks/delivery-worker";
import { recordUpdateDeliveryEvent } from "../updates/update-delivery-event";
import { queueWebhookEvent } from "../webhooks/queue-webhook-event";
import type { ProviderEvent } from "./verify-resend-event";

// Resend's e-mail events that move a digest's delivery log; others (opened, clicked, delayed)
// are kept as events only.
const statusOf: Record<string, { status: DeliveryStatus; at: "sentAt" | "deliveredAt" | "bouncedAt" | "complainedAt" | "failedAt" }> = {
  "email.sent": { status: "SENT", at: "sentAt" },
  "email.delivered": { status: "DELIVERED", at: "deliveredAt" },
  "email.bounced": { status: "BOUNCED", at: "bouncedAt" },
  "email.complained": { status: "COMPLAINED", at: "complainedAt" },
  "email.failed": { status: "FAILED", at: "failedAt" },
};

// Events may arrive out of order: a late "sent" must not undo "delivered".
const rank: Record<DeliveryStatus, number> = { QUEUED: 0, SENT: 1, DELIVERED: 2, BOUNCED: 3, COMPLAINED: 3, FAILED: 3, MAILBOX: 3 };

export type RecordedEvent = "recorded" | "replayed";

export async function recordDeliveryEvent(event: ProviderEvent): Promise<RecordedEvent> {
  let queued = 0;
  const recorded = await db.$transaction(async (tx): Promise<RecordedEvent> => {
    const digest = await tx.digest.findFirst({
      where: { providerId: event.providerId },
      select: { id: true, status: true, deliveredAt: true, campaignId: true, decisionMakerId: true, periodKey: true, campaign: { select: { slug: true, owners: { select: { organisationId: true } } } } },
    });
    // The event id is the primary key: the same event a second time inserts nothing.
    const inserted = await tx.deliveryEvent.createMany({
      data: [{ id: event.id, digestId: digest?.id ?? null, providerId: event.providerId, type: event.type, occurredAt: event.occurredAt }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return "replayed";
    if (!digest) await recordUpdateDeliveryEvent(tx, event);
    const change = statusOf[event.type];
    if (!digest || !change) return "recorded";

    const moves = rank[change.status] >= rank[digest.status];
    await tx.digest.update({
      where: { id: digest.id },
      data: { [change.at]: event.occurredAt, ...(moves ? { status: change.status } : {}) },
    });
    if (change.status === "DELIVERED" && !digest.deliveredAt) {
      queued = await queueWebhookEvent(tx, {
        organisationIds: digest.campaign.owners.map((owner) => owner.organisationId),
        event: "digest.delivered",
        key: digest.id,
        payload: { campaign: digest.campaign.slug, digest: digest.id, decisionMaker: digest.decisionMakerId, period: digest.periodKey, deliveredAt: event.occurredAt.toISOString() },
      });
      // The first digest of the campaign to reach this decision-maker: its supporters are told.
      const earlier = await tx.digest.count({ where: { campaignId: digest.campaignId, decisionMakerId: digest.decisionMakerId, deliveredAt: { not: null }, id: { not: digest.id } } });
      if (earlier === 0) await recordNoticeEvent(tx, { campaignId: digest.campaignId, kind: "DELIVERED", decisionMakerId: digest.decisionMakerId });
    }
    return "recorded";
  });
  // The "digest.delivered" event is committed: the worker need not wait for its poll.
  if (queued > 0) wakeWebhooks();
  return recorded;
}
