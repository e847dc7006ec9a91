import { randomUUID } from "node:crypto";
import { db, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { startPollingWorker, type PollingWorker } from "./polling-worker";
import { onQueueWake, wakeQueue, type QueueName } from "./wake";

// The tables that hold a queue's rows. Each is the queue's own domain record (an outbox message,
// a webhook delivery), with the same lifecycle columns: status, attempts, next_attempt_at,
// locked_until, last_error.
type QueueTable = "outbox_messages" | "webhook_deliveries";

/** @internal exported for its tests */
export type QueuedRow = { id: string; attempts: number };

// The claim that still holds a row: only it may record the row's outcome, so a worker whose lease
// ran out cannot overwrite what the worker that took over has recorded.
type Hold = { id: string; status: "SENDING"; attempts: number };

// What the engine writes when a row is settled; the queue adds its own columns.
type Lifecycle = { status: "SENT" | "PENDING" | "FAILED"; lockedUntil: null; lastError?: string | null; nextAttemptAt?: Date };

type WorkOutcome = { ok: true } | { ok: false; permanent?: boolean; error: string };

type Settled = "done" | "retrying" | "failed";

export type QueueDefinition<Update> = {
  name: QueueName;
  table: QueueTable;
  // The columns a claim returns, of the row aliased `q`.
  returning: Prisma.Sql;
  // More conditions a row must meet to be claimed (e.g. its endpoint is active), on `q`.
  claimable?: Prisma.Sql;
  // How claimed rows are ordered (and numbered into batches), on `q`.
  order: Prisma.Sql;
  // Which due rows are claimed first: the lanes in turn (e.g. digests after all other mail), each
  // oldest first. Each is read in the order of the (status, next_attempt_at) index, so a claim
  // reads about as many rows as it takes, however many wait. Default: one lane.
  lanes?: Prisma.Sql[];
  leaseSeconds: number;
  maxAttempts: () => number;
  retryDelayMs: (attempts: number) => number;
  // Rows travel in batches of this size whose key (batch_key) is written before the work starts,
  // so a batch cut short is taken again whole, under the same key.
  batchSize?: number;
  // Writes a settled row: the engine's lifecycle columns and the queue's own.
  write: (tx: Tx, hold: Hold, data: Lifecycle & Update) => Promise<unknown>;
};

export type Queue<Update> = {
  name: QueueName;
  table: QueueTable;
  // Claims up to `limit` due rows (or ones whose worker died: lease ran out) for this worker;
  // `scope` narrows the claim (e.g. one endpoint's deliveries).
  claim<Row extends QueuedRow>(options: { limit: number; scope?: Prisma.Sql }): Promise<Row[]>;
  // Records a claimed row's outcome: done, again later (backing off), or given up after its last
  // attempt or a permanent failure (the row stays, FAILED, with its last error: the dead letters).
  settle(tx: Tx, row: QueuedRow, outcome: WorkOutcome, options?: { update?: Update; retryAt?: Date }): Promise<Settled>;
  retryDelayMs(attempts: number): number;
  wake(): void;
  // The queue's worker in this process: polls, and runs a round at once when woken.
  start(options: { pollMs: number; round: () => Promise<{ claimed: number }>; limit: number }): PollingWorker;
};

// Due: waiting and its time has come, or claimed by a worker whose lease has run out.
const due = Prisma.sql`((q.status = 'PENDING' AND q.next_attempt_at <= now()) OR (q.status = 'SENDING' AND q.locked_until < now()))`;

export function defineQueue<Update = Record<never, never>>(definition: QueueDefinition<Update>): Queue<Update> {
  const table = Prisma.raw(definition.table);
  const claimable = definition.claimable ? Prisma.sql`AND ${definition.claimable}` : Prisma.empty;
  const lease = Prisma.sql`now() + make_interval(secs => ${definition.leaseSeconds})`;
  const lanes = definition.lanes ?? [Prisma.sql`TRUE`];

  // The ids of up to `limit` due rows: first those whose worker died (their lease ran out), then
  // each lane's waiting rows, oldest first. The arms run in turn and stop once `limit` are found.
  // Each arm locks the rows it reads and passes over rows another claim holds, so two workers
  // claiming at the same moment take different rows rather than the second finding none.
  function dueIds(limit: number, scope: Prisma.Sql): Prisma.Sql {
    const arms = [
      Prisma.sql`SELECT q.id FROM ${table} AS q WHERE q.status = 'SENDING' AND q.locked_until < now() ${claimable} ${scope} ORDER BY q.next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      ...lanes.map(
        (lane) =>
          Prisma.sql`SELECT q.id FROM ${table} AS q WHERE q.status = 'PENDING' AND q.next_attempt_at <= now() AND ${lane} ${claimable} ${scope} ORDER BY q.next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
      ),
    ];
    const named = arms.map((arm, index) => Prisma.sql`${Prisma.raw(`arm${index}`)} AS (${arm})`);
    const reads = arms.map((_, index) => Prisma.raw(`SELECT id FROM arm${index}`));
    return Prisma.sql`WITH ${Prisma.join(named, ", ")} SELECT c.id FROM (${Prisma.join(reads, " UNION ALL ")}) AS c LIMIT ${limit}`;
  }

  // FOR UPDATE SKIP LOCKED: two workers, in one process or on two servers, never hold one row.
  async function claimRows<Row>(limit: number, scope: Prisma.Sql): Promise<Row[]> {
    return db.$queryRaw<Row[]>`
      UPDATE ${table} AS q
         SET status = 'SENDING', attempts = q.attempts + 1, locked_until = ${lease}
       WHERE ${due}
         AND q.id IN (SELECT q.id FROM ${table} AS q WHERE q.id IN (${dueIds(limit, scope)}) AND ${due} FOR UPDATE SKIP LOCKED)
      RETURNING ${definition.returning}`;
  }

  // As claimRows, and each row gets the key of the batch it travels in: fresh rows a new key (one
  // per batchSize rows), and a row that has one already (its batch failed, or its worker died) is
  // taken with the rest of its batch. Claims take turns (an advisory lock) so two of them never
  // split a batch.
  async function claimBatches<Row>(limit: number, scope: Prisma.Sql, batchSize: number): Promise<Row[]> {
    const claimKey = `batch:${randomUUID()}`;
    return db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`queue-claim:${definition.name}`}, 0))`;
      return tx.$queryRaw<Row[]>`
        WITH picked AS (
          SELECT q.* FROM ${table} AS q WHERE q.id IN (${dueIds(limit, scope)}) AND ${due}
           FOR UPDATE SKIP LOCKED),
        fresh AS (
          SELECT q.id, ${claimKey} || ':' || ((row_number() OVER (ORDER BY ${definition.order}, q.id) - 1) / ${batchSize})::text AS batch_key
            FROM picked AS q WHERE q.batch_key IS NULL),
        resumed AS (
          SELECT q.id, q.batch_key FROM ${table} AS q
           WHERE q.batch_key IN (SELECT batch_key FROM picked WHERE batch_key IS NOT NULL) AND ${due}),
        chosen AS (SELECT id, batch_key FROM fresh UNION SELECT id, batch_key FROM resumed)
        UPDATE ${table} AS q
           SET status = 'SENDING', attempts = q.attempts + 1, batch_key = chosen.batch_key, locked_until = ${lease}
          FROM chosen
         WHERE q.id = chosen.id AND ${due}
        RETURNING ${definition.returning}`;
    });
  }

  return {
    name: definition.name,
    table: definition.table,
    claim<Row extends QueuedRow>({ limit, scope }: { limit: number; scope?: Prisma.Sql }) {
      const narrowed = scope ? Prisma.sql`AND ${scope}` : Prisma.empty;
      return definition.batchSize ? claimBatches<Row>(limit, narrowed, definition.batchSize) : claimRows<Row>(limit, narrowed);
    },
    async settle(tx, row, outcome, options = {}) {
      const hold: Hold = { id: row.id, status: "SENDING", attempts: row.attempts };
      const update = (options.update ?? {}) as Update;
      if (outcome.ok) {
        await definition.write(tx, hold, { ...update, status: "SENT", lockedUntil: null, lastError: null });
        return "done";
      }
      const giveUp = outcome.permanent === true || row.attempts >= definition.maxAttempts();
      await definition.write(tx, hold, {
        ...update,
        status: giveUp ? "FAILED" : "PENDING",
        lastError: outcome.error,
        lockedUntil: null,
        ...(giveUp ? {} : { nextAttemptAt: options.retryAt ?? new Date(Date.now() + definition.retryDelayMs(row.attempts)) }),
      });
      return giveUp ? "failed" : "retrying";
    },
    retryDelayMs: definition.retryDelayMs,
    wake: () => wakeQueue(definition.name),
    start({ pollMs, round, limit }) {
      return startPollingWorker({
        name: definition.name,
        pollMs,
        round: async () => (await round()).claimed >= limit,
        onWake: (listener) => onQueueWake(definition.name, listener),
      });
    },
  };
}

// Backing off: twice as long after each failed attempt, up to `maxMs`, with up to a second of
// jitter so that rows that failed together do not all come back at once.
export function backoff(firstMs: number, maxMs: number): (attempts: number) => number {
  return (attempts) => Math.min(firstMs * 2 ** Math.max(0, attempts - 1), maxMs) + Math.floor(Math.random() * 1_000);
}

export type QueueCounts = { name: QueueName; due: number; retrying: number; inFlight: number; failed: number; oldestDueAt: Date | null };

// How a queue stands now, for the owners' page: counts only, nothing of any row's contents.
export async function queueCounts(definition: { name: QueueName; table: QueueTable }): Promise<QueueCounts> {
  const [row] = await db.$queryRaw<{ due: number; retrying: number; in_flight: number; failed: number; oldest_due_at: Date | null }[]>`
    SELECT count(*) FILTER (WHERE ${due})::int AS due,
           count(*) FILTER (WHERE q.status = 'PENDING' AND q.attempts > 0)::int AS retrying,
           count(*) FILTER (WHERE q.status = 'SENDING' AND q.locked_until >= now())::int AS in_flight,
           count(*) FILTER (WHERE q.status = 'FAILED')::int AS failed,
           min(q.next_attempt_at) FILTER (WHERE ${due}) AS oldest_due_at
      FROM ${Prisma.raw(definition.table)} AS q
     WHERE q.status IN ('PENDING', 'SENDING', 'FAILED')`;
  return { name: definition.name, due: row?.due ?? 0, retrying: row?.retrying ?? 0, inFlight: row?.in_flight ?? 0, failed: row?.failed ?? 0, oldestDueAt: row?.oldest_due_at ?? null };
}
