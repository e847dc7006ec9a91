import { db } from "../db";
import { supporterForToken } from "./supporter-tokens";
import { recordWithdrawnEvents } from "../signer-feed/record-signer-events";

export type UnsubscribeView = { alreadyUnsubscribed: boolean; organisations: number };

// What the unsubscribe page shows before the button is pressed; changes nothing.
export async function describeUnsubscribe(options: { token: string }): Promise<UnsubscribeView> {
  const { supporterId } = await supporterForToken(db, { token: options.token, purpose: "UNSUBSCRIBE" });
  const [supporter, organisations] = await Promise.all([
    db.supporter.findUnique({ where: { id: supporterId }, select: { unsubscribedAt: true } }),
    db.signatureConsent.count({ where: { signature: { supporterId } } }),
  ]);
  return { alreadyUnsubscribed: Boolean(supporter?.unsubscribedAt) && organisations === 0, organisations };
}

// Withdraws every "hear from organisation X" consent the supporter gave, on every campaign.
// Signing is a separate consent and stays: the signatures and the counts do not change.
// Idempotent: a second press (or a mail provider's retried POST) finds nothing left to withdraw.
export async function unsubscribeSupporter(options: { token: string }): Promise<{ withdrawn: number }> {
  return db.$transaction(async (tx) => {
    const { supporterId } = await supporterForToken(tx, { token: options.token, purpose: "UNSUBSCRIBE" });
    await recordWithdrawnEvents(tx, "UNSUBSCRIBED", { supporterIds: [supporterId] });
    const withdrawn = await tx.signatureConsent.deleteMany({ where: { signature: { supporterId } } });
    await tx.supporter.updateMany({ where: { id: supporterId, unsubscribedAt: null }, data: { unsubscribedAt: new Date() } });
    return { withdrawn: withdrawn.count };
  });
}
