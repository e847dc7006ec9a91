import type { PrismaClient } from "../db";
import type { KeyEncryptionKey } from "./key-encryption-key";
import { unwrapKey, wrapKey } from "./seal";

const batchSize = 500;

// Re-wraps every data key not yet under `to` (DATA_KEY), opening each with the key of `from` it is
// under (DATA_KEY_PREVIOUS): no sealed row is touched, so it takes as long as there are data keys,
// not signatures. Batch by batch, each row changed only if still as read: safe to run again, and
// beside running servers that hold both keys.
export async function rewrapDataKeys(client: Pick<PrismaClient, "dataKey">, keys: { to: KeyEncryptionKey; from: KeyEncryptionKey[] }): Promise<{ rewrapped: number }> {
  const current = keys.to;
  let rewrapped = 0;
  let after = "";
  for (;;) {
    const batch = await client.dataKey.findMany({
      where: { id: { gt: after }, wrapped: { not: null }, kekId: { not: current.id } },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return { rewrapped };
    after = batch.at(-1)!.id;
    for (const stored of batch) {
      const from = keys.from.find((kek) => kek.id === stored.kekId);
      if (!from) throw new Error(`data key ${stored.id} is wrapped under key-encryption key ${stored.kekId}, which is neither DATA_KEY nor DATA_KEY_PREVIOUS`);
      const key = unwrapKey(from, { ...stored, wrapped: stored.wrapped! });
      const { count } = await client.dataKey.updateMany({
        where: { id: stored.id, kekId: stored.kekId, wrapped: stored.wrapped },
        data: { wrapped: wrapKey(current, stored.id, stored.scope, key), kekId: current.id },
      });
      rewrapped += count;
    }
  }
}
