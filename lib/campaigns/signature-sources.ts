import { requireCampaignRole, type Actor } from "../auth/authorize";
import { db } from "../db";
import { isShareChannel, type ShareChannel } from "./share-channels";

export type SourceCount = { channel: ShareChannel | "direct"; count: number };

// Confirmed signatures per share channel, most first; "direct" counts those that came without
// a tag (typed or bookmarked addresses, links shared before tagging, pages without JavaScript
// reached from elsewhere). Organisers and viewers of the campaign may read it.
export async function signatureSources(options: { actor: Actor; campaignId: string }): Promise<SourceCount[]> {
  await requireCampaignRole(options.actor, options.campaignId, "VIEWER");
  const groups = await db.signature.groupBy({
    by: ["source"],
    where: { campaignId: options.campaignId, state: "CONFIRMED" },
    _count: { _all: true },
  });
  const counts = new Map<ShareChannel | "direct", number>();
  for (const group of groups) {
    const channel = isShareChannel(group.source) ? group.source : "direct";
    counts.set(channel, (counts.get(channel) ?? 0) + group._count._all);
  }
  return [...counts].map(([channel, count]) => ({ channel, count })).sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
}
