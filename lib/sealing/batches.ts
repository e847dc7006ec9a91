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
