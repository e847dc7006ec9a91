import { randomInt } from "node:crypto";
import { db, type PrismaClient, type Tx } from "../db";

// Confirmations land on one of several rows per campaign, so a popular campaign's count never
// turns into one row every transaction queues on. The count is the sum of the shards.
export const counterShards = 8;

export async function addConfirmed(tx: Tx, campaignId: string, delta: number): Promise<void> {
  const shard = randomInt(counterShards);
  await tx.$executeRaw`
    INSERT INTO campaign_counters (campaign_id, shard, confirmed, updated_at)
    VALUES (${campaignId}, ${shard}, ${delta}, now())
    ON CONFLICT (campaign_id, shard)
    DO UPDATE SET confirmed = campaign_counters.confirmed + EXCLUDED.confirmed, updated_at = now()`;
}

// `client`: the replica's client for readers who may see the count a moment late (the open API).
export async function confirmedCounts(campaignIds: string[], client: PrismaClient = db): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await client.campaignCounter.groupBy({
    by: ["campaignId"],
    where: { campaignId: { in: campaignIds } },
    _sum: { confirmed: true },
  });
  return new Map(rows.map((row) => [row.campaignId, row._sum.confirmed ?? 0]));
}

export async function confirmedCount(campaignId: string, client: PrismaClient = db): Promise<number> {
  return (await confirmedCounts([campaignId], client)).get(campaignId) ?? 0;
}

// Signatures entered from paper sheets, per campaign: counted from their rows, apart from the
// confirmed online ones.
export async function paperCounts(campaignIds: string[], client: PrismaClient = db): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await client.paperSignature.groupBy({ by: ["campaignId"], where: { campaignId: { in: campaignIds } }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.campaignId, row._count._all]));
}

export async function paperCount(campaignId: string, client: PrismaClient = db): Promise<number> {
  return (await paperCounts([campaignId], client)).get(campaignId) ?? 0;
}
