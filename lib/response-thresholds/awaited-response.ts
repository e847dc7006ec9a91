import type { Tx } from "../db";

// The answer a digest reminds its recipient of: the latest ask of them on this campaign, while no
// response from them is recorded.
export async function awaitedResponse(tx: Tx, campaignId: string, decisionMakerId: string, now: Date): Promise<{ dueAt: string; signatures: number; overdue: boolean } | null> {
  const ask = await tx.responseAsk.findFirst({ where: { campaignId, decisionMakerId }, orderBy: { signatures: "desc" }, select: { dueAt: true, signatures: true } });
  const response = ask ? await tx.decisionMakerResponse.findFirst({ where: { campaignId, decisionMakerId }, select: { id: true } }) : null;
  if (!ask || response) return null;
  return { dueAt: ask.dueAt.toISOString(), signatures: ask.signatures, overdue: ask.dueAt.getTime() < now.getTime() };
}
