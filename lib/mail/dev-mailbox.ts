import { randomUUID } from "node:crypto";
import { db } from "../db";
import { activeDataKey, isSealed, loadDataKeys, mailScope, open, seal, type SealedField } from "../sealing/seal";
import type { OutgoingEmail } from "./transport";

// The development mailbox keeps mail sealed, as the outbox does: it quotes signers (their address,
// their name, the letters they write). It is opened only to be read at /dev/mailbox.

// Reply-To and a copy can be a letter writer's address: sealed, each bound to its header.
const addressHeaders = ["Reply-To", "Cc"] as const;
const headerRowId = (id: string, header: string) => `${id}#${header}`;

type Headers = Record<string, string>;

export async function keepDevMail(email: OutgoingEmail): Promise<{ id: string }> {
  const id = randomUUID();
  const key = await activeDataKey(mailScope);
  const headers: Headers = { ...email.headers };
  for (const [header, address] of [["Reply-To", email.replyTo], ["Cc", email.cc]] as const) {
    if (address) headers[header] = seal(key, "dev_mails.headers", headerRowId(id, header), address);
  }
  return db.devMail.create({
    data: {
      id,
      toAddress: seal(key, "dev_mails.to_address", id, email.to),
      fromAddress: email.from,
      subject: seal(key, "dev_mails.subject", id, email.subject),
      html: seal(key, "dev_mails.html", id, email.html),
      text: seal(key, "dev_mails.text", id, email.text),
      headers,
      outboxKey: email.idempotencyKey,
    },
    select: { id: true },
  });
}

// Mail kept before the mailbox was sealed is still shown as it was kept.
function opened(value: string, field: SealedField, rowId: string): string {
  return isSealed(value) ? (open(value, field, rowId) ?? "") : value;
}

export async function listDevMail(limit = 100) {
  const mails = await db.devMail.findMany({ orderBy: { createdAt: "desc" }, take: limit, select: { id: true, toAddress: true, subject: true, createdAt: true } });
  await loadDataKeys(mails.flatMap((mail) => [mail.toAddress, mail.subject]));
  return mails.map((mail) => ({
    ...mail,
    toAddress: opened(mail.toAddress, "dev_mails.to_address", mail.id),
    subject: opened(mail.subject, "dev_mails.subject", mail.id),
  }));
}

export async function getDevMail(id: string) {
  const mail = await db.devMail.findUnique({ where: { id } });
  if (!mail) return null;
  const headers = { ...(mail.headers as Headers | null) };
  await loadDataKeys([mail.toAddress, mail.subject, mail.html, mail.text, ...addressHeaders.map((header) => headers[header])]);
  for (const header of addressHeaders) {
    if (headers[header]) headers[header] = opened(headers[header], "dev_mails.headers", headerRowId(mail.id, header));
  }
  return {
    ...mail,
    toAddress: opened(mail.toAddress, "dev_mails.to_address", mail.id),
    subject: opened(mail.subject, "dev_mails.subject", mail.id),
    html: opened(mail.html, "dev_mails.html", mail.id),
    text: opened(mail.text, "dev_mails.text", mail.id),
    headers,
  };
}
