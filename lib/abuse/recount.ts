import { counterShards } from "../campaigns/counters";
import { db, type Tx } from "../db";

export type CountRepairResult = { campaignId: string; counted: number; actual: number };

// Every campaign's counter sum beside its confirmed signatures, read in one statement (one
// snapshot), so a confirmation half-way through can never look like drift.
async function driftingCampaigns(): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM campaigns c
    WHERE (SELECT coalesce(sum(confirmed), 0) FROM campaign_counters WHERE campaign_id = c.id)
       <> (SELECT count(*) FROM signatures WHERE campaign_id = c.id AND state = 'CONFIRMED')`;
  return rows.map((row) => row.id);
}

// Rewrites one campaign's shards to its confirmed signatures. Every shard row is made to exist and
// locked first: a confirmation already holding a shard is waited for (and then counted); one that
// comes later waits for the repair and adds to the repaired count.
async function repairCampaign(tx: Tx, campaignId: string): Promise<CountRepairResult | null> {
  await tx.$executeRaw`
    INSERT INTO campaign_counters (campaign_id, shard, confirmed, updated_at)
    SELECT ${campaignId}, shard, 0, now() FROM generate_series(0, ${counterShards - 1}::int) AS shard
    ON CONFLICT (campaign_id, shard) DO NOTHING`;
  const shards = await tx.$queryRaw<{ confirmed: number }[]>`
    SELECT confirmed FROM campaign_counters WHERE campaign_id = ${campaignId} ORDER BY shard FOR UPDATE`;
  const counted = shards.reduce((sum, shard) => sum + Number(shard.confirmed), 0);
  const [row] = await tx.$queryRaw<{ actual: number }[]>`
    SELECT count(*)::int AS actual FROM signatures WHERE campaign_id = ${campaignId} AND state = 'CONFIRMED'`;
  const actual = Number(row?.actual ?? 0);
  if (counted === actual) return null;
  await tx.$executeRaw`
    UPDATE campaign_counters SET confirmed = CASE WHEN shard = 0 THEN ${actual}::int ELSE 0 END, updated_at = now()
    WHERE campaign_id = ${campaignId}`;
  await tx.countRepair.create({ data: { campaignId, counted, actual } });
  return { campaignId, counted, actual };
}

// Finds and repairs drift in every campaign; each repair is recorded as a CountRepair row.
export async function recountCampaigns(): Promise<CountRepairResult[]> {
  const repairs: CountRepairResult[] = [];
  for (const campaignId of await driftingCampaigns()) {
    const repair = await db.$transaction((tx) => repairCampaign(tx, campaignId));
    if (repair) repairs.push(repair);
  }
  return repairs;
}
