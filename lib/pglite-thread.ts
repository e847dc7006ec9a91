import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { messages, type PGlite, type QueryOptions, type Results, type Transaction } from "@electric-sql/pglite";
import { env } from "./env";
import type { SentError, ThreadData, ThreadReply, ThreadRequest } from "./pglite-worker";

// PGlite on a thread of its own. Its WebAssembly Postgres runs every statement to the end before
// it returns, so in the server's own thread a busy embedded database would hold up every request
// while it works; on its own thread it uses the machine's second core. This is the part of PGlite's
// interface that Nida and pglite-prisma-adapter use (query, exec, transaction, close), each call
// sent to the thread and answered there in the order PGlite itself would run it.
//
// Values cross between threads by structured clone. Parsers are functions and cannot: the types
// the caller has parsers for come back as PGlite's text, and their parsers run here. The thread's
// side is lib/pglite-worker.ts.

function startThread(data: ThreadData): Worker {
  // In the server, Next.js's bundler compiles the thread's module into a file of its own and
  // points this at it.
  if (env.NEXT_RUNTIME === "nodejs") return new Worker(new URL("./pglite-worker.ts", import.meta.url), { workerData: data });
  // Scripts and tests run from source, and Node 20 cannot load TypeScript by itself: tsx compiles
  // the module inside the thread.
  const file = fileURLToPath(new URL("./pglite-worker.ts", import.meta.url));
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(file)});`, { eval: true, workerData: data });
}

function received(error: SentError): Error {
  if (!error.database) return new Error(error.message);
  const { length, name, ...fields } = error.fields;
  return Object.assign(new messages.DatabaseError(error.message, Number(length ?? 0), (name ?? "error") as never), fields);
}

export class PGliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure?: Error;

  constructor(dataDir: string) {
    this.worker = startThread({ dataDir });
    this.worker.unref();
    this.worker.on("message", (reply: ThreadReply) => this.settle(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the PGlite thread stopped (exit code ${code})`)));
  }

  query<Row>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<Row>> {
    return this.queryOn(undefined, sql, params, options);
  }

  exec(sql: string): Promise<Results[]> {
    return this.call({ op: "exec", sql }) as Promise<Results[]>;
  }

  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = (await this.call({ op: "begin" })) as number;
    let closed = false;
    const tx = {
      query: <Row>(sql: string, params?: unknown[], options?: QueryOptions) => this.queryOn<Row>(id, sql, params ?? [], options),
      exec: (sql: string) => this.call({ op: "exec", sql, tx: id }) as Promise<Results[]>,
      rollback: async () => {
        await this.call({ op: "rollback", tx: id });
        closed = true;
      },
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.call({ op: "end", tx: id, commit: false });
      throw error;
    }
    await this.call({ op: "end", tx: id, commit: true });
    return result;
  }

  // A consistent copy of the whole data folder (a gzipped tar that `loadDataDir` reads back),
  // taken while the database keeps serving.
  dumpDataDir(): Promise<Uint8Array> {
    return this.call({ op: "dump" }) as Promise<Uint8Array>;
  }

  async close(): Promise<void> {
    if (this.failure) return;
    await this.call({ op: "close" });
    await this.worker.terminate();
  }

  // What pglite-prisma-adapter is given: this, in PGlite's shape.
  asPGlite(): PGlite {
    return this as unknown as PGlite;
  }

  private async queryOn<Row>(tx: number | undefined, sql: string, params: unknown[], options?: QueryOptions): Promise<Results<Row>> {
    const parsers = options?.parsers ?? {};
    const textTypes = Object.keys(parsers).map(Number);
    const result = (await this.call({ op: "query", sql, params, rowMode: options?.rowMode, textTypes, tx })) as Results<Row>;
    if (textTypes.length === 0) return result;
    result.fields.forEach((field, index) => {
      const parse = parsers[field.dataTypeID];
      if (!parse) return;
      const key = options?.rowMode === "array" ? index : field.name;
      for (const row of result.rows as Record<string | number, unknown>[]) {
        const value = row[key];
        if (value !== null && value !== undefined) row[key] = (parse as (text: string, type: number) => unknown)(value as string, field.dataTypeID);
      }
    });
    return result;
  }

  private call(request: ThreadRequest): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    // The thread keeps the process alive only while an answer is awaited from it.
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
  }

  private settle(reply: ThreadReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(received(reply.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
