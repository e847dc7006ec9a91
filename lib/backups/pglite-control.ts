import { chmodSync, unlinkSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { resolve } from "node:path";
import type { PGliteThread } from "../pglite-thread";

// PGlite lets one process open a data folder, and the running server holds it: a backup of the
// embedded database is taken by that process. It answers on a Unix socket beside the folder
// (`<folder>.sock`, mode 0600), not over HTTP: nothing behind the proxy can reach it, and only
// the folder's owner (who can read the files anyway) can connect.
//
// One exchange per connection: the client sends `backup\n`; the server answers one JSON line,
// `{"ok":true,"bytes":N}` followed by the N bytes of the gzipped tar, or `{"ok":false,"error":…}`.

export function controlSocketPath(dataDir: string): string {
  return `${resolve(dataDir)}.sock`;
}

export type ControlServer = { close(): void };

// In the server process: answers backup requests for the data folder it holds.
export async function listenForBackupRequests(dataDir: string, pglite: PGliteThread): Promise<ControlServer | null> {
  const path = controlSocketPath(dataDir);
  const holder = await probe(path);
  // Another live process answers for this folder: it holds the data, not this one.
  if (holder === "answering") return null;
  if (holder === "stale") unlinkSync(path);
  const server: Server = createServer((socket) => answer(socket, pglite));
  await new Promise<void>((done, failed) => {
    server.once("error", failed);
    server.listen(path, () => done());
  });
  chmodSync(path, 0o600);
  const close = () => {
    server.close();
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.once("exit", close);
  return { close };
}

function answer(socket: Socket, pglite: PGliteThread): void {
  socket.on("error", () => undefined);
  let received = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => {
    received += chunk;
    if (!received.includes("\n")) {
      if (received.length > 64) socket.destroy();
      return;
    }
    socket.removeAllListeners("data");
    if (received.split("\n")[0] !== "backup") {
      socket.end(`${JSON.stringify({ ok: false, error: "unknown request" })}\n`);
      return;
    }
    pglite.dumpDataDir().then(
      (bytes) => {
        socket.write(`${JSON.stringify({ ok: true, bytes: bytes.byteLength })}\n`);
        socket.end(bytes);
      },
      (error: unknown) => socket.end(`${JSON.stringify({ ok: false, error: error instanceof Error ? error.message : String(error) })}\n`),
    );
  });
}

// Whether a process answers on the socket: "answering", "stale" (a file left by a process that
// is gone) or "absent".
export function probe(path: string): Promise<"answering" | "stale" | "absent"> {
  return new Promise((done) => {
    const socket = connect(path);
    socket.once("connect", () => {
      socket.destroy();
      done("answering");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code === "ECONNREFUSED" ? "stale" : "absent"));
  });
}

// From a script: the running server's backup of its data folder, or null when no server holds it.
export function requestBackup(dataDir: string, timeoutMs = 10 * 60_000): Promise<Uint8Array | null> {
  return new Promise((done, failed) => {
    const socket = connect(controlSocketPath(dataDir));
    const chunks: Buffer[] = [];
    let connected = false;
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`the server sent no backup within ${timeoutMs} ms`)));
    socket.once("connect", () => {
      connected = true;
      socket.write("backup\n");
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.once("error", (error: NodeJS.ErrnoException) => {
      if (!connected && (error.code === "ENOENT" || error.code === "ECONNREFUSED")) done(null);
      else failed(error);
    });
    socket.once("end", () => {
      const all = Buffer.concat(chunks);
      const lineEnd = all.indexOf(0x0a);
      if (lineEnd < 0) return failed(new Error("the server closed the connection without an answer"));
      const header = JSON.parse(all.subarray(0, lineEnd).toString("utf8")) as { ok: boolean; bytes?: number; error?: string };
      if (!header.ok) return failed(new Error(`the server could not take the backup: ${header.error}`));
      const body = all.subarray(lineEnd + 1);
      if (body.byteLength !== header.bytes) return failed(new Error(`the backup was cut short: ${body.byteLength} of ${header.bytes} bytes`));
      done(new Uint8Array(body));
    });
  });
}
