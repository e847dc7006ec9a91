import { db } from "../db";
import { openSignatures } from "../sealing/signer-data";

export type CountSnapshot = {
  total: number;
  // See fingerprint.ts: SHA-256 over the sorted ids of exactly the signatures in `total`.
  fingerprint: string;
  // The paper signatures at the same moment, and their own fingerprint: SHA-256 (hex) of their ids
  // (paper_signatures.id) sorted bytewise and joined by "\n", UTF-8, no trailing newline; of "" when none.
  paper: { total: number; fingerprint: string };
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
  // One statement, so both sets are read from the same snapshot of the database.
  const [counted] = await db.$queryRaw<{ total: number; fingerprint: string; paper_total: number; paper_fingerprint: string; counted_at: Date }[]>`
    WITH online AS (
      SELECT count(*)::int AS total,
             encode(sha256(convert_to(coalesce(string_agg(id, E'\n' ORDER BY id COLLATE "C"), ''), 'UTF8')), 'hex') AS fingerprint
        FROM signatures
       WHERE campaign_id = ${campaignId} AND state = 'CONFIRMED'
    ), paper AS (
      SELECT count(*)::int AS total,
             encode(sha256(convert_to(coalesce(string_agg(id, E'\n' ORDER BY id COLLATE "C"), ''), 'UTF8')), 'hex') AS fingerprint
        FROM paper_signatures
       WHERE campaign_id = ${campaignId}
    )
    SELECT online.total, online.fingerprint, paper.total AS paper_total, paper.fingerprint AS paper_fingerprint, now() AS counted_at
      FROM online, paper`;
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
    paper: { total: counted!.paper_total, fingerprint: counted!.paper_fingerprint },
    countedAt: counted!.counted_at,
    topCountries: countries,
    comments: (await openSignatures(comments)).filter((row) => row.comment?.trim()).map((row) => ({ text: row.comment!.trim(), country: row.country, signature: row.id })),
  };
}
