import type { Tx } from "../db";

// Requests per API key, over a sliding minute: the same kind of window as sign attempts
// (rate-limit.ts), a row of the latest times kept in Postgres so every app server sees one count.
// Only accepted requests are recorded, so a client that waits as told gets through.
export type KeyRequestVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const windowSeconds = 60;

export async function recordKeyRequest(tx: Tx, options: { keyId: string; perMinute: number }): Promise<KeyRequestVerdict> {
  // The row is created if need be, then locked: two requests at once on two servers queue here.
  await tx.$executeRaw`INSERT INTO api_key_windows (key_id, recent, updated_at) VALUES (${options.keyId}, '{}', clock_timestamp() AT TIME ZONE 'UTC') ON CONFLICT (key_id) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ in_window: number; oldest_age: number | null }[]>`
    SELECT count(t)::int AS in_window,
           extract(epoch FROM (clock_timestamp() AT TIME ZONE 'UTC') - min(t))::float8 AS oldest_age
      FROM (SELECT recent FROM api_key_windows WHERE key_id = ${options.keyId} FOR UPDATE) w
      LEFT JOIN LATERAL unnest(w.recent) AS t ON t > (clock_timestamp() AT TIME ZONE 'UTC') - ${windowSeconds} * interval '1 second'`;
  const inWindow = row?.in_window ?? 0;
  if (inWindow >= options.perMinute) {
    // The oldest request in the window leaves it first; then there is room for one more.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - (row?.oldest_age ?? 0))) };
  }
  await tx.$executeRaw`
    UPDATE api_key_windows
       SET recent = ARRAY[clock_timestamp() AT TIME ZONE 'UTC'] || recent[1:${Math.max(options.perMinute - 1, 0)}],
           updated_at = clock_timestamp() AT TIME ZONE 'UTC'
     WHERE key_id = ${options.keyId}`;
  return { allowed: true };
}
