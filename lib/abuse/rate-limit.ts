import { rowParameters, rowsRelation, type RowColumns, type Tx } from "../db";

// Per address and campaign. Within the burst and sustained limits a signature counts once
// confirmed, with nothing more asked; beyond them it needs a proof of work; beyond the ceiling,
// or beyond the limits without a proof, it is held for an organiser.
export type RateLimits = {
  burstLimit: number;
  burstWindowSeconds: number;
  sustainedLimit: number;
  sustainedWindowSeconds: number;
  ceilingLimit: number;
  ceilingWindowSeconds: number;
};

/** @internal exported for its tests */
export const defaultRateLimits: RateLimits = { burstLimit: 5, burstWindowSeconds: 60, sustainedLimit: 10, sustainedWindowSeconds: 300, ceilingLimit: 50, ceilingWindowSeconds: 3600 };

// A coalition campaign is limited by its lead organisation's settings (the first owner's, if none leads).
export function leadRateLimits(owners: readonly ({ lead: boolean } & RateLimits)[]): RateLimits {
  const owner = owners.find((one) => one.lead) ?? owners[0];
  if (!owner) return defaultRateLimits;
  const { burstLimit, burstWindowSeconds, sustainedLimit, sustainedWindowSeconds, ceilingLimit, ceilingWindowSeconds } = owner;
  return { burstLimit, burstWindowSeconds, sustainedLimit, sustainedWindowSeconds, ceilingLimit, ceilingWindowSeconds };
}

// What the limits make of one attempt: "free" (within the limits), "proof" (beyond them, with a
// valid proof of work), "no-proof" (beyond them without one) and "ceiling" (beyond the ceiling).
// The last two are held; their names are the reason stored with the held signature.
export type AttemptVerdict = "free" | "proof" | "no-proof" | "ceiling";

// The columns of one sign attempt, in rateLimitParameters' order: the campaign, the address's hash
// (null: nothing is recorded), the limits, whether a valid proof of work came with it, and the
// verdict already reached by an earlier run of the same request (null if none).
export const signAttemptColumns = [
  ["campaign_id", "text"],
  ["attempt_ip_hash", "text"],
  ["keep", "int"],
  ["burst_seconds", "int"],
  ["burst_limit", "int"],
  ["sustained_seconds", "int"],
  ["sustained_limit", "int"],
  ["ceiling_seconds", "int"],
  ["ceiling_limit", "int"],
  ["proved", "boolean"],
  ["known_verdict", "text"],
] as const satisfies RowColumns;

// Sign attempts, one per row of the relation `input` (signAttemptColumns and its row number n),
// and the verdict on each, as common table expressions for a larger statement: `sign_attempt`
// records them, `attempt_verdict` has each row's n and verdict. No two rows may name the same
// address on the same campaign.
// An address's row is locked by ON CONFLICT until the transaction ends and the times it holds are
// the latest committed ones, so two attempts at once on two app servers cannot both see room.
// Rows are locked in one order (campaign, then address) by every statement, so two statements
// never wait on each other in opposite orders.
// Times are the database's, in UTC like every stored time: app servers' clocks never disagree.
export function signAttemptCtes(input: string): string {
  return `sign_attempt AS (
    INSERT INTO sign_attempt_windows AS w (campaign_id, ip_hash, recent, updated_at)
    SELECT a.campaign_id, a.attempt_ip_hash, ARRAY[clock_timestamp() AT TIME ZONE 'UTC'], clock_timestamp() AT TIME ZONE 'UTC'
    FROM ${input} a WHERE a.attempt_ip_hash IS NOT NULL
    ORDER BY a.campaign_id, a.attempt_ip_hash
    ON CONFLICT (campaign_id, ip_hash) DO UPDATE
      SET recent = ARRAY[EXCLUDED.updated_at] || w.recent[1:(SELECT a.keep FROM ${input} a WHERE a.campaign_id = w.campaign_id AND a.attempt_ip_hash = w.ip_hash)],
        updated_at = EXCLUDED.updated_at
    RETURNING campaign_id, ip_hash, recent, updated_at
  ),
  attempt_verdict AS (
    SELECT a.n, CASE WHEN a.attempt_ip_hash IS NULL THEN coalesce(a.known_verdict, 'free') ELSE (
      SELECT CASE
        WHEN count(t) FILTER (WHERE t > s.updated_at - a.ceiling_seconds * interval '1 second') >= a.ceiling_limit THEN 'ceiling'
        WHEN count(t) FILTER (WHERE t > s.updated_at - a.burst_seconds * interval '1 second') < a.burst_limit
          AND count(t) FILTER (WHERE t > s.updated_at - a.sustained_seconds * interval '1 second') < a.sustained_limit THEN 'free'
        WHEN a.proved THEN 'proof'
        ELSE 'no-proof' END
      FROM sign_attempt s LEFT JOIN LATERAL unnest(s.recent[2:]) AS t ON true
      WHERE s.campaign_id = a.campaign_id AND s.ip_hash = a.attempt_ip_hash
    ) END AS verdict
    FROM ${input} a
  )`;
}

// One row of signAttemptColumns. Only as many earlier times are kept as the largest limit needs to
// be decided. With a known verdict nothing is recorded again.
export function rateLimitParameters(campaignId: string, ipHash: string | null, limits: RateLimits | null, proved: boolean, known?: AttemptVerdict): unknown[] {
  if (known !== undefined) return [campaignId, null, 0, 0, 0, 0, 0, 0, 0, proved, known];
  if (!ipHash || !limits) return [campaignId, null, 0, 0, 0, 0, 0, 0, 0, proved, "free"];
  return [
    campaignId,
    ipHash,
    Math.max(limits.burstLimit, limits.sustainedLimit, limits.ceilingLimit, 1),
    limits.burstWindowSeconds,
    limits.burstLimit,
    limits.sustainedWindowSeconds,
    limits.sustainedLimit,
    limits.ceilingWindowSeconds,
    limits.ceilingLimit,
    proved,
    null,
  ];
}

// What a row of rateLimitParameters locks, if anything: two rows with the same key must not share
// a statement.
export function signAttemptKey(parameters: readonly unknown[]): string | null {
  const [campaignId, ipHash] = parameters;
  return ipHash === null ? null : `attempt:${String(campaignId)}:${String(ipHash)}`;
}

// Records one sign attempt on its own, inside the caller's transaction.
/** @internal exported for its tests */
export async function recordSignAttempt(tx: Tx, options: { campaignId: string; ipHash: string; limits: RateLimits; proved?: boolean }): Promise<{ verdict: AttemptVerdict }> {
  const rows = await tx.$queryRawUnsafe<{ verdict: AttemptVerdict }[]>(
    `WITH attempt AS (SELECT * FROM ${rowsRelation("a", signAttemptColumns, 1)}), ${signAttemptCtes("attempt")} SELECT verdict FROM attempt_verdict`,
    ...rowParameters(signAttemptColumns, [rateLimitParameters(options.campaignId, options.ipHash, options.limits, options.proved ?? false)]),
  );
  return { verdict: rows[0]?.verdict ?? "free" };
}

// Addresses that have not tried for a day are of no further use: their rows are removed.
export async function pruneSignAttempts(tx: Pick<Tx, "$executeRaw">): Promise<number> {
  return tx.$executeRaw`DELETE FROM sign_attempt_windows WHERE updated_at < (now() AT TIME ZONE 'UTC') - interval '1 day'`;
}
