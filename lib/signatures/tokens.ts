import { hash, randomFillSync } from "node:crypto";

const tokenBytes = 32; // 256 bits

// Tokens are cut from a pool of random bytes filled for 128 tokens at a time (as Node.js does for
// randomUUID): one call to the system's random source instead of one per token. Each token's bytes
// are wiped from the pool as soon as they are read, so the pool never holds a token handed out.
const pool = Buffer.alloc(tokenBytes * 128);
let poolOffset = pool.length;

function randomToken(): string {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const token = pool.toString("base64url", poolOffset, poolOffset + tokenBytes);
  pool.fill(0, poolOffset, poolOffset + tokenBytes);
  poolOffset += tokenBytes;
  return token;
}

export function newConfirmationToken(): { token: string; tokenHash: string } {
  const token = randomToken();
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return hash("sha256", token, "hex");
}

// Cheap shape check before touching the database: 32 bytes in base64url are 43 characters.
export function looksLikeToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
