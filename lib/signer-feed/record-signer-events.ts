import { createHmac } from "node:crypto";
import type { Tx } from "../db";
import type { SignerEventKind } from "../generated/prisma/enums";
import { appSecret } from "../secrets";

// The id an organisation's CRM knows a signer by: the same for all of that person's signatures
// with the organisation, different for every organisation, and nothing personal once they are
// erased (it cannot be turned back into an address).
function signerIdFor(organisationId: string, supporterId: string): string {
  return createHmac("sha256", appSecret()).update(`signer:${organisationId}:${supporterId}`).digest("base64url").slice(0, 32);
}

type Consent = { organisationId: string; signatureId: string; supporterId: string | null };

// Written in the caller's transaction, beside the change it reports; one event per organisation
// and signer (and per signature for SIGNED).
async function recordEvents(tx: Tx, kind: SignerEventKind, consents: Consent[]): Promise<void> {
  const seen = new Set<string>();
  const rows = consents.flatMap((consent) => {
    if (!consent.supporterId) return [];
    const signer = signerIdFor(consent.organisationId, consent.supporterId);
    const key = kind === "SIGNED" ? `${consent.organisationId}:${consent.signatureId}` : `${consent.organisationId}:${signer}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ organisationId: consent.organisationId, signer, kind, signatureId: kind === "SIGNED" ? consent.signatureId : null }];
  });
  if (rows.length > 0) await tx.signerEvent.createMany({ data: rows });
}

// A signature was confirmed: each organisation its signer consented to hear from may add them.
export async function recordSignedEvents(tx: Tx, signatureId: string): Promise<void> {
  const consents = await tx.signatureConsent.findMany({ where: { signatureId }, select: { organisationId: true, signatureId: true, signature: { select: { supporterId: true } } } });
  await recordEvents(tx, "SIGNED", consents.map((c) => ({ organisationId: c.organisationId, signatureId: c.signatureId, supporterId: c.signature.supporterId })));
}

// Before consents are withdrawn or erased: the organisations that held one learn of it.
export async function recordWithdrawnEvents(tx: Tx, kind: "UNSUBSCRIBED" | "ERASED", where: { supporterIds?: string[]; signatureIds?: string[] }): Promise<void> {
  const consents = await tx.signatureConsent.findMany({
    where: { signature: { OR: [...(where.supporterIds ? [{ supporterId: { in: where.supporterIds } }] : []), ...(where.signatureIds ? [{ id: { in: where.signatureIds } }] : [])] } },
    select: { organisationId: true, signatureId: true, signature: { select: { supporterId: true } } },
  });
  await recordEvents(tx, kind, consents.map((c) => ({ organisationId: c.organisationId, signatureId: c.signatureId, supporterId: c.signature.supporterId })));
}
