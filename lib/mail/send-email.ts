import { randomUUID } from "node:crypto";
import type { PrismaClient, RowColumns, Tx } from "../db";
import type { Locale } from "../i18n/locales";
import { wakeQueue } from "../jobs/wake";
import { sealMail } from "./sealed-mail";
import type { TemplateName, TemplateProps } from "./templates";

export type SendEmailOptions<K extends TemplateName> = {
  template: K;
  to: string;
  locale: Locale;
  props: TemplateProps[K];
  // The same key is never delivered twice, whoever retries.
  idempotencyKey: string;
  // Where replies go (e.g. a supporter writing to a representative), and who gets a copy.
  replyTo?: string;
  cc?: string;
  // The signature a mail to its signer is about: erasing the signer finds the mail by it.
  signatureId?: string;
};

// Everything that leaves Nida goes through here: a row in the outbox, written in the caller's
// transaction, so the message exists exactly when the event that caused it does. Its addresses
// and props are sealed (sealed-mail.ts); the mail key is read through the transaction.
export async function sendEmail<K extends TemplateName>(tx: Tx, options: SendEmailOptions<K>): Promise<void> {
  await tx.outboxMessage.create({ data: await sealOutboxRow(outboxRow(options), tx) });
}

export type OutboxRow = ReturnType<typeof outboxRow>;

// The outbox row of a message as it is built, before sealing: for sendEmail and for the
// statements that write one in plain SQL beside the rows of the event that causes it (signing,
// sign-in). It is stored only through sealOutboxRow or outboxRowValues.
export function outboxRow<K extends TemplateName>(options: SendEmailOptions<K>) {
  return {
    idempotencyKey: options.idempotencyKey,
    template: options.template,
    toAddress: options.to,
    replyTo: options.replyTo,
    cc: options.cc,
    signatureId: options.signatureId,
    locale: options.locale,
    payload: options.props as TemplateProps[K] & object,
  };
}

// An outbox row as columns of a relation in plain SQL (lib/db.ts rowsRelation), in the order
// outboxRowValues gives them; prefixed, so they sit beside the columns of other rows.
export const outboxRowColumns = [
  ["mail_id", "text"],
  ["mail_idempotency_key", "text"],
  ["mail_template", "text"],
  ["mail_to_address", "text"],
  ["mail_reply_to", "text"],
  ["mail_cc", "text"],
  ["mail_signature_id", "text"],
  ["mail_locale", "text"],
  ["mail_payload", "text"],
] as const satisfies RowColumns;

// The row as stored: addresses and props sealed under the mail key.
export function sealOutboxRow(row: OutboxRow, client?: PrismaClient | Tx) {
  return sealMail(row, client);
}

// The sealed row's values, for outboxRowColumns; sealed before the statement runs, outside it.
export async function outboxRowValues(row: OutboxRow): Promise<unknown[]> {
  const sealed = await sealOutboxRow(row);
  return [randomUUID(), sealed.idempotencyKey, sealed.template, sealed.toAddress, sealed.replyTo, sealed.cc, sealed.signatureId ?? null, sealed.locale, JSON.stringify(sealed.payload)];
}

// Writes the outbox rows of the relation `source`, which has outboxRowColumns: for a common table
// expression of a larger statement, so the message is written exactly when the rest is.
export function insertOutboxRowsSql(source: string): string {
  return `INSERT INTO outbox_messages (id, idempotency_key, template, to_address, reply_to, cc, signature_id, locale, payload, created_at, next_attempt_at)
    SELECT m.mail_id, m.mail_idempotency_key, m.mail_template, m.mail_to_address, m.mail_reply_to, m.mail_cc, m.mail_signature_id, m.mail_locale::"Locale",
      m.mail_payload::jsonb, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
    FROM ${source} m`;
}

// Called after the transaction commits, so the worker looks now rather than at its next poll.
export function wakeOutbox(): void {
  wakeQueue("mail");
}
