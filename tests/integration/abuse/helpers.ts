import { expect } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { db } from "../../../lib/db";
import { canonicalEmail } from "../../../lib/signatures/canonical-email";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";

export async function signatureOf(campaignId: string, email: string) {
  return db.signature.findFirstOrThrow({ where: { campaignId, supporter: { canonicalEmail: canonicalEmail(email) } } });
}

// The confirmation e-mails sent to an address: what the signer receives.
export async function mailsTo(email: string) {
  const rows = await db.outboxMessage.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => ({ template: row.template, props: row.payload as unknown as ConfirmSignatureProps }));
}

// Presses Confirm in the first e-mail to the address.
export async function confirmFirstMail(email: string) {
  const [mail] = await mailsTo(email);
  expect(mail, `an e-mail to ${email}`).toBeDefined();
  const token = mail!.props.confirmUrl.slice(mail!.props.confirmUrl.lastIndexOf("/") + 1);
  return confirmSignature({ token });
}

export async function expectNothingStoredFor(email: string) {
  expect(await db.supporter.count({ where: { canonicalEmail: canonicalEmail(email) } })).toBe(0);
  expect(await db.outboxMessage.count({ where: { toAddress: email } })).toBe(0);
}
