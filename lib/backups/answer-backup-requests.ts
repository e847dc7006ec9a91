import { database } from "../db";
import { env } from "../env";
import { listenForBackupRequests } from "./pglite-control";

// The server holding an embedded database answers `npm run db:backup` (see pglite-control.ts).
export async function answerBackupRequests(): Promise<void> {
  const current = database();
  if (!current.pglite || env.PGLITE_DATA_DIR.startsWith("memory://")) return;
  try {
    await listenForBackupRequests(env.PGLITE_DATA_DIR, current.pglite);
  } catch (error) {
    // The server serves without it; a backup then needs the server stopped.
    console.error("[backup] cannot answer backup requests:", error instanceof Error ? error.message : error);
  }
}
