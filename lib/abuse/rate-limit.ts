import type { Tx } from "../db";

export type RateLimits = { burstLimit: number; burstWindowSeconds: number; sustainedLimit: number; sustainedWindowSeconds: number };

export const defaultRateLimits: RateLimits = { burstLimit: 1, burstWindowSeconds: 60, sustainedLimit: 5, sustainedWindowSeconds: 300 };

// One sign attempt from an address on a campaign, and whether it is over either limit, as common
// table expressions for a larger statement: `sign_attempt` records it, `attempt_verdict` has one
// row whose over_limit says. Parameters: campaign id, the address's hash (null: nothing is
// recorded), the limits, and the verdict already reached by an earlier run of the same request
// (null if none), as rateLimitParameters gives them, at $first onwards.
// The address's row is locked by ON CONFLICT until the transaction ends and the times it holds are
// the latest committed ones, so two attempts at once on two app servers cannot both see room.
// Times are the database's, in UTC like every stored time: app servers' clocks never disagree.
export function signAttemptCtes(first: number): string {
  const [campaignId, ipHash, keep, burstSeconds, burstLimit, sustainedSeconds, sustainedLimit, known] = Array.from({ length: 8 }, (_, i) => `$${first + i}`);
  return `sign_attempt AS (
    INSERT INTO sign_attempt_windows AS w (campaign_id, ip_hash, recent, updated_at)
    SELECT ${campaignId}::text, ${ipHash}::text, ARRAY[clock_timestamp() AT TIME ZONE 'UTC'], clock_timestamp() AT TIME ZONE 'UTC'
    WHERE ${ipHash}::text IS NOT NULL
    ON CONFLICT (campaign_id, ip_hash) DO UPDATE
      SET recent = ARRAY[EXCLUDED.updated_at] || w.recent[1:${keep}::int], updated_at = EXCLUDED.updated_at
    RETURNING recent, updated_at
  ),
  attempt_verdict AS (
    SELECT coalesce(bool_or(counts.burst >= ${burstLimit}::int OR counts.sustained >= ${sustainedLimit}::int), ${known}::boolean, false) AS over_limit
    FROM (
      SELECT count(t) FILTER (WHERE t > a.updated_at - ${burstSeconds}::int * interval '1 second') AS burst,
             count(t) FILTER (WHERE t > a.updated_at - ${sustainedSeconds}::int * interval '1 second') AS sustained
      FROM sign_attempt a LEFT JOIN LATERAL unnest(a.recent[2:]) AS t ON true
      GROUP BY a.updated_at
    ) counts
  )`;
}

// The parameters signAttemptCtes reads, in its order. Only as many earlier times are kept as the
// larger limit needs to be decided. With a known verdict nothing is recorded again.
export function rateLimitParameters(campaignId: string, ipHash: string | null, limits: RateLimits | null, known?: boolean): unknown[] {
  if (known !== undefined) return [campaignId, null, 0, 0, 0, 0, 0, known];
  if (!ipHash || !limits) return [campaignId, null, 0, 0, 0, 0, 0, false];
  return [campaignId, ipHash, Math.max(limits.burstLimit, limits.sustainedLimit, 1), limits.burstWindowSeconds, limits.burstLimit, limits.sustainedWindowSeconds, limits.sustainedLimit, null];
}

// Records one sign attempt on its own, inside the caller's transaction.
export async function recordSignAttempt(tx: Tx, options: { campaignId: string; ipHash: string; limits: RateLimits }): Promise<{ overLimit: boolean }> {
  const rows = await tx.$queryRawUnsafe<{ over_limit: boolean }[]>(
    `WITH ${signAttemptCtes(1)} SELECT over_limit FROM attempt_verdict`,
    ...rateLimitParameters(options.campaignId, options.ipHash, options.limits),
  );
  return { overLimit: rows[0]?.over_limit === true };
}

// Addresses that have not tried for a day are of no further use: their rows are removed.
export async function pruneSignAttempts(tx: Pick<Tx, "$executeRaw">): Promise<number> {
  return tx.$executeRaw`DELETE FROM sign_attempt_windows WHERE updated_at < (now() AT TIME ZONE 'UTC') - interval '1 day'`;
}
