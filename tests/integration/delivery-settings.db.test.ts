import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import { getDeliveryOverview, setCommentApproval, updateDeliverySettings } from "../../lib/deliveries/campaign-delivery";
import { getDeliveryRecord } from "../../lib/deliveries/delivery-record";
import { recordResponse, setResponsePublished } from "../../lib/deliveries/responses";
import { isAppError } from "../../lib/errors";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { createCampaign, uniqueEmail } from "../fixtures/factories";

async function actorFor(organisationId: string, role: MemberRole): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return { userId: user.id, email: user.email, memberships: [{ organisationId, role }] };
}

async function setUp() {
  const campaign = await createCampaign();
  const organisationId = campaign.owners[0]!.organisationId;
  const organiser = await actorFor(organisationId, "ORGANISER");
  const viewer = await actorFor(organisationId, "VIEWER");
  const dm = await db.decisionMaker.create({
    data: { organisationId, name: "Jane Minister", title: "Foreign Minister", institution: "Ministry of Foreign Affairs", institutionAr: "وزارة الخارجية", country: "GB", email: uniqueEmail("dm") },
  });
  const foreign = await db.decisionMaker.create({ data: { organisationId: (await createCampaign()).owners[0]!.organisationId, name: "Other", institution: "Elsewhere", country: "FR", email: uniqueEmail("dm") } });
  return { campaign, organiser, viewer, dm, foreign };
}

describe("campaign delivery", () => {
  it("lets organisers choose targets and cadence, only from their own or the shared directory, and viewers only read", async () => {
    const { campaign, organiser, viewer, dm, foreign } = await setUp();
    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "DAILY", milestoneDigests: false, decisionMakerIds: [dm.id] });
    const overview = await getDeliveryOverview({ actor: viewer, campaignId: campaign.id });
    expect(overview).toMatchObject({ role: "VIEWER", targetIds: [dm.id], campaign: { digestCadence: "DAILY", milestoneDigests: false } });

    await expect(updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "DAILY", milestoneDigests: true, decisionMakerIds: [dm.id, foreign.id] })).rejects.toSatisfy(
      (error) => isAppError(error, "VALIDATION") && (error as { fields: Record<string, string> }).fields.decisionMakerIds === "decisionMakerUnknown",
    );
    await expect(updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "HOURLY", milestoneDigests: true, decisionMakerIds: [] })).rejects.toSatisfy((error) =>
      isAppError(error, "VALIDATION"),
    );
    await expect(updateDeliverySettings({ actor: viewer, campaignId: campaign.id, cadence: "OFF", milestoneDigests: true, decisionMakerIds: [] })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    expect((await getDeliveryOverview({ actor: viewer, campaignId: campaign.id })).targetIds).toEqual([dm.id]);

    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "WEEKLY", milestoneDigests: true, decisionMakerIds: [] });
    expect(await db.campaignTarget.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("approves comments of this campaign only", async () => {
    const { campaign, organiser } = await setUp();
    const other = await createCampaign();
    const signature = await db.signature.create({ data: { campaignId: other.id, name: "A", country: "SY", locale: "en", state: "CONFIRMED", comment: "Hello" } });
    await expect(setCommentApproval({ actor: organiser, campaignId: campaign.id, signatureId: signature.id, approved: true })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).commentApproved).toBe(false);
  });

  it("shows the public who received the digests and the responses published, never an e-mail address", async () => {
    const { campaign, organiser, dm } = await setUp();
    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "WEEKLY", milestoneDigests: false, decisionMakerIds: [dm.id] });
    expect(await getDeliveryRecord(campaign.id)).toEqual([]);
    const sentAt = new Date("2026-11-16T09:00:00Z");
    await db.digest.create({
      data: {
        campaignId: campaign.id,
        decisionMakerId: dm.id,
        kind: "SCHEDULED",
        periodKey: "weekly:2026-W47",
        newSignatures: 3,
        totalSignatures: 3,
        fingerprint: "f".repeat(64),
        countedAt: sentAt,
        locale: "en",
        outboxKey: `test:${campaign.id}`,
        status: "DELIVERED",
        sentAt,
        deliveredAt: sentAt,
      },
    });
    const response = await recordResponse({ actor: organiser, campaignId: campaign.id, values: { decisionMakerId: dm.id, respondedOn: "2026-11-18", summary: "The ministry will raise it at the Council.", url: "https://example.org/reply", published: false } });
    await expect(recordResponse({ actor: organiser, campaignId: campaign.id, values: { decisionMakerId: dm.id, respondedOn: "3000-01-01", summary: "", url: "ftp://x" } })).rejects.toSatisfy(
      (error) => isAppError(error, "VALIDATION") && JSON.stringify((error as { fields: object }).fields) === JSON.stringify({ respondedOn: "dateInvalid", summary: "summaryRequired", url: "urlInvalid" }),
    );

    const [entry] = await getDeliveryRecord(campaign.id);
    expect(entry).toMatchObject({ institution: { en: "Ministry of Foreign Affairs", ar: "وزارة الخارجية" }, title: { en: "Foreign Minister" }, digests: 1, lastAt: sentAt, responses: [] });
    expect(JSON.stringify(entry)).not.toContain(dm.email);

    await setResponsePublished({ actor: organiser, campaignId: campaign.id, responseId: response.id, published: true });
    expect((await getDeliveryRecord(campaign.id))[0]!.responses).toEqual([
      { respondedOn: new Date("2026-11-18T00:00:00Z"), summary: "The ministry will raise it at the Council.", summaryAr: null, url: "https://example.org/reply" },
    ]);
  });
});
