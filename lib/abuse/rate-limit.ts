import type { Tx } from "../db";

export type RateLimits = { burstLimit: number; burstWindowSeconds: number; sustainedLimit: number; sustainedWindowSeconds: number };

export const defaultRateLimits: RateLimits = { burstLimit: 1, burstWindowSeconds: 60, sustainedLimit: 5, sustainedWindowSeconds: 300 };

// Records one sign attempt from an address on a campaign and says whether it is over either limit.
// Runs inside the signing transaction: the advisory lock makes attempts from one address on one
// campaign take turns across every app server, so two at once cannot both see room under the limit.
export async function recordSignAttempt(tx: Tx, options: { campaignId: string; ipHash: string; limits: RateLimits }): Promise<{ overLimit: boolean }> {
  const { campaignId, ipHash, limits } = options;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-attempt:${campaignId}:${ipHash}`}, 0))`;
  // Times are the database's, in UTC like every stored time: app servers' clocks never disagree.
  const [counts] = await tx.$queryRaw<{ burst: number; sustained: number }[]>`
    SELECT count(*) FILTER (WHERE created_at > (clock_timestamp() AT TIME ZONE 'UTC') - ${limits.burstWindowSeconds}::int * interval '1 second')::int AS burst,
           count(*) FILTER (WHERE created_at > (clock_timestamp() AT TIME ZONE 'UTC') - ${limits.sustainedWindowSeconds}::int * interval '1 second')::int AS sustained
    FROM sign_attempts
    WHERE campaign_id = ${campaignId} AND ip_hash = ${ipHash}
      AND created_at > (clock_timestamp() AT TIME ZONE 'UTC') - ${Math.max(limits.burstWindowSeconds, limits.sustainedWindowSeconds)}::int * interval '1 second'`;
  await tx.$executeRaw`INSERT INTO sign_attempts (campaign_id, ip_hash, created_at) VALUES (${campaignId}, ${ipHash}, clock_timestamp() AT TIME ZONE 'UTC')`;
  const burst = Number(counts?.burst ?? 0);
  const sustained = Number(counts?.sustained ?? 0);
  return { overLimit: burst >= limits.burstLimit || sustained >= limits.sustainedLimit };
}

// Attempts older than every window are of no further use: kept a day, then removed.
export async function pruneSignAttempts(tx: Pick<Tx, "$executeRaw">): Promise<number> {
  return tx.$executeRaw`DELETE FROM sign_attempts WHERE created_at < (now() AT TIME ZONE 'UTC') - interval '1 day'`;
}
