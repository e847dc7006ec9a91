import { db } from "../db";

export type CountSnapshot = {
  total: number;
  // See fingerprint.ts: SHA-256 over the sorted ids of exactly the signatures in `total`.
  fingerprint: string;
  countedAt: Date;
  topCountries: { country: string; count: number }[];
  // Each comment names its signature, so that erasing the signer takes it out of a digest not yet sent.
  comments: { text: string; country: string; signature: string }[];
};

const topCountryLimit = 5;
const commentLimit = 5;

// What a digest reports, counted from the signature rows themselves (never from the sharded
// counter), so the number can be listed and checked. Total and fingerprint come from one
// statement: they describe the same set.
export async function countSnapshot(campaignId: string): Promise<CountSnapshot> {
  const [counted] = await db.$queryRaw<{ total: number; fingerprint: string; counted_at: Date }[]>`
    SELECT count(*)::int AS total,
           encode(sha256(convert_to(coalesce(string_agg(id, E'\n' ORDER BY id COLLATE "C"), ''), 'UTF8')), 'hex') AS fingerprint,
           now() AS counted_at
      FROM signatures
     WHERE campaign_id = ${campaignId} AND state = 'CONFIRMED'`;
  const [countries, comments] = await Promise.all([
    db.$queryRaw<{ country: string; count: number }[]>`
      SELECT country, count(*)::int AS count
        FROM signatures
       WHERE campaign_id = ${campaignId} AND state = 'CONFIRMED' AND confirmed_at <= ${counted!.counted_at}
       GROUP BY country
       ORDER BY count(*) DESC, country
       LIMIT ${topCountryLimit}`,
    db.signature.findMany({
      where: { campaignId, state: "CONFIRMED", commentApproved: true, comment: { not: null }, confirmedAt: { lte: counted!.counted_at } },
      orderBy: [{ confirmedAt: "desc" }, { id: "asc" }],
      take: commentLimit,
      select: { id: true, comment: true, country: true },
    }),
  ]);
  return {
    total: counted!.total,
    fingerprint: counted!.fingerprint,
    countedAt: counted!.counted_at,
    topCountries: countries,
    comments: comments.filter((row) => row.comment?.trim()).map((row) => ({ text: row.comment!.trim(), country: row.country, signature: row.id })),
  };
}
