import type { Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { openMailPayload, sealMailPayload } from "../mail/sealed-mail";

export type AnonymisedCounts = { signatures: number; supporters: number };

// Removes the personal data of these signatures, in the caller's transaction. Everything removed
// is found by reference (the signatures' ids, their supporters' ids, the keys of their mail), never
// by searching other rows for the signer's values: a name such as "Organiser" or a comment such
// as "example.org" also appears in other people's data, which must stay exactly as it is.
//
// The signature rows stay, with their campaign, state, country, dates and source, so every count
// (by country, by day, the campaign's total) is unchanged. A supporter left with no signature is
// deleted outright, with their links and the letters' link to them. Running it again finds
// nothing left to remove.
export async function anonymiseSignatures(tx: Tx, options: { signatureIds: string[]; supporterIds?: string[] }): Promise<AnonymisedCounts> {
  const signatures = await tx.signature.findMany({
    where: { id: { in: options.signatureIds } },
    select: { id: true, supporterId: true, campaignId: true, ipHash: true },
  });
  const signatureIds = signatures.map((signature) => signature.id);
  const supporterIds = [...new Set([...(options.supporterIds ?? []), ...signatures.flatMap((s) => (s.supporterId ? [s.supporterId] : []))])];

  const now = new Date();
  const anonymised = await tx.signature.updateMany({
    where: { id: { in: signatureIds } },
    data: { supporterId: null, name: "", nameWords: [], postcode: null, comment: null, ipHash: null, emailDomain: "", showPublicly: false, commentApproved: false, anonymisedAt: now },
  });
  // Consent to hear from an organisation belongs to a person: with the person gone, so is it.
  await tx.signatureConsent.deleteMany({ where: { signatureId: { in: signatureIds } } });
  await tx.confirmationToken.deleteMany({ where: { signatureId: { in: signatureIds } } });

  const leaving = (
    await tx.supporter.findMany({ where: { id: { in: supporterIds }, signatures: { none: {} } }, select: { id: true } })
  ).map((supporter) => supporter.id);
  // Letters written as one of these signatures, and every letter of a supporter who leaves.
  const letterKeys = (
    await tx.letter.findMany({
      where: { OR: [{ signatureId: { in: signatureIds } }, { supporterId: { in: leaving } }] },
      select: { outboxKey: true },
    })
  ).map((letter) => letter.outboxKey);
  await tx.letter.updateMany({ where: { signatureId: { in: signatureIds } }, data: { signatureId: null } });
  await tx.letter.updateMany({ where: { supporterId: { in: leaving } }, data: { supporterId: null } });

  const mailKeys = await scrubMail(tx, { signatureIds, supporterIds: leaving, letterKeys });
  // The development mailbox's copies of that mail go with it.
  if (mailKeys.length > 0) await tx.devMail.deleteMany({ where: { outboxKey: { in: mailKeys } } });
  await scrubWebhookDeliveries(tx, signatureIds);
  await forgetSignAttempts(tx, signatures);
  await tx.supporter.deleteMany({ where: { id: { in: leaving } } });
  return { signatures: anonymised.count, supporters: leaving.length };
}

// Mail to the signer about these signatures, and every mail to a supporter who leaves (updates,
// notices), loses its address and content; letters they wrote keep the decision-maker's address
// but lose theirs and their words; a digest not yet sent loses their comment. Mail to or from them
// not yet sent is never sent. Returns the keys of the mail that was theirs.
async function scrubMail(tx: Tx, options: { signatureIds: string[]; supporterIds: string[]; letterKeys: string[] }): Promise<string[]> {
  const { signatureIds, supporterIds, letterKeys } = options;
  if (signatureIds.length === 0 && supporterIds.length === 0 && letterKeys.length === 0) return [];
  const toSigner = await tx.$queryRaw<{ key: string }[]>`
    UPDATE outbox_messages
       SET to_address = '', reply_to = NULL, cc = NULL, payload = NULL,
           last_error = CASE WHEN last_error IS NULL THEN NULL ELSE 'erased' END,
           status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'FAILED' ELSE status END
     WHERE signature_id = ANY(${signatureIds}) OR supporter_id = ANY(${supporterIds})
    RETURNING idempotency_key AS key`;
  const letters = await tx.$queryRaw<{ key: string }[]>`
    UPDATE outbox_messages
       SET reply_to = NULL, cc = NULL, payload = NULL,
           last_error = CASE WHEN last_error IS NULL THEN NULL ELSE 'erased' END,
           status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'FAILED' ELSE status END
     WHERE idempotency_key = ANY(${letterKeys})
    RETURNING idempotency_key AS key`;
  await scrubDigestComments(tx, signatureIds);
  return [...toSigner, ...letters].map((row) => row.key);
}

type UnsentDigest = { id: string; key: string; payload: unknown };

// A digest keeps its payload until it is sent (the payload is cleared then); each comment it
// quotes names its signature. The payload is sealed, so which digests quote these signatures is
// seen only once opened: every digest not yet sent is opened (few: they go out within minutes,
// or failed). Those that quote one are locked, so the worker neither sends nor clears one while
// it is rewritten, read again, and sealed again without those comments.
async function scrubDigestComments(tx: Tx, signatureIds: string[]): Promise<void> {
  if (signatureIds.length === 0) return;
  const leaving = new Set(signatureIds);
  const quoting = async (digest: UnsentDigest) => {
    const props = (await openMailPayload(digest.payload, digest.key, tx)) as { comments?: { signature?: unknown }[] } | null;
    if (!Array.isArray(props?.comments)) return null;
    const kept = props.comments.filter((comment) => !(typeof comment?.signature === "string" && leaving.has(comment.signature)));
    return kept.length === props.comments.length ? null : { ...props, comments: kept };
  };
  const unsent = (ids?: string[]) => tx.$queryRaw<UnsentDigest[]>`
    SELECT id, idempotency_key AS key, payload FROM outbox_messages
     WHERE template = 'digest' AND status IN ('PENDING', 'SENDING', 'FAILED') AND payload IS NOT NULL
       ${ids ? Prisma.sql`AND id = ANY(${ids}) ORDER BY id FOR UPDATE` : Prisma.empty}`;
  const found: string[] = [];
  for (const digest of await unsent()) if (await quoting(digest)) found.push(digest.id);
  if (found.length === 0) return;
  for (const digest of await unsent(found)) {
    const scrubbed = await quoting(digest);
    if (scrubbed) await tx.outboxMessage.update({ where: { id: digest.id }, data: { payload: await sealMailPayload(digest.key, scrubbed, tx) } });
  }
}

// Webhook deliveries about these signatures keep the event and lose the signer's name and
// e-mail, whether sent already or not; a receiver's error message may have quoted them.
async function scrubWebhookDeliveries(tx: Tx, signatureIds: string[]): Promise<void> {
  if (signatureIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE webhook_deliveries
       SET personal_data = NULL, last_error = CASE WHEN last_error IS NULL THEN NULL ELSE 'erased' END
     WHERE signature_id = ANY(${signatureIds}) AND personal_data IS NOT NULL`;
}

// The signer's recent sign attempts: the rate-limit row of the address they signed from, on the
// campaign they signed.
async function forgetSignAttempts(tx: Tx, signatures: { campaignId: string; ipHash: string | null }[]): Promise<void> {
  const attempts = signatures.flatMap((s) => (s.ipHash ? [s] : []));
  if (attempts.length === 0) return;
  await tx.$executeRaw`
    DELETE FROM sign_attempt_windows AS w
     USING unnest(${attempts.map((a) => a.campaignId)}::text[], ${attempts.map((a) => a.ipHash!)}::text[]) AS signed (campaign_id, ip_hash)
     WHERE w.campaign_id = signed.campaign_id AND w.ip_hash = signed.ip_hash`;
}
