import type { Tx } from "../db";
import { recordWithdrawnEvents } from "../signer-feed/record-signer-events";

// What the provider says of a recipient's message. A bounce stops every later update to that
// address (the recipients query leaves out anyone with a bounced or complained message); a
// complaint ("this is spam") also withdraws the person's consent to hear from every
// organisation, as unsubscribing does.
export async function recordUpdateDeliveryEvent(tx: Tx, event: { providerId: string; type: string; occurredAt: Date }): Promise<void> {
  const column = { "email.delivered": "deliveredAt", "email.bounced": "bouncedAt", "email.complained": "complainedAt" }[event.type] as
    | "deliveredAt"
    | "bouncedAt"
    | "complainedAt"
    | undefined;
  if (!column) return;
  const recipient = await tx.updateRecipient.findFirst({ where: { providerId: event.providerId }, select: { id: true, supporterId: true } });
  if (!recipient) return;
  await tx.updateRecipient.update({ where: { id: recipient.id }, data: { [column]: event.occurredAt } });
  if (column === "complainedAt" && recipient.supporterId) {
    await recordWithdrawnEvents(tx, "UNSUBSCRIBED", { supporterIds: [recipient.supporterId] });
    await tx.signatureConsent.deleteMany({ where: { signature: { supporterId: recipient.supporterId } } });
    await tx.supporter.updateMany({ where: { id: recipient.supporterId, unsubscribedAt: null }, data: { unsubscribedAt: event.occurredAt } });
  }
}
