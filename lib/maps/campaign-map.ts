import { findPublicCampaignId } from "../api/find-public-campaign";
import { signaturesByCountry } from "../campaigns/signatures-by-country";
import { worldMapSvg } from "./world-map";

// The version a page names in the map's address: the confirmed signatures the map counts.
export function mapVersion(counts: { count: number }[]): number {
  return counts.reduce((sum, row) => sum + row.count, 0);
}

// The map image of a public campaign, and whether the version asked for is what it counts now:
// an address that still matches may be kept long by caches.
export async function campaignMapImage(options: { slug: string; version: string | null }): Promise<{ svg: string; current: boolean }> {
  const campaign = await findPublicCampaignId(options.slug);
  const counts = await signaturesByCountry(campaign.id);
  return { svg: worldMapSvg({ counts }), current: options.version === String(mapVersion(counts)) };
}
