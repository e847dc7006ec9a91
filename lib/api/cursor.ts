import { AppError } from "../errors";

// Keyset pagination: the cursor names the last item of a page by its sort key (a time and an id,
// newest first), so pages stay stable while new items arrive. Opaque to clients.
export type Cursor = { at: Date; id: string };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString("base64url");
}

const cursorTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined || value === "") return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      // Only a time encodeCursor could have written: four-digit years, which the database can
      // compare (JavaScript's dates reach years it refuses, such as 1 BC or -271821).
      const at = new Date(parsed[0]);
      if (cursorTime.test(parsed[0]) && !Number.isNaN(at.getTime()) && at.toISOString() === parsed[0] && at.getUTCFullYear() >= 1) return { at, id: parsed[1] };
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw new AppError("VALIDATION", { fields: { cursor: "invalid" } });
}

// Rows after the cursor in (time desc, id desc) order, as a Prisma condition on the two fields.
export function afterCursor(field: string, cursor: Cursor | null): object {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

// A page of `limit` rows was asked for with one more: if it came, there is a next page.
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
