import { expect } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { db } from "../../../lib/db";
import { openSignature } from "../../../lib/sealing/signer-data";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";
import { mailsTo as outboxMailsTo } from "../../fixtures/sealed-mail";
import { supporterWithEmail } from "../../fixtures/sealed-signers";

// The signature of the supporter with this address (however spelt), its name, postcode and comment opened.
export async function signatureOf(campaignId: string, email: string) {
  return openSignature(await db.signature.findFirstOrThrow({ where: { campaignId, supporter: supporterWithEmail(email) } }));
}

// The confirmation e-mails sent to an address: what the signer receives.
export async function mailsTo(email: string) {
  const rows = await outboxMailsTo(email);
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
  expect(await db.supporter.count({ where: supporterWithEmail(email) })).toBe(0);
  expect(await outboxMailsTo(email)).toHaveLength(0);
}
