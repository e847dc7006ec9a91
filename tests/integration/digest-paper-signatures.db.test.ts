import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getApiCampaignDeliveries } from "../../lib/api/campaign-deliveries";
import { addConfirmed } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { countSnapshot } from "../../lib/digests/count-snapshot";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import { formatNumber } from "../../lib/i18n/format";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { enterPaperSignature } from "../../lib/paper/enter-paper-signature";
import { commitPaperImport } from "../../lib/paper/import-paper-signatures";
import { removePaperImport } from "../../lib/paper/remove-paper-import";
import { insertConfirmedSignatures } from "../fixtures/bulk-signatures";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { fingerprintOf } from "../fixtures/fingerprint";
import { createMember } from "../fixtures/organisers";

const provider = capturedMailForTests();
const execute = (text: string, params: unknown[]) => db.$executeRawUnsafe(text, ...params);
const noPace = { acquire: async () => {} };

async function addSignatures(campaignId: string, count: number) {
  await insertConfirmedSignatures(execute, { campaignId, count, prefix: `dp-${randomUUID().slice(0, 8)}`, firstConfirmedAt: new Date(Date.now() - 3_600_000), secondsApart: 0 });
  await db.$transaction((tx) => addConfirmed(tx, campaignId, count));
}

// A weekly campaign addressed to one English- and one Arabic-speaking decision-maker, and an organiser.
async function campaignWithTargets() {
  const campaign = await createCampaign({ goals: [1_000_000], digestCadence: "WEEKLY" });
  const organisationId = campaign.owners[0]!.organisationId;
  const people = await Promise.all(
    (["en", "ar"] as const).map((locale) =>
      db.decisionMaker.create({ data: { organisationId, name: { en: `Minister ${locale}` }, institution: { en: "Ministry" }, country: "GB", email: uniqueEmail(`dmp-${locale}`), preferredLocale: locale } }),
    ),
  );
  await db.campaignTarget.createMany({ data: people.map((dm) => ({ campaignId: campaign.id, decisionMakerId: dm.id })) });
  return { campaign, english: people[0]!, arabic: people[1]!, organiser: await createMember(organisationId, "ORGANISER", "organiser") };
}

const paperIds = async (campaignId: string) => (await db.paperSignature.findMany({ where: { campaignId }, select: { id: true } })).map((row) => row.id);

describe("paper signatures in digests", () => {
  it("says both numbers in the text and HTML of each language, with the paper set's own fingerprint, and records it for the logs and the API", async () => {
    const { campaign, english, arabic, organiser } = await campaignWithTargets();
    await addSignatures(campaign.id, 4);
    await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Vigil", csv: "name,country\nLayla,SY\nOmar,TR", expectedAccepted: 2 });
    await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: { name: "Huda", country: "SY", postcode: "", email: "", consented: false } });

    expect(await runDigestJob({ campaignId: campaign.id })).toMatchObject({ queued: 2 });
    const digests = await db.digest.findMany({ where: { campaignId: campaign.id }, select: { outboxKey: true, totalSignatures: true, paperSignatures: true, paperFingerprint: true } });
    const paper = fingerprintOf(await paperIds(campaign.id));
    expect(digests.map(({ totalSignatures, paperSignatures, paperFingerprint }) => ({ totalSignatures, paperSignatures, paperFingerprint }))).toEqual([
      { totalSignatures: 4, paperSignatures: 3, paperFingerprint: paper },
      { totalSignatures: 4, paperSignatures: 3, paperFingerprint: paper },
    ]);
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: digests.map((d) => d.outboxKey) });

    const mail = provider.capture.messages({ to: english.email })[0]!;
    const sentence = "In all: 4 signatures online, confirmed by e-mail, and 3 gathered on paper.";
    expect(mail.text).toContain(sentence);
    expect(mail.html).toContain(sentence);
    expect(mail.text).toContain(`SHA-256 ${paper}`);
    expect(mail.html).toContain(`SHA-256 ${paper}`);
    expect(mail.text).toContain("3 signatures gathered on paper and entered by the organisers");

    const arabicMail = provider.capture.messages({ to: arabic.email })[0]!;
    // Three to ten take the plural (تواقيع): "توقيعًا" is for eleven to ninety-nine.
    const arabicSentence = `المجموع: ${formatNumber(4, "ar")} تواقيع عبر الإنترنت مؤكَّدة بالبريد الإلكتروني، و${formatNumber(3, "ar")} تواقيع جُمعت على الورق.`;
    expect(arabicMail.text).toContain(arabicSentence);
    expect(arabicMail.html).toContain(arabicSentence);
    expect(arabicMail.text).toContain(`SHA-256 ${paper}`);

    await db.digest.updateMany({ where: { campaignId: campaign.id }, data: { status: "SENT", sentAt: new Date() } });
    const api = await getApiCampaignDeliveries({ slug: campaign.slug, query: new URLSearchParams() });
    expect(api.digests.map((d) => [d.paperSignatures, d.paperFingerprint])).toEqual([
      [3, paper],
      [3, paper],
    ]);
  });

  it("says nothing of paper in a digest of a campaign without paper signatures", async () => {
    const { campaign, english } = await campaignWithTargets();
    await addSignatures(campaign.id, 2);
    await runDigestJob({ campaignId: campaign.id });
    const digests = await db.digest.findMany({ where: { campaignId: campaign.id }, select: { outboxKey: true, paperSignatures: true, paperFingerprint: true } });
    expect(digests[0]).toMatchObject({ paperSignatures: 0, paperFingerprint: fingerprintOf([]) });
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: digests.map((d) => d.outboxKey) });
    const mail = provider.capture.messages({ to: english.email })[0]!;
    expect(mail.text).not.toContain("paper");
  });
});

describe("the paper fingerprint", () => {
  it("is SHA-256 over the sorted paper ids, stable while the paper set stays, changing with it and not with the online set", async () => {
    const { campaign, organiser } = await campaignWithTargets();
    await addSignatures(campaign.id, 3);
    const empty = await countSnapshot(campaign.id);
    expect(empty.paper).toEqual({ total: 0, fingerprint: fingerprintOf([]) });

    const { importId } = await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Vigil", csv: "name,country\nLayla,SY\nOmar,TR", expectedAccepted: 2 });
    const first = await countSnapshot(campaign.id);
    expect(first.paper).toEqual({ total: 2, fingerprint: fingerprintOf(await paperIds(campaign.id)) });
    expect(first.fingerprint).toBe(empty.fingerprint);
    expect((await countSnapshot(campaign.id)).paper).toEqual(first.paper);

    // Someone confirms online: the online fingerprint moves, the paper one stays.
    await addSignatures(campaign.id, 1);
    const online = await countSnapshot(campaign.id);
    expect(online.fingerprint).not.toBe(first.fingerprint);
    expect(online.paper).toEqual(first.paper);

    // One more on paper: the paper fingerprint moves, the online one stays.
    const typed = await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: { name: "Huda", country: "SY", postcode: "", email: "", consented: false } });
    const more = await countSnapshot(campaign.id);
    expect(more.paper.total).toBe(3);
    expect(more.paper.fingerprint).not.toBe(first.paper.fingerprint);
    expect(more.paper.fingerprint).toBe(fingerprintOf(await paperIds(campaign.id)));
    expect(more.fingerprint).toBe(online.fingerprint);

    // Removing the typed-in batch gives back exactly the set, and the fingerprint, before it.
    await removePaperImport({ actor: organiser, campaignId: campaign.id, importId: typed.importId });
    expect((await countSnapshot(campaign.id)).paper).toEqual(first.paper);
    await removePaperImport({ actor: organiser, campaignId: campaign.id, importId });
    expect((await countSnapshot(campaign.id)).paper).toEqual(empty.paper);
  });
});
