import { db } from "../db";
import { anonymiseSignatures } from "./anonymise-signatures";
import { supporterForToken } from "./supporter-tokens";
import { recordWithdrawnEvents } from "../signer-feed/record-signer-events";

export type ErasureView = { signatures: number };

// What the erasure page shows before the button is pressed; changes nothing.
export async function describeErasure(options: { token: string }): Promise<ErasureView> {
  const { supporterId } = await supporterForToken(db, { token: options.token, purpose: "ERASE" });
  return { signatures: await db.signature.count({ where: { supporterId } }) };
}

// Erases a supporter at once: name, e-mail, postcode, comment and IP hash leave every table; the
// signatures stay as anonymous rows so every campaign's count is unchanged.
export async function eraseSupporter(options: { token: string }): Promise<{ signatures: number }> {
  return db.$transaction(async (tx) => {
    const { supporterId } = await supporterForToken(tx, { token: options.token, purpose: "ERASE" });
    const signatures = await tx.signature.findMany({ where: { supporterId }, select: { id: true } });
    // Organisations whose CRM holds the signer are told, by an id that names no one.
    await recordWithdrawnEvents(tx, "ERASED", { supporterIds: [supporterId] });
    const result = await anonymiseSignatures(tx, { signatureIds: signatures.map((s) => s.id), supporterIds: [supporterId] });
    return { signatures: result.signatures };
  });
}
