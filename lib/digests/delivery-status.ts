import { onDelivery } from "../mail/delivery-hooks";

// A digest's delivery log starts when its e-mail leaves the outbox, in the same transaction: the
// provider accepted it (its id links later delivery events), or it could not be sent at all. A
// later provider event may already have moved it on. Without a provider the message only went to
// the development mailbox: the digest says so, and is never counted as sent.
onDelivery("digest", async (tx, { outboxKey, sent }) => {
  if (!sent) {
    await tx.digest.updateMany({ where: { outboxKey, status: "QUEUED" }, data: { status: "FAILED", failedAt: new Date() } });
    return;
  }
  if (sent.kept) {
    await tx.digest.updateMany({ where: { outboxKey, status: "QUEUED" }, data: { status: "MAILBOX", providerId: sent.providerId } });
    return;
  }
  await tx.$executeRaw`
    UPDATE digests
       SET provider_id = ${sent.providerId},
           status = CASE WHEN status = 'QUEUED' THEN 'SENT'::"DeliveryStatus" ELSE status END,
           sent_at = coalesce(sent_at, now())
     WHERE outbox_key = ${outboxKey}`;
});
