// The hot paths' one-statement runner: a named statement is prepared once per connection (pg on
// PostgreSQL, PREPARE and EXECUTE on PGlite) and every parameter arrives exactly as it was given.
import { describe, expect, it } from "vitest";
import { database } from "../../lib/db";
import { applyMigrations } from "../../scripts/migrations/schema-engine";

const echo = {
  name: "test-echo-parameters",
  text: "SELECT $1::text AS text, $2::text[] AS list, $3::boolean AS flag, $4::int AS number, $5::text AS missing, $6::jsonb AS json",
};

const awkward = [
  "O'Brien said \"no\"; DROP TABLE signatures; --",
  "back\\slash \\' and \\\\ twice",
  "محمد الأحمد",
  "line\nbreak\ttab",
  "$1 $$ dollar $tag$",
  "",
];

describe("database().sql", () => {
  it("passes every kind of parameter through unchanged, however awkward its text", async () => {
    for (const text of awkward) {
      const [row] = await database().sql(echo, [text, [text, 'quote " inside', "", "NULL", "{braces}, commas"], true, 42, null, JSON.stringify({ text })]);
      expect(row).toEqual({ text, list: [text, 'quote " inside', "", "NULL", "{braces}, commas"], flag: true, number: 42, missing: null, json: { text } });
    }
  });

  it("runs an empty list and false as such", async () => {
    const [row] = await database().sql(echo, ["x", [], false, -7, null, "null"]);
    expect(row).toMatchObject({ list: [], flag: false, number: -7, json: null });
  });

  it("runs the same statement from many requests at once, the first time included", async () => {
    const statement = { name: "test-concurrent-first-run", text: "SELECT $1::int * 2 AS doubled" };
    const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => database().sql<{ doubled: number }>(statement, [i])));
    expect(rows.map(([row]) => row!.doubled)).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
  });

  it("reports a statement's error, and runs it again once the cause is gone", async () => {
    const table = `sql_runner_${Math.random().toString(36).slice(2, 8)}`;
    const statement = { name: `test-${table}`, text: `SELECT count(*)::int AS n FROM ${table} WHERE note = $1` };
    await expect(database().sql(statement, ["x"])).rejects.toThrow(/does not exist/);
    await database().prisma.$executeRawUnsafe(`CREATE TABLE ${table} (note text)`);
    try {
      expect(await database().sql(statement, ["x"])).toEqual([{ n: 0 }]);
    } finally {
      await database().prisma.$executeRawUnsafe(`DROP TABLE ${table}`);
    }
  });

  it("keeps working, Prisma too, after the migration engine has run on the same database", async () => {
    expect(await applyMigrations(database().migrationAdapter())).toEqual([]);
    const statement = { name: "test-after-migrating", text: "SELECT $1::int + 1 AS next" };
    expect(await database().sql(statement, [41])).toEqual([{ next: 42 }]);
    expect(await database().prisma.campaign.count()).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
