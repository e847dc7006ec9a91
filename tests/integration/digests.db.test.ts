import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addConfirmed } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { fingerprintOf } from "../fixtures/fingerprint";
import { digestPeriod } from "../../lib/digests/period";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import { formatNumber } from "../../lib/i18n/format";
import { readTranslations } from "../../lib/i18n/translations";
import { isolate } from "../../lib/i18n/isolate";
import { getApiCampaignDeliveries } from "../../lib/api/campaign-deliveries";
import { getAddresseeRecord } from "../../lib/deliveries/delivery-record";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { getDevMail } from "../../lib/mail/dev-mailbox";
import { mailboxTransport } from "../../lib/mail/transport";
import { sealSignatureFields } from "../../lib/sealing/signer-data";
import { insertConfirmedSignatures } from "../fixtures/bulk-signatures";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { mailsTo } from "../fixtures/sealed-mail";

const provider = capturedMailForTests();

const execute = (text: string, params: unknown[]) => db.$executeRawUnsafe(text, ...params);
const noPace = { acquire: async () => {} };

// An open campaign addressed to one English- and one Arabic-speaking decision-maker, with
// `signatures` confirmed signatures (every tenth with a comment) counted in its counter too, and
// the cadence an organiser chose (weekly unless said otherwise).
async function campaignWithTargets(options: { signatures: number; goals?: number[]; digestCadence?: "OFF" | "DAILY" | "WEEKLY"; milestoneDigests?: boolean }) {
  const campaign = await createCampaign({ goals: options.goals ?? [1_000_000], digestCadence: options.digestCadence ?? "WEEKLY", milestoneDigests: options.milestoneDigests });
  const organisationId = campaign.owners[0]!.organisationId;
  const [english, arabic] = await Promise.all(
    (["en", "ar"] as const).map((locale) =>
      db.decisionMaker.create({
        data: {
          organisationId,
          // The Arabic-speaking one is in the directory in both languages.
          name: locale === "en" ? { en: "Minister of Foreign Affairs" } : { en: "Minister of Foreign Affairs", ar: "وزير الخارجية" },
          title: { en: "Minister" },
          institution: { en: "Ministry of Foreign Affairs" },
          country: "GB",
          email: uniqueEmail(`dm-${locale}`),
          preferredLocale: locale,
        },
      }),
    ),
  );
  await db.campaignTarget.createMany({ data: [english!, arabic!].map((dm) => ({ campaignId: campaign.id, decisionMakerId: dm.id })) });
  await addSignatures(campaign.id, options.signatures);
  return { campaign, english: english!, arabic: arabic! };
}

async function addSignatures(campaignId: string, count: number, confirmedAt = new Date(Date.now() - 3_600_000)) {
  await insertConfirmedSignatures(execute, { campaignId, count, prefix: `dg-${randomUUID().slice(0, 8)}`, firstConfirmedAt: confirmedAt, secondsApart: 0 });
  await db.$transaction((tx) => addConfirmed(tx, campaignId, count));
}

// A signature's comment as the sign path stores it: sealed for that row.
async function sealedComment(campaignId: string, signatureId: string, comment: string) {
  return (await sealSignatureFields(campaignId, signatureId, { name: "", comment })).comment;
}

async function confirmedIds(campaignId: string) {
  const rows = await db.signature.findMany({ where: { campaignId, state: "CONFIRMED" }, select: { id: true } });
  return rows.map((row) => row.id);
}

async function deliverDigests(campaignId: string) {
  const digests = await db.digest.findMany({ where: { campaignId }, select: { outboxKey: true } });
  return deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: digests.map((d) => d.outboxKey) });
}

describe("runDigestJob", () => {
  it("sends one digest per decision-maker for the period, however often and however concurrently it runs", async () => {
    const { campaign, english, arabic } = await campaignWithTargets({ signatures: 23 });
    // One comment approved for delivery, one not.
    const commented = await db.signature.findMany({ where: { campaignId: campaign.id, comment: { not: null } }, orderBy: { id: "asc" } });
    expect(commented).toHaveLength(2);
    await db.signature.update({ where: { id: commented[0]!.id }, data: { commentApproved: true, comment: await sealedComment(campaign.id, commented[0]!.id, "Open the crossings for aid now.") } });
    await db.signature.update({ where: { id: commented[1]!.id }, data: { comment: await sealedComment(campaign.id, commented[1]!.id, "A comment nobody approved.") } });

    const reports = await Promise.all([runDigestJob({ campaignId: campaign.id }), runDigestJob({ campaignId: campaign.id })]);
    const again = await runDigestJob({ campaignId: campaign.id });
    expect(reports[0]!.queued + reports[1]!.queued).toBe(2);
    expect(again.queued).toBe(0);

    const digests = await db.digest.findMany({ where: { campaignId: campaign.id } });
    expect(digests).toHaveLength(2);
    expect(new Set(digests.map((d) => d.periodKey))).toEqual(new Set([digestPeriod("WEEKLY", new Date())]));
    expect(await db.outboxMessage.count({ where: { idempotencyKey: { in: digests.map((d) => d.outboxKey) } } })).toBe(2);

    const report = await deliverDigests(campaign.id);
    expect(report).toMatchObject({ claimed: 2, sent: 2 });
    expect(provider.capture.messages({ to: english.email })).toHaveLength(1);
    expect(provider.capture.messages({ to: arabic.email })).toHaveLength(1);

    // What the e-mail says is what the database holds, and the fingerprint recomputes.
    const ids = await confirmedIds(campaign.id);
    expect(ids).toHaveLength(23);
    const mail = provider.capture.messages({ to: english.email })[0]!;
    const digest = digests.find((d) => d.decisionMakerId === english.id)!;
    expect(digest).toMatchObject({ totalSignatures: 23, newSignatures: 23, fingerprint: fingerprintOf(ids), locale: "en" });
    expect(mail.subject).toBe(`23 signatures: ${isolate(readTranslations(campaign.title).en!)}`);
    expect(mail.text).toContain(`Dear ${isolate("Minister of Foreign Affairs")},`);
    expect(mail.text).toContain("23 people have confirmed their signature so far.");
    expect(mail.text).toContain(fingerprintOf(ids));
    expect(mail.text).toContain("Open the crossings for aid now.");
    expect(mail.text).not.toContain("A comment nobody approved.");
    expect(mail.text).toContain(`http://nida.test/en/campaigns/${campaign.slug}`);
    // Bulk signers cycle through LB, TR, DE, GB, SY: 23 of them make 5/5/5/4/4, listed by count.
    expect(mail.text).toMatch(/Germany: 5\s+Lebanon: 5\s+Türkiye: 5\s+United Kingdom: 4\s+Syria: 4/);

    // The log shows it handed to the provider, under the provider's id.
    const logged = await db.digest.findUniqueOrThrow({ where: { id: digest.id } });
    expect(logged).toMatchObject({ status: "SENT", providerId: mail.id });
    expect(logged.sentAt).toBeInstanceOf(Date);
    // The public record and the API say so, once per decision-maker, and no more than that.
    expect((await getAddresseeRecord(campaign.id)).map((entry) => entry.sent && { count: entry.sent.count, lastTotal: entry.sent.lastTotal, delivered: entry.sent.delivered })).toEqual([
      { count: 1, lastTotal: 23, delivered: 0 },
      { count: 1, lastTotal: 23, delivered: 0 },
    ]);
    const api = await getApiCampaignDeliveries({ slug: campaign.slug, query: new URLSearchParams() });
    expect(api.digests.map((d) => [d.status, d.totalSignatures]).sort()).toEqual([
      ["sent", 23],
      ["sent", 23],
    ]);

    // The Arabic digest is right to left, in Arabic, with the same numbers.
    const arabicMail = provider.capture.messages({ to: arabic.email })[0]!;
    expect(arabicMail.html).toMatch(/<html[^>]*dir="rtl"/);
    expect(arabicMail.html).toMatch(/<html[^>]*lang="ar"/);
    expect(arabicMail.subject).toBe(`التواقيع المؤكَّدة: ${formatNumber(23, "ar")} – ${isolate(readTranslations(campaign.title).ar!)}`);
    // Greeted by the name the directory gives in the digest's language.
    expect(arabicMail.text).toContain(`حضرة ${isolate("وزير الخارجية")}،`);
    expect(arabicMail.text).toContain(`بلغ عدد من أكّدوا توقيعهم حتى الآن ${formatNumber(23, "ar")}.`);
    expect(arabicMail.text).toContain(fingerprintOf(ids));
  });

  it("reports new signatures since the previous digest in the next period", async () => {
    const { campaign, english } = await campaignWithTargets({ signatures: 12 });
    const weekOne = new Date();
    await runDigestJob({ campaignId: campaign.id, now: weekOne });
    await addSignatures(campaign.id, 7, new Date());
    const weekTwo = new Date(weekOne.getTime() + 7 * 86_400_000);
    expect((await runDigestJob({ campaignId: campaign.id, now: weekTwo })).queued).toBe(2);
    expect((await runDigestJob({ campaignId: campaign.id, now: weekTwo })).queued).toBe(0);

    const latest = await db.digest.findFirstOrThrow({ where: { campaignId: campaign.id, decisionMakerId: english.id, periodKey: digestPeriod("WEEKLY", weekTwo) } });
    expect(latest).toMatchObject({ newSignatures: 7, totalSignatures: 19, fingerprint: fingerprintOf(await confirmedIds(campaign.id)) });
    await deliverDigests(campaign.id);
    const mails = provider.capture.messages({ to: english.email });
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.subject).sort()).toEqual([`12 signatures: ${isolate(readTranslations(campaign.title).en!)}`, `19 signatures: ${isolate(readTranslations(campaign.title).en!)}`]);
    const second = mails.find((m) => m.subject.startsWith("19"))!;
    expect(second.text).toMatch(/7 people have confirmed their signature\. 19 people have signed in total\./);
  });

  it("sends a milestone digest once per goal rung, and none to a retired decision-maker", async () => {
    const { campaign, english, arabic } = await campaignWithTargets({ signatures: 0, goals: [5, 1000], digestCadence: "OFF", milestoneDigests: true });
    await db.decisionMaker.update({ where: { id: arabic.id }, data: { retiredAt: new Date() } });
    await addSignatures(campaign.id, 6);

    await Promise.all([runDigestJob({ campaignId: campaign.id }), runDigestJob({ campaignId: campaign.id })]);
    await runDigestJob({ campaignId: campaign.id });
    const digests = await db.digest.findMany({ where: { campaignId: campaign.id } });
    expect(digests.map((d) => ({ to: d.decisionMakerId, kind: d.kind, period: d.periodKey, total: d.totalSignatures }))).toEqual([
      { to: english.id, kind: "MILESTONE", period: "milestone:5", total: 6 },
    ]);
    await deliverDigests(campaign.id);
    const [mail] = provider.capture.messages({ to: english.email });
    expect(mail!.subject).toBe(`5 signatures reached: ${isolate(readTranslations(campaign.title).en!)}`);
    expect(mail!.text).toContain("The petition has passed 5 confirmed signatures.");
    expect(provider.capture.messages({ to: arabic.email })).toEqual([]);
  });

  it("sends nothing for a campaign whose cadence is off and has no milestone digests", async () => {
    const { campaign } = await campaignWithTargets({ signatures: 3 });
    await db.campaign.update({ where: { id: campaign.id }, data: { digestCadence: "OFF", milestoneDigests: false } });
    expect(await runDigestJob({ campaignId: campaign.id })).toEqual({ campaigns: 0, queued: 0, alreadySent: 0, nothingNew: 0 });
  });

  it("sends nothing for a new campaign, whose organisers have not chosen a cadence, however many have signed", async () => {
    const campaign = await createCampaign({ goals: [1, 2] });
    expect(await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({ digestCadence: null, milestoneDigests: false });
    const dm = await db.decisionMaker.create({ data: { name: { en: "Minister" }, institution: { en: "Ministry" }, country: "GB", email: uniqueEmail("dm-unchosen") } });
    await db.campaignTarget.create({ data: { campaignId: campaign.id, decisionMakerId: dm.id } });
    await addSignatures(campaign.id, 3);
    expect(await runDigestJob({ campaignId: campaign.id })).toEqual({ campaigns: 0, queued: 0, alreadySent: 0, nothingNew: 0 });
    expect(await db.digest.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await mailsTo(dm.email)).toHaveLength(0);
  });

  it("sends nothing while nobody has confirmed a signature, whatever the cadence", async () => {
    const { campaign, english, arabic } = await campaignWithTargets({ signatures: 0, goals: [1, 10], digestCadence: "DAILY", milestoneDigests: true });
    // Signed but not confirmed: not counted, so not reported.
    const id = randomUUID();
    await db.signature.create({ data: { id, campaignId: campaign.id, ...(await sealSignatureFields(campaign.id, id, { name: "Not yet" })), country: "SY", locale: "en", state: "PENDING" } });
    const report = await runDigestJob({ campaignId: campaign.id });
    expect(report).toEqual({ campaigns: 1, queued: 0, alreadySent: 0, nothingNew: 2 });
    expect(await db.digest.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await mailsTo([english.email, arabic.email])).toHaveLength(0);
  });

  it("after one confirmed signature sends each target one digest counting 1, then nothing until someone new confirms", async () => {
    const { campaign, english, arabic } = await campaignWithTargets({ signatures: 0, digestCadence: "DAILY" });
    const dayOne = new Date();
    await addSignatures(campaign.id, 1, new Date(dayOne.getTime() - 60_000));

    expect(await runDigestJob({ campaignId: campaign.id, now: dayOne })).toMatchObject({ queued: 2 });
    const first = await db.digest.findMany({ where: { campaignId: campaign.id } });
    expect(first.map((d) => ({ to: d.decisionMakerId, period: d.periodKey, new: d.newSignatures, total: d.totalSignatures })).sort((a, b) => a.to.localeCompare(b.to))).toEqual(
      [english, arabic].map((dm) => ({ to: dm.id, period: digestPeriod("DAILY", dayOne), new: 1, total: 1 })).sort((a, b) => a.to.localeCompare(b.to)),
    );
    await deliverDigests(campaign.id);
    expect(provider.capture.messages({ to: english.email }).map((m) => m.subject)).toEqual([`1 signature: ${isolate(readTranslations(campaign.title).en!)}`]);

    // Again the same day, and the next day, nobody new: nothing, however often the job runs.
    expect(await runDigestJob({ campaignId: campaign.id, now: dayOne })).toMatchObject({ queued: 0, alreadySent: 2 });
    const dayTwo = new Date(dayOne.getTime() + 86_400_000);
    expect(await runDigestJob({ campaignId: campaign.id, now: dayTwo })).toMatchObject({ queued: 0, nothingNew: 2 });
    expect(await runDigestJob({ campaignId: campaign.id, now: dayTwo })).toMatchObject({ queued: 0, nothingNew: 2 });
    expect(await db.digest.count({ where: { campaignId: campaign.id } })).toBe(2);
    expect(await mailsTo([english.email, arabic.email])).toHaveLength(2);

    // Someone new confirms on day two: that day's digest goes out, reporting one new of two.
    await addSignatures(campaign.id, 1, new Date());
    expect(await runDigestJob({ campaignId: campaign.id, now: dayTwo })).toMatchObject({ queued: 2 });
    const latest = await db.digest.findFirstOrThrow({ where: { campaignId: campaign.id, decisionMakerId: english.id }, orderBy: { countedAt: "desc" } });
    expect(latest).toMatchObject({ newSignatures: 1, totalSignatures: 2 });
  });

  it("names a campaign written only in Arabic, and its demands, in Arabic to a decision-maker who reads English", async () => {
    const { campaign, english } = await campaignWithTargets({ signatures: 3 });
    await db.campaign.update({ where: { id: campaign.id }, data: { primaryLocale: "ar", title: { ar: "افتحوا المعابر" } } });
    await db.demand.create({ data: { campaignId: campaign.id, position: 1, kind: "HUMANITARIAN_ACCESS", text: { ar: "افتحوا المعابر أمام المساعدات." } } });
    await runDigestJob({ campaignId: campaign.id });
    await deliverDigests(campaign.id);

    const [mail] = provider.capture.messages({ to: english.email });
    expect(mail!.subject).toBe(`3 signatures: ${isolate("افتحوا المعابر")}`);
    expect(mail!.text).toContain("افتحوا المعابر أمام المساعدات.");
    // A screen reader reads them in Arabic, not in the English e-mail's voice.
    expect(mail!.html).toContain(`<bdi lang="ar" dir="rtl">افتحوا المعابر</bdi>`);
    expect(mail!.html).toContain(`<bdi lang="ar" dir="rtl">افتحوا المعابر أمام المساعدات.</bdi>`);
  });

  it("records a digest kept in the development mailbox as not sent, and claims no delivery for it", async () => {
    const { campaign, english } = await campaignWithTargets({ signatures: 2 });
    await runDigestJob({ campaignId: campaign.id });
    const digests = await db.digest.findMany({ where: { campaignId: campaign.id }, select: { outboxKey: true } });
    expect(await deliverDueMessages({ transport: mailboxTransport(), onlyKeys: digests.map((d) => d.outboxKey) })).toMatchObject({ sent: 2 });

    const kept = await db.digest.findFirstOrThrow({ where: { campaignId: campaign.id, decisionMakerId: english.id } });
    expect(kept).toMatchObject({ status: "MAILBOX", sentAt: null });
    expect(kept.providerId).toMatch(/^mailbox:/);
    const keptMail = await db.devMail.findMany({ where: { outboxKey: kept.outboxKey }, select: { id: true } });
    expect(keptMail).toHaveLength(1);
    expect((await getDevMail(keptMail[0]!.id))?.toAddress).toBe(english.email);
    expect((await getAddresseeRecord(campaign.id)).map((entry) => entry.sent)).toEqual([null, null]);
    expect((await getApiCampaignDeliveries({ slug: campaign.slug, query: new URLSearchParams() })).digests).toEqual([]);
  });
});
