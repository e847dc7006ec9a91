import type { Tx } from "../../db";

// Locks the campaign's row for the rest of the transaction, so an edit and a state change of the
// same campaign never interleave (say, removing the last demand while it is being published).
export async function lockCampaign(tx: Tx, campaignId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM campaigns WHERE id = ${campaignId} FOR UPDATE`;
}
