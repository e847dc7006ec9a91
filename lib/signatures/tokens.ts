import { createHash, randomBytes } from "node:crypto";

const tokenBytes = 32; // 256 bits

export function newConfirmationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(tokenBytes).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

// Cheap shape check before touching the database: 32 bytes in base64url are 43 characters.
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
