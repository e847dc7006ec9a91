// The embedded database on its own thread behaves as PGlite does in the caller's thread: the same
// errors, all-or-nothing transactions, the caller's parsers; and the caller's thread stays free
// while a statement runs.
import { messages } from "@electric-sql/pglite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../lib/db";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { PGliteThread } from "../../lib/pglite-thread";

describe("PGliteThread", () => {
  let thread: PGliteThread;

  beforeAll(() => {
    thread = new PGliteThread("memory://");
  });

  beforeEach(async () => {
    await thread.exec("DROP TABLE IF EXISTS notes; CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL, at timestamp)");
  });

  afterAll(async () => {
    await thread.close();
  });

  it("reports Postgres errors as PGlite does, with their code and detail", async () => {
    await thread.query("INSERT INTO notes (id, body) VALUES ($1, $2)", [1, "first"]);
    const error = await thread.query("INSERT INTO notes (id, body) VALUES ($1, $2)", [1, "again"]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(messages.DatabaseError);
    expect(error).toMatchObject({ code: "23505", constraint: "notes_pkey", detail: "Key (id)=(1) already exists." });
    expect((await thread.query("SELECT count(*)::int AS n FROM notes")).rows).toEqual([{ n: 1 }]);
  });

  it("keeps all of a transaction or none of it", async () => {
    const failed = thread.transaction(async (tx) => {
      await tx.query("INSERT INTO notes (id, body) VALUES (10, 'kept only if all goes well')");
      await tx.query("INSERT INTO notes (id, body) VALUES (11, NULL)");
    });
    await expect(failed).rejects.toMatchObject({ code: "23502" });
    const committed = await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO notes (id, body) VALUES (20, 'a')");
      await tx.exec("INSERT INTO notes (id, body) VALUES (21, 'b')");
      return "done";
    });
    expect(committed).toBe("done");
    await thread.transaction(async (tx) => {
      await tx.query("INSERT INTO notes (id, body) VALUES (30, 'rolled back on request')");
      await tx.rollback();
      expect(tx.closed).toBe(true);
    });
    expect((await thread.query<{ id: number }>("SELECT id FROM notes ORDER BY id")).rows.map((row) => row.id)).toEqual([20, 21]);
  });

  it("runs a statement sent during a transaction after it ends, never inside it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = thread.transaction(async (tx) => {
      await tx.query("INSERT INTO notes (id, body) VALUES (1, 'undone')");
      await held;
      throw new Error("undo");
    });
    const outside = thread.query<{ n: number }>("SELECT count(*)::int AS n FROM notes");
    release();
    await expect(transaction).rejects.toThrow("undo");
    expect((await outside).rows).toEqual([{ n: 0 }]);
  });

  it("gives the caller's parsers the text of their types, and leaves other types parsed", async () => {
    await thread.query("INSERT INTO notes (id, body, at) VALUES (1, 'x', '2026-11-22 08:30:00.5')");
    const result = await thread.query("SELECT id, body, at FROM notes", [], { rowMode: "array", parsers: { 1114: (text: string) => `parsed ${text}` } });
    expect(result.rows).toEqual([[1, "x", "parsed 2026-11-22 08:30:00.5"]]);
  });

  it("leaves the caller's thread free while a long statement runs", async () => {
    let turns = 0;
    let running = true;
    const turn = () => {
      turns += 1;
      if (running) setImmediate(turn);
    };
    setImmediate(turn);
    const before = turns;
    await thread.query("SELECT count(*) FROM generate_series(1, 1000000)");
    running = false;
    expect(turns - before).toBeGreaterThan(1);
  });
});

describe("openDatabase on PGlite", () => {
  let database: Database;

  afterEach(async () => {
    await database.close();
  });

  it("runs Prisma, its transactions and the hot-path runner on the thread", async () => {
    database = openDatabase({ pgliteDataDir: "memory://" });
    await applyMigrations(database.migrationAdapter());
    const organisation = await database.prisma.organisation.create({ data: { slug: "thread-test", name: { en: "Thread test" } } });
    const duplicate = await database.prisma.organisation.create({ data: { slug: "thread-test", name: { en: "Again" } } }).catch((caught: unknown) => caught);
    expect(duplicate).toMatchObject({ code: "P2002" });
    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.organisation.update({ where: { id: organisation.id }, data: { name: { en: "Renamed" } } });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const [row] = await database.sql<{ name: unknown; created_at: Date }>({ name: "thread-test-read", text: "SELECT name, created_at FROM organisations WHERE id = $1" }, [organisation.id]);
    expect(row!.name).toEqual({ en: "Thread test" });
    expect(row!.created_at).toEqual(organisation.createdAt);
  });
});

describe("a transaction behind a long one on PGlite", () => {
  it("waits its turn as long as a query waits for a connection, not Prisma's 2 s", async () => {
    const database = openDatabase({ pgliteDataDir: "memory://" });
    try {
      // The database first starts and takes its migrations (seconds on a busy machine): what is
      // measured is the wait behind a transaction, not the start.
      await database.prisma.$queryRaw`SELECT 1`;
      let begun!: () => void;
      const longOneBegun = new Promise<void>((resolve) => (begun = resolve));
      // A periodic job's long transaction (a recount, retention) holding the one connection for 3 s.
      const longOne = database.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        begun();
        await new Promise((resolve) => setTimeout(resolve, 3_000));
      });
      await longOneBegun;
      const next = await database.prisma.$transaction(async (tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS one`);
      expect(next).toEqual([{ one: 1 }]);
      await longOne;
    } finally {
      await database.close();
    }
  });
});
