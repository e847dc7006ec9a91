import { afterEach, describe, expect, it, vi } from "vitest";
import { groupCommit } from "../../lib/group-commit";

type Row = { id: string; keys?: string[] };

// A statement runner that holds each statement until the test lets it finish, and records what
// each statement carried.
function heldStatements(options: { inFlight?: number; maxRows?: number; fail?: (rows: Row[]) => Error | undefined; retryAlone?: boolean; maxWaitMs?: number } = {}) {
  const statements: string[][] = [];
  const pending: (() => void)[] = [];
  const queue = groupCommit<Row, string>({
    run(rows) {
      statements.push(rows.map((row) => row.id));
      return new Promise((resolve, reject) => {
        pending.push(() => {
          const error = options.fail?.(rows);
          if (error) reject(error);
          else resolve(rows.map((row) => `done ${row.id}`));
        });
      });
    },
    keys: (row) => row.keys ?? [],
    inFlight: options.inFlight ?? 1,
    maxRows: options.maxRows ?? 100,
    retryAlone: () => options.retryAlone ?? true,
    maxWaitMs: options.maxWaitMs ?? 60_000,
    waitedTooLong: () => new Error("waited too long"),
  });
  // Lets every statement started so far finish, then waits for the queue to react.
  async function finishRunning() {
    for (const finish of pending.splice(0)) finish();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { queue, statements, finishRunning };
}

describe("groupCommit", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("writes a row at once and alone when nothing else is running", async () => {
    const { queue, statements, finishRunning } = heldStatements();
    const result = queue.submit({ id: "a" });
    expect(statements).toEqual([["a"]]);
    await finishRunning();
    expect(await result).toBe("done a");
  });

  it("gathers the rows that arrive while a statement runs into the next one, each answered with its own result", async () => {
    const { queue, statements, finishRunning } = heldStatements();
    const results = ["a", "b", "c", "d"].map((id) => queue.submit({ id }));
    expect(statements).toEqual([["a"]]);
    await finishRunning();
    expect(statements).toEqual([["a"], ["b", "c", "d"]]);
    await finishRunning();
    expect(await Promise.all(results)).toEqual(["done a", "done b", "done c", "done d"]);
  });

  it("runs as many statements at once as it is allowed, and no more rows in one than allowed", async () => {
    const { queue, statements, finishRunning } = heldStatements({ inFlight: 2, maxRows: 2 });
    const results = ["a", "b", "c", "d", "e", "f", "g"].map((id) => queue.submit({ id }));
    expect(statements).toEqual([["a"], ["b"]]);
    await finishRunning();
    expect(statements.slice(2)).toEqual([["c", "d"], ["e", "f"]]);
    await finishRunning();
    expect(statements.slice(4)).toEqual([["g"]]);
    await finishRunning();
    expect(await Promise.all(results)).toHaveLength(7);
  });

  it("never puts two rows with a key in common in one statement, and keeps their order", async () => {
    const { queue, statements, finishRunning } = heldStatements();
    const results = [
      queue.submit({ id: "first", keys: ["x"] }),
      queue.submit({ id: "same address", keys: ["ip"] }),
      queue.submit({ id: "same address again", keys: ["ip", "y"] }),
      queue.submit({ id: "other", keys: ["z"] }),
      queue.submit({ id: "same e-mail", keys: ["y"] }),
    ];
    await finishRunning();
    await finishRunning();
    await finishRunning();
    expect(statements).toEqual([["first"], ["same address", "other", "same e-mail"], ["same address again"]]);
    expect(await Promise.all(results)).toHaveLength(5);
  });

  it("runs a failed statement's rows again one at a time, so only the row at fault fails", async () => {
    const { queue, statements, finishRunning } = heldStatements({ fail: (rows) => (rows.some((row) => row.id === "bad") ? new Error("refused") : undefined) });
    const first = queue.submit({ id: "a" });
    const later = Promise.allSettled(["b", "bad", "c"].map((id) => queue.submit({ id })));
    await finishRunning();
    await finishRunning();
    await finishRunning();
    expect(statements).toEqual([["a"], ["b", "bad", "c"], ["b"], ["bad"], ["c"]]);
    expect(await first).toBe("done a");
    expect((await later).map((result) => (result.status === "fulfilled" ? result.value : (result.reason as Error).message))).toEqual(["done b", "refused", "done c"]);
  });

  it("fails every row of a statement at once when the error is not one row's fault", async () => {
    const { queue, statements, finishRunning } = heldStatements({ fail: () => new Error("database unreachable"), retryAlone: false });
    const results = Promise.allSettled(["a", "b", "c"].map((id) => queue.submit({ id })));
    await finishRunning();
    await finishRunning();
    expect(statements).toEqual([["a"], ["b", "c"]]);
    expect((await results).map((result) => result.status)).toEqual(["rejected", "rejected", "rejected"]);
  });

  it("fails the rows waiting behind a statement that hangs once they have waited too long, and only them", async () => {
    vi.useFakeTimers();
    const { queue, statements, finishRunning } = heldStatements({ maxWaitMs: 10_000 });
    const hanging = queue.submit({ id: "a" });
    const early = Promise.allSettled([queue.submit({ id: "b" })]);
    vi.advanceTimersByTime(4_000);
    const late = Promise.allSettled([queue.submit({ id: "c" })]);
    vi.advanceTimersByTime(6_000);
    expect((await early).map((result) => result.status === "rejected" && (result.reason as Error).message)).toEqual(["waited too long"]);
    // The later row has waited 6 s of its 10: it is still queued, and goes once the statement ends.
    vi.useRealTimers();
    await finishRunning();
    expect(statements).toEqual([["a"], ["c"]]);
    await finishRunning();
    expect(await hanging).toBe("done a");
    expect((await late).map((result) => result.status === "fulfilled" && result.value)).toEqual(["done c"]);
  });
});
