import { db } from "../db";
import { openSignatures } from "../sealing/signer-data";

export type PublicSigner = { firstName: string; country: string; confirmedAt: Date };

// Only signers who ticked "show my first name" appear, and only their first name and country.
export function firstName(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? "";
}

export async function listPublicSigners(options: { campaignId: string; limit?: number }): Promise<PublicSigner[]> {
  const rows = await db.signature.findMany({
    where: { campaignId: options.campaignId, state: "CONFIRMED", showPublicly: true, anonymisedAt: null },
    orderBy: { confirmedAt: "desc" },
    take: options.limit ?? 10,
    select: { id: true, name: true, country: true, confirmedAt: true },
  });
  return (await openSignatures(rows)).flatMap((row) => (row.confirmedAt && firstName(row.name) ? [{ firstName: firstName(row.name), country: row.country, confirmedAt: row.confirmedAt }] : []));
}
