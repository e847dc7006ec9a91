import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { db } from "../../../lib/db";
import { addMonths, anonymiseCampaign, campaignsDueForAnonymisation } from "../../../lib/privacy/anonymise-closed-campaigns";
import { runRetentionOnce } from "../../../lib/privacy/retention-job";
import { campaignScope, loadDataKeys, open } from "../../../lib/sealing/seal";
import { openSignature, openSupporterEmail } from "../../../lib/sealing/signer-data";
import { emailHash } from "../../../lib/sealing/lookup";
import { hashIp } from "../../../lib/secrets";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { createCampaign, signInput, uniqueEmail } from "../../fixtures/factories";
import { campaignCounts, findPersonalData } from "../../fixtures/personal-data-scan";
import { latestMailTo } from "../../fixtures/sealed-mail";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function signAndConfirm(campaign: Campaign, overrides: Record<string, unknown> = {}) {
  const tag = randomUUID().slice(0, 8);
  // An address from a block no other file signs from (100.96.0.0/11): other files sign from
  // 203.0.113.x on the same PostgreSQL database, and a signer of theirs with this address would
  // leave its rate-limit window, on another campaign, holding the same IP hash.
  const ip = `100.${96 + (Number.parseInt(tag.slice(0, 2), 16) % 32)}.${Number.parseInt(tag.slice(2, 4), 16)}.${Number.parseInt(tag.slice(4, 6), 16)}`;
  const input = signInput({ name: `Omar Retained${tag}`, email: uniqueEmail("retain"), postcode: `R${tag.slice(0, 6)}`, comment: `Open the crossings ${tag}`, ...overrides }) as {
    name: string;
    email: string;
    postcode: string;
    comment: string;
    country: string;
  };
  await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: ip });
  const message = await latestMailTo(input.email, { template: "confirm-signature" });
  await confirmSignature({ token: (message.payload as unknown as ConfirmSignatureProps).confirmUrl.split("/").pop()! });
  return { ...input, values: [input.name, input.email, input.postcode, input.comment, hashIp(ip)!] };
}

// A campaign's signature of this signer as the organiser reads it, with the supporter's address.
async function readSignature(campaignId: string, email: string) {
  const row = await db.signature.findFirstOrThrow({
    where: { campaignId, supporter: { emailHash: emailHash(email) } },
    select: { id: true, name: true, postcode: true, comment: true, anonymisedAt: true, supporter: { select: { email: true, emailHash: true } } },
  });
  const opened = await openSignature(row);
  return { ...opened, supporter: row.supporter && { email: await openSupporterEmail(row.supporter) } };
}

// Signatures are taken while the campaign is open; then its closing date is moved into the past.
async function closeCampaignAgo(campaign: Campaign, closedAt: Date, retentionMonths?: number) {
  await db.campaign.update({ where: { id: campaign.id }, data: { closesAt: closedAt, ...(retentionMonths ? { retentionMonths } : {}) } });
}

describe("retention", () => {
  it("anonymises a campaign's signers once its retention period has passed, keeping counts by country and day", async () => {
    const now = new Date();
    const campaign = await createCampaign();
    const stillOpen = await createCampaign();
    const first = await signAndConfirm(campaign, { country: "SY" });
    const second = await signAndConfirm(campaign, { country: "DE" });
    // Also signed a campaign that is still open: that signature, and the address it needs, stay.
    const both = await signAndConfirm(campaign, { country: "TR" });
    await signPetition({ campaignSlug: stillOpen.slug, input: signInput({ name: both.name, email: both.email, country: "TR" }), locale: "en", ipAddress: "192.0.2.1" });
    const before = await campaignCounts(campaign.id);
    expect(before.counted).toBe(3);

    await closeCampaignAgo(campaign, addMonths(now, -7));
    expect(await campaignsDueForAnonymisation(now)).toContain(campaign.id);
    await anonymiseCampaign(campaign.id);

    expect(await findPersonalData([...first.values, ...second.values])).toEqual([]);
    expect(await findPersonalData([both.postcode, both.comment, both.values[4]!])).toEqual([]);
    expect(await campaignCounts(campaign.id)).toEqual(before);
    expect(await readSignature(stillOpen.id, both.email)).toMatchObject({ name: both.name, supporter: { email: both.email } });
    // The anonymised rows hold nothing left to open.
    const anonymised = await db.signature.findMany({ where: { campaignId: campaign.id }, select: { name: true, postcode: true, comment: true, supporterId: true, nameWords: true } });
    expect(anonymised).toEqual(Array.from({ length: 3 }, () => ({ name: "", postcode: null, comment: null, supporterId: null, nameWords: [] })));
    const marked = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(marked.anonymisedAt).not.toBeNull();

    // Idempotent: the campaign is no longer due, and running it again changes nothing.
    expect(await campaignsDueForAnonymisation(now)).not.toContain(campaign.id);
    await anonymiseCampaign(campaign.id);
    expect(await campaignCounts(campaign.id)).toEqual(before);
    expect((await db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).anonymisedAt).toEqual(marked.anonymisedAt);
  }, 120_000);

  it("waits for each campaign's own retention period", async () => {
    const now = new Date();
    const recent = await createCampaign();
    const shortRetention = await createCampaign();
    const recentSigner = await signAndConfirm(recent);
    const shortSigner = await signAndConfirm(shortRetention);
    await closeCampaignAgo(recent, addMonths(now, -2));
    await closeCampaignAgo(shortRetention, addMonths(now, -2), 1);

    const due = await campaignsDueForAnonymisation(now);
    expect(due).toContain(shortRetention.id);
    expect(due).not.toContain(recent.id);
    // Only this test's campaigns: other tests share the database and have closed campaigns of their own.
    for (const id of due.filter((id) => id === recent.id || id === shortRetention.id)) await anonymiseCampaign(id);

    expect(await findPersonalData(shortSigner.values)).toEqual([]);
    expect(await readSignature(recent.id, recentSigner.email)).toMatchObject({ name: recentSigner.name, postcode: recentSigner.postcode, anonymisedAt: null, supporter: { email: recentSigner.email } });
  });

  it("an organiser-closed campaign counts from the moment it was closed", async () => {
    const campaign = await createCampaign();
    const signer = await signAndConfirm(campaign);
    await db.campaign.update({ where: { id: campaign.id }, data: { status: "CLOSED" } });
    await db.auditEntry.create({ data: { organisationId: campaign.owners[0]!.organisationId, action: "campaign.close", campaignId: campaign.id, createdAt: addMonths(new Date(), -8) } });
    expect(await campaignsDueForAnonymisation()).toContain(campaign.id);
    await anonymiseCampaign(campaign.id);
    expect(await findPersonalData(signer.values)).toEqual([]);
  });

  it("destroys the campaign's data keys, so a copy of its sealed names taken before opens no more", async () => {
    const campaign = await createCampaign();
    const signer = await signAndConfirm(campaign);
    // What a copy of the database taken now (a dump, a stolen backup of the table) would hold.
    const copy = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id }, select: { id: true, name: true } });
    await loadDataKeys([copy.name]);
    expect(open(copy.name, "signatures.name", copy.id)).toBe(signer.name);

    await closeCampaignAgo(campaign, addMonths(new Date(), -7));
    await anonymiseCampaign(campaign.id);

    const keys = await db.dataKey.findMany({ where: { scope: campaignScope(campaign.id) }, select: { wrapped: true, destroyedAt: true } });
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toEqual({ wrapped: null, destroyedAt: expect.any(Date) });
    await loadDataKeys([copy.name]);
    expect(open(copy.name, "signatures.name", copy.id)).toBeNull();
  });

  // At an hour long past nothing is due yet, so this touches no other test's campaigns.
  it("runs once per hour across servers", async () => {
    const hour = new Date(Date.UTC(2001, 0, 1, Math.floor(Math.random() * 24)));
    hour.setUTCFullYear(1990 + Math.floor(Math.random() * 30));
    const runs = await Promise.all([runRetentionOnce(hour), runRetentionOnce(hour)]);
    expect(runs.filter(Boolean)).toHaveLength(1);
    const row = await db.jobRun.findUniqueOrThrow({ where: { job_periodKey: { job: "retention", periodKey: hour.toISOString().slice(0, 13) } } });
    expect(row.finishedAt).not.toBeNull();
  });
});
