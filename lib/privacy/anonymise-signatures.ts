import type { Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { addPersonalValues, emptyPersonalValues, likePatterns, scrubJson, type PersonalValues } from "./personal-values";

export type AnonymisedCounts = { signatures: number; supporters: number };

// Removes the personal data of these signatures from every table, in the caller's transaction.
// The signature rows stay, with their campaign, state, country, dates and source, so every count
// (by country, by day, the campaign's total) is unchanged. A supporter left with no signature is
// deleted outright, with their links. Running it again finds nothing left to remove.
export async function anonymiseSignatures(tx: Tx, options: { signatureIds: string[]; supporterIds?: string[] }): Promise<AnonymisedCounts> {
  const signatures = await tx.signature.findMany({
    where: { id: { in: options.signatureIds } },
    select: { id: true, supporterId: true, name: true, postcode: true, comment: true, ipHash: true },
  });
  const signatureIds = signatures.map((signature) => signature.id);
  const supporterIds = [...new Set([...(options.supporterIds ?? []), ...signatures.flatMap((s) => (s.supporterId ? [s.supporterId] : []))])];
  const values = emptyPersonalValues();
  for (const signature of signatures) addPersonalValues(values, signature);
  const ipHashes = [...new Set(signatures.flatMap((s) => (s.ipHash ? [s.ipHash] : [])))];

  const letterKeys = (
    await tx.letter.findMany({
      where: { OR: [{ signatureId: { in: signatureIds } }, { supporterId: { in: supporterIds } }] },
      select: { outboxKey: true },
    })
  ).map((letter) => letter.outboxKey);

  const now = new Date();
  const anonymised = await tx.signature.updateMany({
    where: { id: { in: signatureIds } },
    data: { supporterId: null, name: "", postcode: null, comment: null, ipHash: null, emailDomain: "", showPublicly: false, commentApproved: false, anonymisedAt: now },
  });
  // Consent to hear from an organisation belongs to a person: with the person gone, so is it.
  await tx.signatureConsent.deleteMany({ where: { signatureId: { in: signatureIds } } });
  await tx.confirmationToken.deleteMany({ where: { signatureId: { in: signatureIds } } });
  await tx.letter.updateMany({ where: { signatureId: { in: signatureIds } }, data: { signatureId: null } });

  const leaving = await tx.supporter.findMany({
    where: { id: { in: supporterIds }, signatures: { none: {} } },
    select: { id: true, email: true, canonicalEmail: true },
  });
  for (const supporter of leaving) addPersonalValues(values, supporter);
  const emails = [...new Set(leaving.flatMap((s) => [s.email.toLowerCase(), s.canonicalEmail.toLowerCase()]))];
  await tx.letter.updateMany({ where: { supporterId: { in: leaving.map((s) => s.id) } }, data: { supporterId: null } });
  await tx.supporter.deleteMany({ where: { id: { in: leaving.map((s) => s.id) } } });

  await scrubOutbox(tx, { signatureIds, letterKeys, emails });
  await scrubElsewhere(tx, values, emails);
  if (ipHashes.length > 0) await tx.$executeRaw`DELETE FROM sign_attempt_windows WHERE ip_hash = ANY(${ipHashes})`;
  return { signatures: anonymised.count, supporters: leaving.length };
}

// Mail to the signer (confirmations, anything addressed to them) loses its address and content;
// letters they wrote keep the decision-maker's address but lose theirs and their words. Mail not
// yet sent is never sent.
async function scrubOutbox(tx: Tx, options: { signatureIds: string[]; letterKeys: string[]; emails: string[] }): Promise<void> {
  const { signatureIds, letterKeys, emails } = options;
  await tx.$executeRaw`
    UPDATE outbox_messages
       SET to_address = '', reply_to = NULL, cc = NULL, payload = NULL,
           last_error = CASE WHEN last_error IS NULL THEN NULL ELSE 'erased' END,
           status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'FAILED' ELSE status END
     WHERE (split_part(idempotency_key, ':', 1) = 'confirm-signature' AND split_part(idempotency_key, ':', 2) = ANY(${signatureIds}))
        OR lower(to_address) = ANY(${emails})`;
  await tx.$executeRaw`
    UPDATE outbox_messages
       SET reply_to = NULL, cc = NULL, payload = NULL,
           last_error = CASE WHEN last_error IS NULL THEN NULL ELSE 'erased' END,
           status = CASE WHEN status IN ('PENDING', 'SENDING') THEN 'FAILED' ELSE status END
     WHERE idempotency_key = ANY(${letterKeys}) OR lower(reply_to) = ANY(${emails}) OR lower(cc) = ANY(${emails})`;
}

type JsonRow = { id: string; value: unknown };

// Anything else that may quote the signer: outbox payloads of other mail (a digest quoting a
// comment), audit details (a moderation action by e-mail address), webhook payloads that carry
// personal data, job details; and the development mailbox, whose copies are deleted.
async function scrubElsewhere(tx: Tx, values: PersonalValues, emails: string[]): Promise<void> {
  const patterns = likePatterns(values);
  if (patterns.length === 0 && emails.length === 0) return;
  await tx.$executeRaw`
    DELETE FROM dev_mails
     WHERE lower(to_address) = ANY(${emails})
        OR html ILIKE ANY(${patterns}) OR text ILIKE ANY(${patterns}) OR headers::text ILIKE ANY(${patterns})`;
  if (patterns.length === 0) return;

  const outbox = await tx.$queryRaw<JsonRow[]>`SELECT id, payload AS value FROM outbox_messages WHERE payload::text ILIKE ANY(${patterns})`;
  for (const row of changedRows(outbox, values)) {
    await tx.outboxMessage.update({ where: { id: row.id }, data: { payload: row.value as Prisma.InputJsonValue } });
  }
  const audit = await tx.$queryRaw<JsonRow[]>`SELECT id, details AS value FROM audit_entries WHERE details::text ILIKE ANY(${patterns})`;
  for (const row of changedRows(audit, values)) {
    await tx.auditEntry.update({ where: { id: row.id }, data: { details: row.value as Prisma.InputJsonValue } });
  }
  const webhooks = await tx.$queryRaw<JsonRow[]>`SELECT id, payload AS value FROM webhook_deliveries WHERE payload::text ILIKE ANY(${patterns})`;
  for (const row of changedRows(webhooks, values)) {
    await tx.webhookDelivery.update({ where: { id: row.id }, data: { payload: row.value as Prisma.InputJsonValue } });
  }
  const jobs = await tx.$queryRaw<{ job: string; period_key: string; value: unknown }[]>`
    SELECT job, period_key, details AS value FROM job_runs WHERE details::text ILIKE ANY(${patterns})`;
  for (const row of jobs) {
    const value = scrubJson(row.value, values);
    if (value !== row.value) {
      await tx.jobRun.update({ where: { job_periodKey: { job: row.job, periodKey: row.period_key } }, data: { details: value as Prisma.InputJsonValue } });
    }
  }
  // Provider errors can quote the address they refused.
  await tx.$executeRaw`UPDATE outbox_messages SET last_error = 'erased' WHERE last_error ILIKE ANY(${patterns})`;
  await tx.$executeRaw`UPDATE webhook_deliveries SET last_error = 'erased' WHERE last_error ILIKE ANY(${patterns})`;
}

function changedRows(rows: JsonRow[], values: PersonalValues): JsonRow[] {
  return rows.flatMap((row) => {
    const value = scrubJson(row.value, values);
    return value === row.value ? [] : [{ id: row.id, value }];
  });
}
