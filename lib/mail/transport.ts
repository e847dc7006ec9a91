import { Resend } from "resend";
import { env } from "../env";
import { keepDevMail } from "./dev-mailbox";
import type { RenderedEmail } from "./templates";

export type OutgoingEmail = RenderedEmail & {
  to: string;
  from: string;
  idempotencyKey: string;
  replyTo?: string;
  cc?: string;
};

// permanent: retrying cannot help (the provider refused the message itself). kept: the message
// went to the development mailbox and never left the system.
export type DeliveryResult = { ok: true; providerId: string; kept?: true } | { ok: false; permanent: boolean; error: string };

// A batch is one provider request: either refused whole (retry it, or send its messages one by
// one if the provider refused the request itself), or answered per message, in order.
export type BatchResult =
  | { ok: true; results: DeliveryResult[] }
  | { ok: false; permanent: boolean; error: string };

export type MailTransport = {
  name: "resend" | "mailbox";
  deliver(email: OutgoingEmail): Promise<DeliveryResult>;
  // Absent: the transport takes one message at a time.
  deliverBatch?(emails: readonly OutgoingEmail[], batchKey: string): Promise<BatchResult>;
};

// Resend accepts at most this many messages in one batch request.
export const maxBatchSize = 100;

type ProviderError = { statusCode?: number | null; message?: string } | null;

function refusal(error: ProviderError): { ok: false; permanent: boolean; error: string } {
  const status = error?.statusCode ?? null;
  // Network failures, rate limits, idempotency races and server errors are worth another try.
  const permanent = status !== null && status >= 400 && status < 500 && status !== 409 && status !== 429;
  return { ok: false, permanent, error: `${status ?? "network"}: ${error?.message ?? "unknown error"}` };
}

function providerFields(email: OutgoingEmail) {
  return {
    from: email.from,
    to: [email.to],
    subject: email.subject,
    html: email.html,
    text: email.text,
    headers: email.headers,
    replyTo: email.replyTo,
    cc: email.cc ? [email.cc] : undefined,
  };
}

/** @internal exported for its tests */
export function resendTransport(apiKey: string, baseUrl?: string): MailTransport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async deliver(email) {
      const { data, error } = await resend.emails.send(
        providerFields(email),
        // A provider that hangs must not hold the worker: give up and retry later.
        { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(15_000) },
      );
      if (data) return { ok: true, providerId: data.id };
      return refusal(error);
    },
    async deliverBatch(emails, batchKey) {
      // Permissive validation: a message the provider refuses is reported by its index and the
      // others are sent. The batch key makes a re-sent batch a replay, not a second delivery.
      const { data, error } = await resend.batch.send(emails.map(providerFields), {
        idempotencyKey: batchKey,
        batchValidation: "permissive",
        signal: AbortSignal.timeout(30_000),
      });
      if (!data) return refusal(error);
      const refused = new Map((data.errors ?? []).map((entry) => [entry.index, entry.message]));
      const ids = data.data.map((entry) => entry.id);
      if (ids.length + refused.size !== emails.length) {
        return { ok: false, permanent: false, error: `batch answer lists ${ids.length} ids and ${refused.size} errors for ${emails.length} messages` };
      }
      // The ids list the accepted messages in the order they were sent.
      let next = 0;
      const results = emails.map((_, index): DeliveryResult => {
        const reason = refused.get(index);
        if (reason !== undefined) return { ok: false, permanent: true, error: `422: ${reason}` };
        return { ok: true, providerId: ids[next++]! };
      });
      return { ok: true, results };
    },
  };
}

// With no provider configured, mail is kept in the database and readable at /dev/mailbox.
/** @internal exported for its tests */
export function mailboxTransport(): MailTransport {
  return {
    name: "mailbox",
    async deliver(email) {
      const stored = await keepDevMail(email);
      // The log names no address and no subject (a subject can quote a signer); the link shows both.
      console.info(`[mail] kept in the development mailbox: ${env.APP_URL}/dev/mailbox/${stored.id}`);
      return { ok: true, providerId: `mailbox:${stored.id}`, kept: true };
    },
  };
}

export function configuredTransport(): MailTransport {
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL) : mailboxTransport();
}

export function devMailboxEnabled(): boolean {
  return !env.RESEND_API_KEY && env.NIDA_ENV !== "production";
}
