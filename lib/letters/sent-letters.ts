import { db } from "../db";
import { env } from "../env";

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export type SentLetters = {
  // When this signature wrote to each recipient: one letter each, so the page can say so first.
  sentOn: Map<string, Date>;
  // Letters this signature sent today (UTC), against the per-signature limit.
  today: number;
  dailyLimit: number;
};

// What a signature has already sent through Nida, for the letter page.
export async function findSentLetters(options: { signatureId: string; now?: Date }): Promise<SentLetters> {
  const since = startOfUtcDay(options.now ?? new Date());
  const rows = await db.letter.findMany({ where: { signatureId: options.signatureId }, select: { decisionMakerId: true, createdAt: true } });
  return {
    sentOn: new Map(rows.map((row) => [row.decisionMakerId, row.createdAt])),
    today: rows.filter((row) => row.createdAt >= since).length,
    dailyLimit: env.LETTERS_PER_SIGNATURE_PER_DAY,
  };
}
