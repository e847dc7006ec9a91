import { Resend } from "resend";
import { db } from "../db";
import { env } from "../env";
import type { RenderedEmail } from "./templates";

export type OutgoingEmail = RenderedEmail & {
  to: string;
  from: string;
  idempotencyKey: string;
  replyTo?: string;
  cc?: string;
};

// permanent: retrying cannot help (the provider refused the message itself).
export type DeliveryResult = { ok: true; providerId: string } | { ok: false; permanent: boolean; error: string };

export type MailTransport = { name: "resend" | "mailbox"; deliver(email: OutgoingEmail): Promise<DeliveryResult> };

export function resendTransport(apiKey: string, baseUrl?: string): MailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async deliver(email) {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: [email.to],
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
          replyTo: email.replyTo,
          cc: email.cc ? [email.cc] : undefined,
        },
        // A provider that hangs must not hold the worker: give up and retry later.
        { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(15_000) },
      );
      if (data) return { ok: true, providerId: data.id };
      const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
      // Network failures, rate limits, idempotency races and server errors are worth another try.
      const permanent = status !== null && status >= 400 && status < 500 && status !== 409 && status !== 429;
      return { ok: false, permanent, error: `${status ?? "network"}: ${error?.message ?? "unknown error"}` };
    },
  };
}

// With no provider configured, mail is kept in the database and readable at /dev/mailbox.
export function mailboxTransport(): MailTransport {
  return {
    name: "mailbox",
    async deliver(email) {
      const stored = await db.devMail.create({
        data: {
          toAddress: email.to,
          fromAddress: email.from,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: { ...email.headers, ...(email.replyTo ? { "Reply-To": email.replyTo } : {}), ...(email.cc ? { Cc: email.cc } : {}) },
        },
      });
      // The log names no address and no subject (a subject can quote a signer); the link shows both.
      console.info(`[mail] kept in the development mailbox: ${env.APP_URL}/dev/mailbox/${stored.id}`);
      return { ok: true, providerId: `mailbox:${stored.id}` };
    },
  };
}

export function configuredTransport(): MailTransport {
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL) : mailboxTransport();
}

export function devMailboxEnabled(): boolean {
  return !env.RESEND_API_KEY && env.NIDA_ENV !== "production";
}
