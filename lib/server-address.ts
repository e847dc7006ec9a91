import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { env } from "./env";

// A server on the embedded database writes down the address its links point to (APP_URL, or
// http://localhost:PORT) in a file beside the database's folder, so that a command run later
// from another shell, without the PORT or APP_URL the server was started with, prints links
// that work and finds the server if it is still running. PostgreSQL installs set APP_URL.
function addressFile(pgliteDataDir: string): string | null {
  return pgliteDataDir.startsWith("memory://") ? null : `${pgliteDataDir.replace(/[\\/]+$/, "")}.server-address`;
}

export function recordServerAddress(options: { appUrl: string; databaseUrl?: string; pgliteDataDir: string }): void {
  const file = options.databaseUrl ? null : addressFile(options.pgliteDataDir);
  if (!file || readAddress(file) === options.appUrl) return;
  try {
    // Written whole, then moved into place: a command never reads half an address.
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, `${options.appUrl}\n`);
    renameSync(draft, file);
  } catch (error) {
    // The server serves all the same; only a command's guess is worse.
    console.warn(`[server-address] could not record ${options.appUrl}: ${(error as Error).message}`);
  }
}

function readAddress(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? text.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}

export type CommandAddress = { url: string; from: "APP_URL" | "PORT" | "server" | "default" };

// Where links printed by a command should point: the address this command was given (APP_URL,
// or PORT, read as lib/env.ts reads them for the server), else the one the server last ran at
// with this embedded database, else the default http://localhost:3000.
export function commandAddress(): CommandAddress {
  if (env.APP_URL_FROM !== "default") return { url: env.APP_URL, from: env.APP_URL_FROM };
  const file = env.DATABASE_URL ? null : addressFile(env.PGLITE_DATA_DIR);
  const recorded = file ? readAddress(file) : null;
  return recorded ? { url: recorded, from: "server" } : { url: env.APP_URL, from: "default" };
}
