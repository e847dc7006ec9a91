import { db } from "../db";

// Confirmed signatures of a campaign by country, most first: the same figures the public API's
// counts give (anonymised signatures keep their country, so they count here too).
export async function signaturesByCountry(campaignId: string): Promise<{ country: string; count: number }[]> {
  const groups = await db.signature.groupBy({
    by: ["country"],
    where: { campaignId, state: "CONFIRMED" },
    _count: { _all: true },
    orderBy: [{ _count: { country: "desc" } }, { country: "asc" }],
  });
  return groups.map((group) => ({ country: group.country, count: group._count._all }));
}
