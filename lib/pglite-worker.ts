// The embedded database's own thread: lib/pglite-thread.ts starts it and sends it PGlite's calls.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";

export type ThreadRequest =
  | { op: "query"; sql: string; params: unknown[]; rowMode?: "array" | "object"; textTypes: number[]; tx?: number }
  | { op: "exec"; sql: string; tx?: number }
  | { op: "begin" }
  | { op: "rollback"; tx: number }
  | { op: "end"; tx: number; commit: boolean }
  | { op: "dump" }
  | { op: "close" };

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SentError };

// An error as it crosses: a Postgres error keeps its fields (code, detail, constraint, ...).
export type SentError = { message: string; database: boolean; fields: Record<string, string | number | undefined> };

export type ThreadData = { dataDir: string };

// A transaction held open across messages: PGlite's callback waits on `finished` until the
// caller's thread says how it ends.
type OpenTransaction = {
  tx: Transaction;
  done: Promise<unknown>;
  end: { resolve: () => void; reject: (error: Error) => void };
  rolledBack?: Promise<void>;
};

function sent(error: unknown): SentError {
  const fields: SentError["fields"] = {};
  for (const [key, value] of Object.entries(error ?? {})) if (typeof value === "string" || typeof value === "number") fields[key] = value;
  const message = error instanceof Error ? error.message : String(error);
  const database = error instanceof Error && typeof (error as { code?: unknown }).code === "string" && typeof (error as { severity?: unknown }).severity === "string";
  return { message, database, fields };
}

function serve(port: NonNullable<typeof parentPort>, data: ThreadData): void {
  const pglite = new PGlite(data.dataDir);
  const transactions = new Map<number, OpenTransaction>();
  const held = (tx: number): OpenTransaction => {
    const open = transactions.get(tx);
    if (!open) throw new Error(`no open transaction ${tx}`);
    return open;
  };
  const target = (tx: number | undefined) => (tx === undefined ? pglite : held(tx).tx);

  function begin(id: number): Promise<number> {
    return new Promise((begun, failed) => {
      let end!: OpenTransaction["end"];
      const finished = new Promise<void>((resolve, reject) => (end = { resolve, reject }));
      finished.catch(() => undefined);
      let started = false;
      const done = pglite.transaction((tx) => {
        started = true;
        transactions.set(id, { tx, done, end });
        begun(id);
        return finished;
      });
      done.catch((error: unknown) => started || failed(error));
    });
  }

  async function finish(tx: number, commit: boolean): Promise<null> {
    const open = held(tx);
    transactions.delete(tx);
    await open.rolledBack?.catch(() => undefined);
    if (commit) open.end.resolve();
    else open.end.reject(new Error("rolled back"));
    try {
      await open.done;
    } catch (error) {
      if (commit) throw error;
    }
    return null;
  }

  // The data folder as a gzipped tar, between two transactions: no transaction may be open (the
  // transaction lock is held) and no statement runs while the files are read, so the copy is the
  // state after one commit. PGlite's own lock for this is not a public method.
  async function dump(): Promise<Uint8Array> {
    await pglite.exec("CHECKPOINT");
    const exclusive = pglite as unknown as { _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T> };
    const blob = await exclusive._runExclusiveTransaction(() => pglite.dumpDataDir("gzip"));
    return new Uint8Array(await blob.arrayBuffer());
  }

  function handle(message: ThreadRequest & { id: number }): Promise<unknown> {
    switch (message.op) {
      case "query": {
        const asText = (text: string) => text;
        return target(message.tx).query(message.sql, message.params, { rowMode: message.rowMode, parsers: Object.fromEntries(message.textTypes.map((type) => [type, asText])) });
      }
      case "exec":
        return target(message.tx).exec(message.sql);
      case "begin":
        return begin(message.id);
      case "rollback": {
        const open = held(message.tx);
        open.rolledBack = open.tx.rollback();
        return open.rolledBack;
      }
      case "end":
        return finish(message.tx, message.commit);
      case "dump":
        return dump();
      case "close":
        return pglite.close();
    }
  }

  port.on("message", (message: ThreadRequest & { id: number }) => {
    Promise.resolve()
      .then(() => handle(message))
      .then(
        (value) => port.postMessage({ id: message.id, ok: true, value } satisfies ThreadReply),
        (error: unknown) => port.postMessage({ id: message.id, ok: false, error: sent(error) } satisfies ThreadReply),
      );
  });
}

// Imported for its types elsewhere, this module does nothing; started as a thread, it serves.
if (parentPort && (workerData as Partial<ThreadData> | null)?.dataDir !== undefined) serve(parentPort, workerData as ThreadData);
