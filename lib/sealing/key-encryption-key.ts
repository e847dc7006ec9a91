import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { env, isDataKey } from "../env";
import { localSecret } from "../secrets";

// The key that wraps every data key. It never enters the database: DATA_KEY, the file named by
// DATA_KEY_FILE, or on a local install a random key kept beside the embedded database.
export type KeyEncryptionKey = { id: string; key: Buffer };

let current: KeyEncryptionKey | undefined;

// A fingerprint that names the key in data_keys.kek_id without revealing it.
/** @internal exported for the key rotation's tests and benchmark */
export function keyFingerprint(key: Buffer): string {
  return createHash("sha256").update("nida-key-encryption-key:").update(key).digest("base64url").slice(0, 16);
}

function keyEncryptionKeyFrom(text: string, origin: string): KeyEncryptionKey {
  if (!isDataKey(text)) throw new Error(`${origin} is not 32 bytes in base64`);
  const key = Buffer.from(text.trim(), "base64");
  return { id: keyFingerprint(key), key };
}

// The key being replaced during a rotation, if any.
export function previousKeyEncryptionKey(): KeyEncryptionKey | null {
  return env.DATA_KEY_PREVIOUS ? keyEncryptionKeyFrom(env.DATA_KEY_PREVIOUS, "DATA_KEY_PREVIOUS") : null;
}

// The key-encryption key with this fingerprint, if this server has it.
export function keyEncryptionKeyById(id: string): KeyEncryptionKey | null {
  return [keyEncryptionKey(), previousKeyEncryptionKey()].find((key) => key?.id === id) ?? null;
}

export function keyEncryptionKey(): KeyEncryptionKey {
  if (current) return current;
  if (env.DATA_KEY) return (current = keyEncryptionKeyFrom(env.DATA_KEY, "DATA_KEY"));
  if (env.DATA_KEY_FILE) return (current = keyEncryptionKeyFrom(readFileSync(env.DATA_KEY_FILE, "utf8"), "DATA_KEY_FILE"));
  return (current = keyEncryptionKeyFrom(localSecret("data-key"), "the local data key"));
}
