import { createHmac, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { env } from "./env";

const cached = new Map<string, string>();

// A secret of a local install without a configured one: random, kept beside the embedded database
// so that it stays the same across restarts.
export function localSecret(name: string): string {
  const known = cached.get(name);
  if (known) return known;
  const file = join(env.PGLITE_DATA_DIR.startsWith("memory://") ? ".data" : dirname(env.PGLITE_DATA_DIR), name);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written whole to a temporary file and linked into place: two processes starting at once
    // agree on one secret, and neither ever reads a half-written file.
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  const secret = readFileSync(file, "utf8").trim();
  cached.set(name, secret);
  return secret;
}

// APP_SECRET in production (required there); a local install's own otherwise.
export function appSecret(): string {
  return env.APP_SECRET ?? localSecret("app-secret");
}

// Lets abuse be grouped by address without ever storing the address itself.
export function hashIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return createHmac("sha256", appSecret()).update(`ip:${ip}`).digest("base64url").slice(0, 32);
}
