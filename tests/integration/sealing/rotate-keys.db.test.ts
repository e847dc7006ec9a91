// Rotating the key-encryption key re-wraps each data key without touching a sealed row: what was
// sealed before opens after, under the new key alone, and a second run has nothing left to do.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { keyEncryptionKey, keyFingerprint } from "../../../lib/sealing/key-encryption-key";
import { rewrapDataKeys } from "../../../lib/sealing/rotate-keys";
import { activeDataKey, seal, unwrapKey } from "../../../lib/sealing/seal";
import { setUpOwnDatabase } from "../../fixtures/own-database";

setUpOwnDatabase();

describe("npm run keys:rotate", () => {
  it("re-wraps every data key under the new key, leaving the sealed rows as they are", async () => {
    const old = keyEncryptionKey();
    const scopes = [`campaign:test-${randomUUID()}`, `campaign:test-${randomUUID()}`];
    const keys = await Promise.all(scopes.map((scope) => activeDataKey(scope)));
    const sealed = seal(keys[0]!, "signatures.name", "row-1", "Layla");
    const next = (() => {
      const key = randomBytes(32);
      return { id: keyFingerprint(key), key };
    })();

    // Without the old key nothing can be opened, so nothing is re-wrapped.
    await expect(rewrapDataKeys(db, { to: next, from: [] })).rejects.toThrow(/neither DATA_KEY nor DATA_KEY_PREVIOUS/);

    const all = await db.dataKey.count({ where: { wrapped: { not: null } } });
    expect(await rewrapDataKeys(db, { to: next, from: [old] })).toEqual({ rewrapped: all });
    const rows = await db.dataKey.findMany({ where: { scope: { in: scopes } }, orderBy: { scope: "asc" } });
    for (const row of rows) {
      expect(row.kekId).toBe(next.id);
      const key = keys[scopes.indexOf(row.scope)]!;
      expect(unwrapKey(next, { ...row, wrapped: row.wrapped! }).equals(key.key)).toBe(true);
      expect(() => unwrapKey(old, { ...row, wrapped: row.wrapped! })).toThrow();
    }
    expect(await rewrapDataKeys(db, { to: next, from: [old] })).toEqual({ rewrapped: 0 });
    // The sealed value was not rewritten: the same key id, opened by the same data key.
    expect(sealed.split(".")[1]).toBe(keys[0]!.id);

    // Back under the key this process holds, for whatever runs after in this database.
    await rewrapDataKeys(db, { to: old, from: [next] });
  });
});
