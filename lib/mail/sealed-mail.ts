import type { PrismaClient, Tx } from "../db";
import { activeDataKey, isSealed, loadDataKeys, mailScope, open, openText, seal, sealOptional, sealText } from "../sealing/seal";

// Mail on its way holds its addresses and its props sealed under the mail key, each bound to the
// message's idempotency key (known before the row is written, unlike its id). The payload is kept
// as JSON with the sealed props inside: { "sealed": "s1...." }. The worker opens them only to send.

// Where the key is read: the app's database, or the caller's transaction (on PGlite a
// transaction holds the only connection).
type KeyReader = PrismaClient | Tx;

type SealedPayload = { sealed: string };

type MailFields = { idempotencyKey: string; toAddress: string; replyTo?: string | null; cc?: string | null; payload: unknown };

// The row with its address, Reply-To, copy and props sealed.
export async function sealMail<Row extends MailFields>(row: Row, client?: KeyReader): Promise<Omit<Row, "payload"> & { replyTo: string | null; cc: string | null; payload: SealedPayload }> {
  const key = await activeDataKey(mailScope, client);
  const id = row.idempotencyKey;
  return {
    ...row,
    toAddress: seal(key, "outbox_messages.to_address", id, row.toAddress),
    replyTo: sealOptional(key, "outbox_messages.reply_to", id, row.replyTo),
    cc: sealOptional(key, "outbox_messages.cc", id, row.cc),
    payload: { sealed: seal(key, "outbox_messages.payload", id, JSON.stringify(row.payload)) },
  };
}

export async function sealMailPayload(idempotencyKey: string, payload: unknown, client?: KeyReader): Promise<SealedPayload> {
  return { sealed: await sealText(mailScope, "outbox_messages.payload", idempotencyKey, JSON.stringify(payload), client) };
}

function isSealedPayload(payload: unknown): payload is SealedPayload {
  return typeof payload === "object" && payload !== null && typeof (payload as { sealed?: unknown }).sealed === "string" && isSealed((payload as SealedPayload).sealed);
}

type AddressField = "outbox_messages.to_address" | "outbox_messages.reply_to" | "outbox_messages.cc";

// An address as the row holds it, opened; one written before sealing is plain. Null when there
// is none, its key is gone, or it is not this row's to open (a supporter's address, sealed as
// their row holds it, left behind when the supporter was deleted): no retry would open it.
export async function openMailAddress(stored: string | null, field: AddressField, idempotencyKey: string, client?: KeyReader): Promise<string | null> {
  if (stored === null || stored === "" || !isSealed(stored)) return stored || null;
  await loadDataKeys([stored], client);
  try {
    return open(stored, field, idempotencyKey);
  } catch {
    return null;
  }
}

// The props as the row holds them, opened; a payload that holds nobody's data (an update's, by
// reference) or was written before sealing is plain. Null when cleared, or its key is gone.
export async function openMailPayload(payload: unknown, idempotencyKey: string, client?: KeyReader): Promise<unknown> {
  if (!isSealedPayload(payload)) return payload ?? null;
  const opened = await openText(payload.sealed, "outbox_messages.payload", idempotencyKey, client);
  return opened === null ? null : (JSON.parse(opened) as unknown);
}
