import type { PrismaClient } from "../db";
import { activeDataKey, isSealed, seal, type DataKey, type SealedField } from "./seal";

// What the steps that seal a database's plain values (and re-seal it) share.

export type SealingClient = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe" | "dataKey">;

// SQL: the column holds a value not yet sealed.
export const plainSql = (column: string) => `(${column} IS NOT NULL AND ${column} <> '' AND ${column} NOT LIKE 's1.%')`;

// A value sealed, unless it is empty or sealed already.
export function sealedOr(key: DataKey, field: SealedField, rowId: string, value: string | null): string | null {
  return value === null || value === "" || isSealed(value) ? value : seal(key, field, rowId, value);
}

// The active key of `scope`, taken on first call only: an empty database (a move's target) is
// given no key.
export function keyWhenNeeded(scope: string, client: SealingClient): () => Promise<DataKey> {
  let key: Promise<DataKey> | undefined;
  return () => (key ??= activeDataKey(scope, client));
}

// Rows read in id order, a batch at a time, each batch starting after the last id of the one
// before (so a large table is read once, not once per batch), and written back by `write`, which
// commits each batch alone. Returns how many rows `write` changed in all.
export async function inBatches<Row extends { id: string }>(read: (after: string) => Promise<Row[]>, write: (rows: Row[]) => Promise<number>): Promise<number> {
  let written = 0;
  let after = "";
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return written;
    after = rows.at(-1)!.id;
    written += await write(rows);
  }
}
