import { createHmac, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { env } from "./env";

let cached: string | undefined;

// APP_SECRET in production (required there). A local install without one gets a random secret,
// kept beside the embedded database so hashes stay stable across restarts.
export function appSecret(): string {
  if (cached) return cached;
  if (env.APP_SECRET) return (cached = env.APP_SECRET);
  const file = join(env.PGLITE_DATA_DIR.startsWith("memory://") ? ".data" : dirname(env.PGLITE_DATA_DIR), "app-secret");
  if (existsSync(file)) return (cached = readFileSync(file, "utf8").trim());
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
  return (cached = readFileSync(file, "utf8").trim());
}

// Lets abuse be grouped by address without ever storing the address itself.
export function hashIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  return createHmac("sha256", appSecret()).update(`ip:${ip}`).digest("base64url").slice(0, 32);
}
