import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addConfirmed } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { recordResponse } from "../../lib/deliveries/responses";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import { isAppError } from "../../lib/errors";
import { formatDate } from "../../lib/i18n/format";
import { emailHash } from "../../lib/sealing/lookup";
import { sealPaperFields } from "../../lib/sealing/signer-data";
import { renderTemplate } from "../../lib/mail/templates";
import { listOrganisationOverdue } from "../../lib/response-thresholds/overdue-responses";
import { getCampaignResponses } from "../../lib/response-thresholds/response-states";
import { runResponseJob } from "../../lib/response-thresholds/run-response-job";
import { setResponseThreshold } from "../../lib/response-thresholds/threshold-settings";
import { insertConfirmedSignatures } from "../fixtures/bulk-signatures";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { createMember } from "../fixtures/organisers";
import { mailsTo, openOutbox, openOutboxRows } from "../fixtures/sealed-mail";

const execute = (text: string, params: unknown[]) => db.$executeRawUnsafe(text, ...params);
const dayMs = 86_400_000;

async function addSignatures(campaignId: string, count: number, confirmedAt: Date) {
  await insertConfirmedSignatures(execute, { campaignId, count, prefix: `rt-${randomUUID().slice(0, 8)}`, firstConfirmedAt: confirmedAt, secondsApart: 0 });
  await db.$transaction((tx) => addConfirmed(tx, campaignId, count));
}

async function addPaperSignature(campaignId: string) {
  const sheet = await db.paperImport.create({ data: { campaignId, label: "Vigil", signatureCount: 1 } });
  const id = randomUUID();
  const sealed = await sealPaperFields(campaignId, id, { name: "Paper signer", postcode: null });
  await db.paperSignature.create({ data: { id, campaignId, importId: sheet.id, ...sealed, country: "SY", emailHash: emailHash(uniqueEmail("paper")) } });
}

// An open campaign written in Arabic (with an English title too) and a weekly digest, addressed to
// an English- and an Arabic-speaking decision-maker, run by an organisation with an owner, an
// organiser and a viewer.
async function setUp() {
  const created = await createCampaign({ goals: [1_000_000], digestCadence: "WEEKLY" });
  const campaign = await db.campaign.update({ where: { id: created.id }, data: { primaryLocale: "ar" }, include: { owners: true } });
  const organisationId = campaign.owners[0]!.organisationId;
  const [owner, organiser, viewer] = [await createMember(organisationId, "OWNER", "owner"), await createMember(organisationId, "ORGANISER", "organiser"), await createMember(organisationId, "VIEWER", "viewer")];
  const [english, arabic] = await Promise.all(
    (["en", "ar"] as const).map((locale) =>
      db.decisionMaker.create({
        data: { organisationId, name: locale === "en" ? { en: "Minister of Foreign Affairs" } : { ar: "وزير الخارجية" }, institution: { en: "Ministry of Foreign Affairs" }, country: "GB", email: uniqueEmail(`dm-${locale}`), preferredLocale: locale },
      }),
    ),
  );
  await db.campaignTarget.createMany({ data: [english!, arabic!].map((dm) => ({ campaignId: campaign.id, decisionMakerId: dm.id })) });
  return { campaign, owner, organiser, viewer, english: english!, arabic: arabic! };
}

async function digestText(campaignId: string, decisionMakerId: string, periodKeyStart: string) {
  const digest = await db.digest.findFirstOrThrow({ where: { campaignId, decisionMakerId, periodKey: { startsWith: periodKeyStart } }, orderBy: { queuedAt: "desc" } });
  const message = await openOutbox(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: digest.outboxKey } }));
  return (await renderTemplate("digest", message.payload as never)).text;
}

const stateOf = async (campaignId: string, decisionMakerId: string, now: Date) => (await getCampaignResponses(campaignId, now)).targets.find((t) => t.decisionMakerId === decisionMakerId)!;

describe("response thresholds", () => {
  it("refuses a threshold out of range per field, changes nothing, and lets only organisers set one", async () => {
    const { campaign, organiser, viewer } = await setUp();
    await expect(setResponseThreshold({ actor: organiser, campaignId: campaign.id, values: { signatures: "0", days: "366" } })).rejects.toSatisfy(
      (error) => isAppError(error, "VALIDATION") && JSON.stringify((error as { fields: object }).fields) === JSON.stringify({ signatures: "thresholdSignaturesInvalid", days: "thresholdDaysInvalid" }),
    );
    await expect(setResponseThreshold({ actor: organiser, campaignId: campaign.id, values: { signatures: "10000", days: "1.5" } })).rejects.toSatisfy((error) => isAppError(error, "VALIDATION"));
    await expect(setResponseThreshold({ actor: viewer, campaignId: campaign.id, values: { signatures: "10000", days: "30" } })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    expect(await db.responseThreshold.count({ where: { campaignId: campaign.id } })).toBe(0);

    await setResponseThreshold({ actor: organiser, campaignId: campaign.id, values: { signatures: "10000", days: "30" } });
    await setResponseThreshold({ actor: organiser, campaignId: campaign.id, values: { signatures: " 20000 ", days: "45" } });
    expect(await db.responseThreshold.findMany({ where: { campaignId: campaign.id }, select: { signatures: true, days: true } })).toEqual([{ signatures: 20000, days: 45 }]);
    expect(await db.auditEntry.count({ where: { campaignId: campaign.id, action: "delivery.threshold.set" } })).toBe(2);
    await setResponseThreshold({ actor: organiser, campaignId: campaign.id, values: { signatures: "", days: "" } });
    expect(await db.responseThreshold.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("asks each target once the public count reaches the threshold, marks the answer overdue, says so in the next digest and tells the organisers once", async () => {
    const { campaign, owner, organiser, viewer, english, arabic } = await setUp();
    await setResponseThreshold({ actor: organiser, campaignId: campaign.id, values: { signatures: "5", days: "30" } });
    const t0 = new Date();
    await addSignatures(campaign.id, 3, new Date(t0.getTime() - 2 * 3_600_000));
    await addPaperSignature(campaign.id);

    // Below the threshold (3 online + 1 paper = 4): nobody is asked, however often the job runs.
    expect(await runResponseJob({ now: t0, campaignId: campaign.id })).toEqual({ asked: 0, organisersTold: 0 });
    expect(await stateOf(campaign.id, english.id, t0)).toMatchObject({ state: "notAsked" });

    // The fifth signature (online and paper count alike): both targets asked, once, due in 30 days.
    await addSignatures(campaign.id, 1, new Date(t0.getTime() - 2 * 3_600_000));
    expect(await runResponseJob({ now: t0, campaignId: campaign.id })).toEqual({ asked: 2, organisersTold: 0 });
    expect(await runResponseJob({ now: new Date(t0.getTime() + dayMs), campaignId: campaign.id })).toEqual({ asked: 0, organisersTold: 0 });
    const dueAt = new Date(t0.getTime() + 30 * dayMs);
    expect(await stateOf(campaign.id, english.id, t0)).toMatchObject({ state: "asked", askedAt: t0, dueAt, signatures: 5 });
    expect(await db.responseAsk.findMany({ where: { campaignId: campaign.id }, select: { countAtAsk: true } })).toEqual([{ countAtAsk: 5 }, { countAtAsk: 5 }]);

    // The digest of that week names the date the answer is due by.
    expect((await runDigestJob({ now: t0, campaignId: campaign.id })).queued).toBe(2);
    expect(await digestText(campaign.id, english.id, "weekly:")).toContain(`its organisers asked for your response by ${formatDate(dueAt, "en")}.`);

    // A day before the due date: still asked; nobody is told anything.
    const dayBefore = new Date(dueAt.getTime() - dayMs);
    expect(await runResponseJob({ now: dayBefore, campaignId: campaign.id })).toEqual({ asked: 0, organisersTold: 0 });
    expect(await stateOf(campaign.id, arabic.id, dayBefore)).toMatchObject({ state: "asked" });

    await db.user.update({ where: { id: owner.userId }, data: { locale: "tr" } });
    // Past the due date with no response: overdue; the owner and the organiser (not the viewer) are e-mailed once per target.
    const t1 = new Date(t0.getTime() + 31 * dayMs);
    expect(await stateOf(campaign.id, english.id, t1)).toMatchObject({ state: "overdue", dueAt });
    expect(await runResponseJob({ now: t1, campaignId: campaign.id })).toEqual({ asked: 0, organisersTold: 2 });
    expect(await runResponseJob({ now: t1, campaignId: campaign.id })).toEqual({ asked: 0, organisersTold: 0 });
    expect(await runResponseJob({ now: new Date(t1.getTime() + 7 * dayMs), campaignId: campaign.id })).toEqual({ asked: 0, organisersTold: 0 });
    const alerts = await openOutboxRows(await db.outboxMessage.findMany({ where: { template: "response-overdue", idempotencyKey: { contains: (await db.responseAsk.findFirstOrThrow({ where: { campaignId: campaign.id, decisionMakerId: english.id } })).id } } }));
    expect(alerts.map((mail) => mail.toAddress).sort()).toEqual([organiser.email, owner.email].sort());
    expect(await mailsTo(viewer.email, { template: "response-overdue" })).toHaveLength(0);
    // Each in the language they sign in with (the owner, Turkish); one who never has, in the campaign's.
    const alertTo = (email: string) => alerts.find((mail) => mail.toAddress === email)!;
    const alert = await renderTemplate("response-overdue", alertTo(organiser.email).payload as never);
    expect(alert.text).toContain(`كان موعد الردّ ${formatDate(dueAt, "ar")}، ولم يُسجَّل أيّ ردّ.`);
    // The campaign's Arabic title in the Arabic e-mail: read in the e-mail's own voice.
    expect(alertTo(organiser.email).payload).toMatchObject({ campaignTitleLocale: "ar" });
    expect(alert.html).not.toMatch(/<bdi [^>]*lang=/);
    const turkish = await renderTemplate("response-overdue", alertTo(owner.email).payload as never);
    expect(alertTo(owner.email).locale).toBe("tr");
    expect(turkish.html).toMatch(/<html[^>]*lang="tr"/);
    expect(turkish.text).toContain(`/tr/organiser/campaigns/`);

    // The next digest to each says so, politely, in its language.
    await addSignatures(campaign.id, 1, new Date());
    expect((await runDigestJob({ now: t1, campaignId: campaign.id })).queued).toBe(2);
    const weekOfT1 = (await db.digest.findFirstOrThrow({ where: { campaignId: campaign.id }, orderBy: { queuedAt: "desc" } })).periodKey;
    expect(await digestText(campaign.id, english.id, weekOfT1)).toContain(`was due by ${formatDate(dueAt, "en")} and has not yet reached them. A reply, however brief, would be welcome`);
    expect(await digestText(campaign.id, arabic.id, weekOfT1)).toContain(`كان موعده ${formatDate(dueAt, "ar")}، ولم يصلهم بعد.`);

    // The organisation's overdue list has both; a viewer has no list.
    expect((await listOrganisationOverdue({ actor: organiser, now: t1 })).get(campaign.owners[0]!.organisationId)?.map((o) => o.decisionMaker.id).sort()).toEqual([english.id, arabic.id].sort());
    expect((await listOrganisationOverdue({ actor: viewer, now: t1 })).size).toBe(0);

    // A response recorded and published: answered, off the overdue list, and the supporters' notice carries it.
    const today = new Date().toISOString().slice(0, 10);
    const response = await recordResponse({ actor: organiser, campaignId: campaign.id, values: { decisionMakerId: english.id, respondedOn: today, summary: "The Minister will raise it at the Council.", url: "https://example.org/reply", published: true } });
    expect(await stateOf(campaign.id, english.id, t1)).toMatchObject({ state: "answered", published: { summary: { en: "The Minister will raise it at the Council." }, url: "https://example.org/reply" } });
    expect(await stateOf(campaign.id, arabic.id, t1)).toMatchObject({ state: "overdue" });
    expect((await listOrganisationOverdue({ actor: owner, now: t1 })).get(campaign.owners[0]!.organisationId)?.map((o) => o.decisionMaker.id)).toEqual([arabic.id]);
    expect(await db.campaignNoticeEvent.count({ where: { kind: "ANSWERED", responseId: response.id } })).toBe(1);
  });
});
