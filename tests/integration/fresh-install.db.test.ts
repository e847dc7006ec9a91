import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addConfirmed } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { getAddresseeRecord } from "../../lib/deliveries/delivery-record";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import { seedDatabase } from "../../prisma/seed";
import { campaigns as seedCampaigns, decisionMakers as seedDecisionMakers, letterDecisionMakers } from "../../prisma/seed-data";
import { insertConfirmedSignatures } from "../fixtures/bulk-signatures";
import { mailsTo } from "../fixtures/sealed-mail";

const execute = (text: string, params: unknown[]) => db.$executeRawUnsafe(text, ...params);
const seedAddresses = [...seedDecisionMakers, ...letterDecisionMakers].map((person) => person.email);

async function seededCampaigns() {
  return db.campaign.findMany({
    where: { slug: { in: seedCampaigns.map((campaign) => campaign.slug) } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, status: true, digestCadence: true, milestoneDigests: true, targets: { select: { decisionMakerId: true } } },
  });
}

// What a decision-maker of the seed content has been sent or is about to be: digests and outbox rows.
async function sentToSeedDecisionMakers() {
  const campaigns = await seededCampaigns();
  return {
    digests: await db.digest.count({ where: { campaignId: { in: campaigns.map((campaign) => campaign.id) } } }),
    // Whenever written: before this file began too.
    outbox: (await mailsTo(seedAddresses, { createdAt: { gte: new Date(0) } })).length,
  };
}

// The digest job as the server runs it at start and every few minutes, for the seed campaigns
// (other test files share the PostgreSQL database and run the job for their own campaigns).
async function runDigestJobOnSeedCampaigns() {
  const reports = [];
  for (const campaign of await seededCampaigns()) reports.push(await runDigestJob({ campaignId: campaign.id }));
  return reports;
}

describe("a fresh install", () => {
  it("sends the decision-makers of its seed campaigns nothing, before or after people sign, until an organiser chooses a cadence", async () => {
    await seedDatabase(db);
    const campaigns = await seededCampaigns();
    expect(campaigns).toHaveLength(seedCampaigns.length);
    for (const campaign of campaigns) {
      expect(campaign, campaign.slug).toMatchObject({ digestCadence: null, milestoneDigests: false });
      expect(campaign.targets.length, campaign.slug).toBeGreaterThan(0);
    }

    // The job runs, as on the first start: nothing is due.
    for (const report of await runDigestJobOnSeedCampaigns()) expect(report.queued).toBe(0);
    expect(await sentToSeedDecisionMakers()).toEqual({ digests: 0, outbox: 0 });

    // People sign and confirm, past the first goal: still nothing, since nobody chose to send.
    const open = campaigns.find((campaign) => campaign.status === "OPEN" && campaign.slug !== seedCampaigns[0]!.slug)!;
    const firstGoal = seedCampaigns.find((campaign) => campaign.slug === open.slug)!.goals[0]!;
    await insertConfirmedSignatures(execute, { campaignId: open.id, count: firstGoal, prefix: `fresh-${randomUUID().slice(0, 8)}`, firstConfirmedAt: new Date(Date.now() - 60_000), secondsApart: 0 });
    await db.$transaction((tx) => addConfirmed(tx, open.id, firstGoal));
    for (const report of await runDigestJobOnSeedCampaigns()) expect(report.queued).toBe(0);
    expect(await sentToSeedDecisionMakers()).toEqual({ digests: 0, outbox: 0 });

    // The public record names each decision-maker once, and claims nothing was sent.
    for (const campaign of campaigns) {
      const record = await getAddresseeRecord(campaign.id);
      expect(record.map((entry) => entry.decisionMakerId).sort(), campaign.slug).toEqual(campaign.targets.map((target) => target.decisionMakerId).sort());
      expect(record.every((entry) => entry.addressed && entry.sent === null && entry.responses.length === 0), campaign.slug).toBe(true);
    }
  });
});
