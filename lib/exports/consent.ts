import type { Prisma } from "../generated/prisma/client";

// An organisation may write to a signer, and so see their e-mail address, only if the signer
// ticked its consent box and has not unsubscribed or been erased since. The CSV export gives
// addresses by this rule and the signatures table shows them by it: one rule, in SQL and in Prisma.

// For the export's query, which joins signature_consents as `c` (for the organisation) and supporters as `sup`.
export const consentedSql = `c.signature_id IS NOT NULL AND sup.unsubscribed_at IS NULL AND sup.erased_at IS NULL`;

export function consentedWhere(organisationId: string): Prisma.SignatureWhereInput {
  return { consents: { some: { organisationId } }, supporter: { is: { unsubscribedAt: null, erasedAt: null } } };
}
