// Many callers' rows written in as few statements as the load calls for. While `inFlight`
// statements are running, rows that arrive wait and then go together, up to `maxRows` in one:
// under light load a row goes at once and alone; under heavy load one statement carries many,
// so the database and the driver do one round trip and one commit for all of them.
// Rows that share a key never share a statement (one statement must not touch a database row
// twice); such a row waits for a later statement, keeping its place in the queue.
export type GroupCommitOptions<Row, Result> = {
  // Writes the rows in one statement and returns one result per row, in the same order.
  run(rows: Row[]): Promise<Result[]>;
  keys(row: Row): readonly string[];
  inFlight: number;
  maxRows: number;
  // Whether a failed statement of several rows is run again one row at a time, so that the row
  // at fault fails alone. Not for errors every row would meet again (the database unreachable).
  retryAlone(error: unknown): boolean;
  // A row still waiting for a statement after this long fails with `waitedTooLong()`: when the
  // running statements hang (a database that stopped answering), the rows behind them fail fast
  // rather than pile up.
  maxWaitMs: number;
  waitedTooLong(): unknown;
};

export type GroupCommit<Row, Result> = { submit(row: Row): Promise<Result> };

type Waiting<Row, Result> = { row: Row; deadline: number; resolve(result: Result): void; reject(error: unknown): void };

export function groupCommit<Row, Result>(options: GroupCommitOptions<Row, Result>): GroupCommit<Row, Result> {
  let queue: Waiting<Row, Result>[] = [];
  let running = 0;
  let deadlineTimer: NodeJS.Timeout | undefined;
  // How far down the queue a statement looks for rows that do not clash with the ones it has.
  const lookahead = options.maxRows * 4;

  function nextRows(): Waiting<Row, Result>[] {
    const taken: Waiting<Row, Result>[] = [];
    const skipped: Waiting<Row, Result>[] = [];
    const seen = new Set<string>();
    let index = 0;
    for (; index < queue.length && index < lookahead && taken.length < options.maxRows; index++) {
      const waiting = queue[index]!;
      const keys = options.keys(waiting.row);
      if (keys.some((key) => seen.has(key))) {
        skipped.push(waiting);
        continue;
      }
      for (const key of keys) seen.add(key);
      taken.push(waiting);
    }
    queue = skipped.concat(queue.slice(index));
    return taken;
  }

  async function write(batch: Waiting<Row, Result>[]): Promise<void> {
    try {
      const results = await options.run(batch.map((waiting) => waiting.row));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} rows`);
      batch.forEach((waiting, index) => waiting.resolve(results[index]!));
    } catch (error) {
      if (batch.length === 1 || !options.retryAlone(error)) {
        for (const waiting of batch) waiting.reject(error);
        return;
      }
      await Promise.all(batch.map((waiting) => write([waiting])));
    }
  }

  function pump(): void {
    while (running < options.inFlight && queue.length > 0) {
      const batch = nextRows();
      running++;
      void write(batch).finally(() => {
        running--;
        pump();
      });
    }
    watchDeadlines();
  }

  // One timer at a time, for the row that has waited longest: the queue keeps the order of arrival.
  function watchDeadlines(): void {
    if (deadlineTimer || queue.length === 0) return;
    const oldest = queue[0]!.deadline;
    deadlineTimer = setTimeout(() => {
      deadlineTimer = undefined;
      const now = Date.now();
      const expired = queue.filter((waiting) => waiting.deadline <= now);
      queue = queue.filter((waiting) => waiting.deadline > now);
      for (const waiting of expired) waiting.reject(options.waitedTooLong());
      watchDeadlines();
    }, Math.max(0, oldest - Date.now()));
    deadlineTimer.unref();
  }

  return {
    submit(row) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ row, deadline: Date.now() + options.maxWaitMs, resolve, reject });
        pump();
      });
    },
  };
}
