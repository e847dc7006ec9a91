import type { Tx } from "../db";
import type { Locale } from "../i18n/locales";
import { wakeQueue } from "../jobs/wake";
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
// transaction, so the message exists exactly when the event that caused it does.
export async function sendEmail<K extends TemplateName>(tx: Tx, options: SendEmailOptions<K>): Promise<void> {
  await tx.outboxMessage.create({ data: outboxRow(options) });
}

// The outbox row of a message, for sendEmail and for the statement that records first signatures.
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

// Called after the transaction commits, so the worker looks now rather than at its next poll.
export function wakeOutbox(): void {
  wakeQueue("mail");
}
