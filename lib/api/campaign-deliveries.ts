import { readDb } from "../db";
import { readTranslations } from "../i18n/translations";
import { sentStatuses } from "../deliveries/delivery-record";
import { digestDeliverySelect } from "../digests/delivery-record";
import { afterCursor, decodeCursor, pageOf } from "./cursor";
import { findPublicCampaignId } from "./find-public-campaign";
import { parseQuery } from "./parse-query";
import { campaignDeliveries, pageQuery, type CampaignDeliveries } from "./schema";
import { decisionMakerSelect, iso, isoDay, isoOrNull, lower, shapeDecisionMaker } from "./shape";

// GET /api/v1/campaigns/{slug}/deliveries: which digest the mail provider accepted for whom, when,
// and what it reported since; and every response the organisers have published. A digest still
// queued, failed or kept in the development mailbox did not leave, so it is not listed; unpublished
// responses stay private.
export async function getApiCampaignDeliveries(options: { slug: string; query: URLSearchParams }): Promise<CampaignDeliveries> {
  const query = parseQuery(pageQuery, options.query);
  const cursor = decodeCursor(query.cursor);
  const campaign = await findPublicCampaignId(options.slug);
  const [digests, responses] = await Promise.all([
    readDb.digest.findMany({
      where: { campaignId: campaign.id, status: { in: [...sentStatuses] }, sentAt: { not: null }, ...afterCursor("sentAt", cursor) },
      orderBy: [{ sentAt: "desc" }, { id: "desc" }],
      take: query.limit + 1,
      select: { ...digestDeliverySelect, countedAt: true, decisionMaker: { select: decisionMakerSelect } },
    }),
    readDb.decisionMakerResponse.findMany({
      where: { campaignId: campaign.id, published: true },
      orderBy: [{ respondedOn: "desc" }, { id: "desc" }],
      select: { id: true, respondedOn: true, summary: true, url: true, decisionMaker: { select: decisionMakerSelect } },
    }),
  ]);
  const page = pageOf(digests, query.limit, (row) => ({ at: row.sentAt!, id: row.id }));
  return campaignDeliveries.parse({
    campaign: campaign.slug,
    digests: page.items.map((digest) => ({
      id: digest.id,
      decisionMaker: shapeDecisionMaker(digest.decisionMaker),
      kind: lower(digest.kind),
      period: digest.periodKey,
      newSignatures: digest.newSignatures,
      totalSignatures: digest.totalSignatures,
      fingerprint: digest.fingerprint,
      paperSignatures: digest.paperSignatures,
      paperFingerprint: digest.paperFingerprint,
      countedAt: iso(digest.countedAt),
      status: lower(digest.status),
      queuedAt: iso(digest.queuedAt),
      sentAt: iso(digest.sentAt!),
      deliveredAt: isoOrNull(digest.deliveredAt),
      bouncedAt: isoOrNull(digest.bouncedAt),
    })),
    nextCursor: page.nextCursor,
    responses: responses.map((response) => ({
      id: response.id,
      decisionMaker: shapeDecisionMaker(response.decisionMaker),
      respondedOn: isoDay(response.respondedOn),
      summary: readTranslations(response.summary),
      url: response.url,
    })),
  });
}
