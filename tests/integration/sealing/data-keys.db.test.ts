// Data keys: one per scope however many servers ask at once, stored only wrapped, and a sealed
// value opens only in its own row and column, unaltered, while its key exists.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { keyEncryptionKey } from "../../../lib/sealing/key-encryption-key";
import { activeDataKey, destroyDataKeys, loadDataKeys, open, seal } from "../../../lib/sealing/seal";

describe("data keys", () => {
  it("makes one key per scope when many ask at once, and stores it only wrapped", async () => {
    const scope = `campaign:test-${randomUUID()}`;
    // Eight clients of their own, as eight servers' would be: none shares another's cache.
    const client = () => ({ dataKey: db.dataKey, $transaction: db.$transaction.bind(db) });
    const keys = await Promise.all(Array.from({ length: 8 }, () => activeDataKey(scope, client())));
    expect(new Set(keys.map((key) => key.id)).size).toBe(1);
    const rows = await db.dataKey.findMany({ where: { scope } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row!.generation).toBe(1);
    expect(row!.kekId).toBe(keyEncryptionKey().id);
    const stored = Buffer.from(row!.wrapped!, "base64url");
    expect(stored.includes(keys[0]!.key)).toBe(false);
    expect(row!.kekId).not.toContain(keyEncryptionKey().key.toString("base64url").slice(0, 8));
  });

  it("opens a value only in its own row and column, and never once altered", async () => {
    const key = await activeDataKey(`campaign:test-${randomUUID()}`);
    const sealed = seal(key, "signatures.name", "row-1", "نور \"الهدى\", Ali");
    expect(sealed).not.toContain("Ali");
    await loadDataKeys([sealed]);
    expect(open(sealed, "signatures.name", "row-1")).toBe("نور \"الهدى\", Ali");
    expect(() => open(sealed, "signatures.name", "row-2")).toThrow();
    expect(() => open(sealed, "signatures.comment", "row-1")).toThrow();
    const body = sealed.slice(sealed.lastIndexOf(".") + 1);
    const flipped = `${sealed.slice(0, sealed.lastIndexOf(".") + 1)}${body[0] === "A" ? "B" : "A"}${body.slice(1)}`;
    expect(() => open(flipped, "signatures.name", "row-1")).toThrow();
    // Cut short (its tag, or all but a few bytes): refused, never read as something shorter.
    expect(() => open(sealed.slice(0, -4), "signatures.name", "row-1")).toThrow();
    expect(() => open(sealed.slice(0, sealed.lastIndexOf(".") + 8), "signatures.name", "row-1")).toThrow("sealed value too short");
    // The same value sealed twice reads differently: equal names cannot be told apart by their text.
    expect(seal(key, "signatures.name", "row-1", "Ali")).not.toBe(seal(key, "signatures.name", "row-1", "Ali"));
  });

  it("leaves nothing readable once a scope's keys are destroyed, and seals anew with the next generation", async () => {
    const scope = `campaign:test-${randomUUID()}`;
    const first = await activeDataKey(scope);
    const sealed = seal(first, "signatures.name", "row-1", "Layla");
    await db.$transaction((tx) => destroyDataKeys(tx, scope));
    const row = await db.dataKey.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.wrapped).toBeNull();
    expect(row.destroyedAt).not.toBeNull();
    await loadDataKeys([sealed]);
    expect(open(sealed, "signatures.name", "row-1")).toBeNull();
    const next = await activeDataKey(scope);
    expect(next.id).not.toBe(first.id);
    expect((await db.dataKey.findUniqueOrThrow({ where: { id: next.id } })).generation).toBe(2);
  });
});
