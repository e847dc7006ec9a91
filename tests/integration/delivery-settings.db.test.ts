import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import { getDeliveryOverview, runDigestsNow, setCommentApproval, updateDeliverySettings } from "../../lib/deliveries/campaign-delivery";
import { getAddresseeRecord } from "../../lib/deliveries/delivery-record";
import { recordResponse, setResponsePublished } from "../../lib/deliveries/responses";
import { isAppError } from "../../lib/errors";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { readTranslations } from "../../lib/i18n/translations";
import { sealSignatureFields } from "../../lib/sealing/signer-data";
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
    data: { organisationId, name: { en: "Jane Minister" }, title: { en: "Foreign Minister" }, institution: { en: "Ministry of Foreign Affairs", ar: "وزارة الخارجية" }, country: "GB", email: uniqueEmail("dm") },
  });
  const foreign = await db.decisionMaker.create({ data: { organisationId: (await createCampaign()).owners[0]!.organisationId, name: { en: "Other" }, institution: { en: "Elsewhere" }, country: "FR", email: uniqueEmail("dm") } });
  return { campaign, organiser, viewer, dm, foreign };
}

describe("campaign delivery", () => {
  it("lets organisers choose targets and cadence, only from their own or the shared directory, and viewers only read", async () => {
    const { campaign, organiser, viewer, dm, foreign } = await setUp();
    // A new campaign has no cadence until an organiser chooses one, and saving asks for the choice.
    expect((await getDeliveryOverview({ actor: viewer, campaignId: campaign.id })).campaign).toMatchObject({
      title: readTranslations(campaign.title),
      primaryLocale: "en",
      digestCadence: null,
      milestoneDigests: false,
    });
    await expect(updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "", milestoneDigests: true, decisionMakerIds: [dm.id] })).rejects.toSatisfy(
      (error) => isAppError(error, "VALIDATION") && (error as { fields: Record<string, string> }).fields.cadence === "cadenceInvalid",
    );
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ digestCadence: null, milestoneDigests: false });
    expect(await db.campaignTarget.count({ where: { campaignId: campaign.id } })).toBe(0);
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

  it("lists the campaign's comments as their signers wrote them, approved first, without empty ones", async () => {
    const { campaign, organiser, viewer } = await setUp();
    const comment = async (text: string | null) => {
      const id = randomUUID();
      await db.signature.create({
        data: { id, campaignId: campaign.id, ...(await sealSignatureFields(campaign.id, id, { name: "Layla Haddad", comment: text })), country: "SY", locale: "en", state: "CONFIRMED", confirmedAt: new Date() },
      });
      return id;
    };
    const first = await comment("أوقفوا القصف على المستشفيات");
    const second = await comment("Open the crossings.");
    await comment("");
    await comment(null);
    await setCommentApproval({ actor: organiser, campaignId: campaign.id, signatureId: second, approved: true });
    const { comments } = await getDeliveryOverview({ actor: viewer, campaignId: campaign.id });
    expect(comments.map(({ id, comment, approved }) => ({ id, comment, approved }))).toEqual([
      { id: second, comment: "Open the crossings.", approved: true },
      { id: first, comment: "أوقفوا القصف على المستشفيات", approved: false },
    ]);
  });

  it("approves comments of this campaign only", async () => {
    const { campaign, organiser } = await setUp();
    const other = await createCampaign();
    const id = randomUUID();
    const signature = await db.signature.create({ data: { id, campaignId: other.id, ...(await sealSignatureFields(other.id, id, { name: "A", comment: "Hello" })), country: "SY", locale: "en", state: "CONFIRMED" } });
    await expect(setCommentApproval({ actor: organiser, campaignId: campaign.id, signatureId: signature.id, approved: true })).rejects.toSatisfy((error) => isAppError(error, "NOT_FOUND"));
    expect((await db.signature.findUniqueOrThrow({ where: { id: signature.id } })).commentApproved).toBe(false);
  });

  it("says why sending now sent nothing, and sends once someone has signed and a cadence is chosen", async () => {
    const { campaign, organiser, dm } = await setUp();
    await db.campaignTarget.create({ data: { campaignId: campaign.id, decisionMakerId: dm.id } });
    expect(await runDigestsNow({ actor: organiser, campaignId: campaign.id })).toEqual({ queued: 0, idle: "off" });
    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "DAILY", milestoneDigests: false, decisionMakerIds: [dm.id] });
    expect(await runDigestsNow({ actor: organiser, campaignId: campaign.id })).toEqual({ queued: 0, idle: "noSignatures" });
    const id = randomUUID();
    await db.signature.create({
      data: { id, campaignId: campaign.id, ...(await sealSignatureFields(campaign.id, id, { name: "Layla Haddad" })), country: "SY", locale: "en", state: "CONFIRMED", confirmedAt: new Date(Date.now() - 60_000) },
    });
    expect(await runDigestsNow({ actor: organiser, campaignId: campaign.id })).toEqual({ queued: 1, idle: null });
    expect(await runDigestsNow({ actor: organiser, campaignId: campaign.id })).toEqual({ queued: 0, idle: "alreadySent" });
    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "DAILY", milestoneDigests: false, decisionMakerIds: [] });
    expect(await runDigestsNow({ actor: organiser, campaignId: campaign.id })).toEqual({ queued: 0, idle: "noTargets" });
  });

  it("shows the public each decision-maker once, with only what the mail provider accepted, and never an e-mail address", async () => {
    const { campaign, organiser, dm } = await setUp();
    const second = await db.decisionMaker.create({
      data: { organisationId: dm.organisationId, name: { en: "Chair of the Committee" }, institution: { en: "Parliament" }, country: "GB", email: uniqueEmail("dm") },
    });
    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "WEEKLY", milestoneDigests: false, decisionMakerIds: [dm.id, second.id] });
    const nothingYet = await getAddresseeRecord(campaign.id);
    expect(nothingYet.map((entry) => ({ name: entry.name, addressed: entry.addressed, sent: entry.sent }))).toEqual([
      { name: { en: "Jane Minister" }, addressed: true, sent: null },
      { name: { en: "Chair of the Committee" }, addressed: true, sent: null },
    ]);

    // Digests that never left: queued, failed, or only kept in the development mailbox.
    const digest = (decisionMakerId: string, periodKey: string, data: object) =>
      db.digest.create({
        data: {
          campaignId: campaign.id,
          decisionMakerId,
          kind: "SCHEDULED",
          periodKey,
          newSignatures: 3,
          totalSignatures: 3,
          fingerprint: "f".repeat(64),
          countedAt: new Date("2026-11-16T08:00:00Z"),
          locale: "en",
          outboxKey: `test:${campaign.id}:${decisionMakerId}:${periodKey}`,
          ...data,
        },
      });
    await digest(second.id, "weekly:2026-W45", { status: "QUEUED" });
    await digest(second.id, "weekly:2026-W46", { status: "FAILED", failedAt: new Date("2026-11-10T09:00:00Z") });
    await digest(second.id, "weekly:2026-W47", { status: "MAILBOX", providerId: "mailbox:x" });
    expect((await getAddresseeRecord(campaign.id)).map((entry) => entry.sent)).toEqual([null, null]);

    // Two accepted by the provider, one of them reported delivered.
    await digest(dm.id, "weekly:2026-W46", { status: "SENT", sentAt: new Date("2026-11-09T09:00:00Z"), totalSignatures: 2 });
    const deliveredAt = new Date("2026-11-16T09:01:00Z");
    await digest(dm.id, "weekly:2026-W47", { status: "DELIVERED", sentAt: new Date("2026-11-16T09:00:00Z"), deliveredAt, totalSignatures: 5 });
    const response = await recordResponse({ actor: organiser, campaignId: campaign.id, values: { decisionMakerId: dm.id, respondedOn: "2026-11-18", summary: "The ministry will raise it at the Council.", url: "https://example.org/reply", published: false } });
    await expect(recordResponse({ actor: organiser, campaignId: campaign.id, values: { decisionMakerId: dm.id, respondedOn: "3000-01-01", summary: "", url: "ftp://x" } })).rejects.toSatisfy(
      (error) => isAppError(error, "VALIDATION") && JSON.stringify((error as { fields: object }).fields) === JSON.stringify({ respondedOn: "dateInvalid", summary: "summaryRequired", url: "urlInvalid" }),
    );

    const record = await getAddresseeRecord(campaign.id);
    expect(record.map((entry) => entry.decisionMakerId)).toEqual([dm.id, second.id]);
    expect(record[0]).toMatchObject({
      institution: { en: "Ministry of Foreign Affairs", ar: "وزارة الخارجية" },
      title: { en: "Foreign Minister" },
      sent: { count: 2, firstAt: new Date("2026-11-09T09:00:00Z"), lastAt: new Date("2026-11-16T09:00:00Z"), lastTotal: 5, delivered: 1, bounced: 0 },
      responses: [],
    });
    expect(record[1]!.sent).toBeNull();
    expect(JSON.stringify(record)).not.toContain(dm.email);
    expect(JSON.stringify(record)).not.toContain(second.email);

    await setResponsePublished({ actor: organiser, campaignId: campaign.id, responseId: response.id, published: true });
    expect((await getAddresseeRecord(campaign.id))[0]!.responses).toEqual([
      { respondedOn: new Date("2026-11-18T00:00:00Z"), summary: { en: "The ministry will raise it at the Council." }, url: "https://example.org/reply" },
    ]);

    // No longer addressed: what was sent stays on the record, once, and says so.
    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "WEEKLY", milestoneDigests: false, decisionMakerIds: [second.id] });
    expect((await getAddresseeRecord(campaign.id)).map((entry) => [entry.name, entry.addressed, entry.sent?.count ?? 0])).toEqual([
      [{ en: "Chair of the Committee" }, true, 0],
      [{ en: "Jane Minister" }, false, 2],
    ]);
  });

  it("keeps a response's summary in the languages it was written in, and asks for one of them", async () => {
    const { campaign, organiser, dm } = await setUp();
    await updateDeliverySettings({ actor: organiser, campaignId: campaign.id, cadence: "WEEKLY", milestoneDigests: false, decisionMakerIds: [dm.id] });
    const base = { decisionMakerId: dm.id, url: "", published: true };
    await recordResponse({ actor: organiser, campaignId: campaign.id, values: { ...base, respondedOn: "2026-11-18", summary: " ", summaryAr: "ستطرح الوزارة الأمر في المجلس." } });
    await recordResponse({ actor: organiser, campaignId: campaign.id, values: { ...base, respondedOn: "2026-11-20", summary: "The ministry has raised it.", summaryAr: "طرحت الوزارة الأمر." } });
    expect((await getAddresseeRecord(campaign.id))[0]!.responses.map((response) => response.summary)).toEqual([
      { en: "The ministry has raised it.", ar: "طرحت الوزارة الأمر." },
      { ar: "ستطرح الوزارة الأمر في المجلس." },
    ]);
    await expect(recordResponse({ actor: organiser, campaignId: campaign.id, values: { ...base, respondedOn: "2026-11-21", summary: "", summaryAr: "  " } })).rejects.toSatisfy(
      (error) => isAppError(error, "VALIDATION") && JSON.stringify((error as { fields: object }).fields) === JSON.stringify({ summary: "summaryRequired" }),
    );
    await expect(recordResponse({ actor: organiser, campaignId: campaign.id, values: { ...base, respondedOn: "2026-11-21", summary: "Short.", summaryAr: "ا".repeat(2_001) } })).rejects.toSatisfy(
      (error) => isAppError(error, "VALIDATION") && JSON.stringify((error as { fields: object }).fields) === JSON.stringify({ summaryAr: "summaryTooLong" }),
    );
    expect(await db.decisionMakerResponse.count({ where: { campaignId: campaign.id } })).toBe(2);
  });
});
