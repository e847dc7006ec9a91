import { createHash, randomBytes } from "node:crypto";

// 32 random bytes: a key cannot be guessed, so its SHA-256 is enough to find it and no slow hash
// or constant-time comparison is needed (the look-up is by hash, never by the key).
export const apiKeyPrefix = "nida_";

export function newApiKey(): { key: string; keyHash: string } {
  const key = `${apiKeyPrefix}${randomBytes(32).toString("base64url")}`;
  return { key, keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
