import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordSignAttempt } from "../../../lib/abuse/rate-limit";
import { confirmedCount } from "../../../lib/campaigns/counters";
import { database, db, openDatabase } from "../../../lib/db";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { createCampaign, signInput } from "../../fixtures/factories";
import { confirmFirstMail, mailsTo, signatureOf } from "./helpers";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function signFrom(campaign: Campaign, ip: string) {
  const input = signInput();
  const result = await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: ip });
  return { input, result };
}

// Mail as the signer sees it: everything but the per-signature link and name.
function shapeOf(mails: Awaited<ReturnType<typeof mailsTo>>) {
  return mails.map((mail) => ({ template: mail.template, title: mail.props.campaignTitle, alreadyConfirmed: mail.props.alreadyConfirmed, link: mail.props.confirmUrl.replace(/[A-Za-z0-9_-]{43}$/, "<token>") }));
}

describe("rate limits per address and campaign", () => {
  it("over the burst limit without a proof of work: the same response and the same e-mail, held for review, and confirming says so", async () => {
    const campaign = await createCampaign();
    await db.organisation.update({ where: { id: campaign.owners[0]!.organisationId }, data: { rateBurstLimit: 1 } });
    const first = await signFrom(campaign, "203.0.113.10");
    const second = await signFrom(campaign, "203.0.113.10");

    expect(second.result).toEqual(first.result);
    expect(shapeOf(await mailsTo(second.input.email))).toEqual(shapeOf(await mailsTo(first.input.email)));
    expect((await signatureOf(campaign.id, first.input.email)).state).toBe("PENDING");
    expect(await signatureOf(campaign.id, second.input.email)).toMatchObject({ state: "HELD", invalidationReason: "no-proof" });

    expect((await confirmFirstMail(first.input.email)).counted).toBe(true);
    const held = await confirmFirstMail(second.input.email);
    // Confirmed, told it is held, and the count is not moved.
    expect(held).toMatchObject({ campaignSlug: campaign.slug, standing: "held", counted: false });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await signatureOf(campaign.id, second.input.email)).toMatchObject({ state: "HELD", confirmedAt: expect.any(Date) });
  });

  it("lets people behind one shared address sign while they stay under the limits", async () => {
    const campaign = await createCampaign();
    await db.organisation.update({ where: { id: campaign.owners[0]!.organisationId }, data: { rateBurstLimit: 3, rateSustainedLimit: 5 } });
    const office = await Promise.all([0, 1, 2].map(() => signFrom(campaign, "198.51.100.20")));
    for (const signer of office) expect((await signatureOf(campaign.id, signer.input.email)).state).toBe("PENDING");
    // Another address, or another campaign, has limits of its own.
    const elsewhere = await signFrom(campaign, "198.51.100.21");
    expect((await signatureOf(campaign.id, elsewhere.input.email)).state).toBe("PENDING");
    const fourth = await signFrom(campaign, "198.51.100.20");
    expect((await signatureOf(campaign.id, fourth.input.email)).state).toBe("HELD");
  });

  it("over the sustained limit, with the burst limit out of the way", async () => {
    const campaign = await createCampaign();
    await db.organisation.update({ where: { id: campaign.owners[0]!.organisationId }, data: { rateBurstLimit: 100, rateSustainedLimit: 5, rateSustainedWindowSeconds: 300 } });
    const signers = [];
    for (let i = 0; i < 7; i++) signers.push(await signFrom(campaign, "2001:db8:5:6::1"));
    const states = await Promise.all(signers.map(async (signer) => (await signatureOf(campaign.id, signer.input.email)).state));
    expect(states).toEqual(["PENDING", "PENDING", "PENDING", "PENDING", "PENDING", "HELD", "HELD"]);
  });

  it("uses the lead organisation's limits for a coalition campaign", async () => {
    const campaign = await createCampaign({ coOwners: 1 });
    const lead = campaign.owners.find((owner) => owner.lead)!;
    const other = campaign.owners.find((owner) => !owner.lead)!;
    await db.organisation.update({ where: { id: lead.organisationId }, data: { rateBurstLimit: 2 } });
    await db.organisation.update({ where: { id: other.organisationId }, data: { rateBurstLimit: 1 } });
    const pair = [await signFrom(campaign, "192.0.2.30"), await signFrom(campaign, "192.0.2.30"), await signFrom(campaign, "192.0.2.30")];
    const states = await Promise.all(pair.map(async (signer) => (await signatureOf(campaign.id, signer.input.email)).state));
    expect(states).toEqual(["PENDING", "PENDING", "HELD"]);
  });

  it("is shared by two app servers: two database clients signing at once from one address get one slot", async () => {
    const campaign = await createCampaign();
    const limits = { burstLimit: 1, burstWindowSeconds: 60, sustainedLimit: 5, sustainedWindowSeconds: 300, ceilingLimit: 50, ceilingWindowSeconds: 3600 };
    const ipHash = `shared-${randomUUID()}`;
    // PostgreSQL: a second client on the same database, as a second server would have. PGlite is one
    // process with one connection, so there the two take turns on it.
    const url = process.env.DATABASE_URL;
    const second = url ? openDatabase({ databaseUrl: url, pgliteDataDir: "unused" }) : database();
    try {
      const attempt = (client: typeof db) => client.$transaction((tx) => recordSignAttempt(tx, { campaignId: campaign.id, ipHash, limits }));
      const results = await Promise.all([attempt(db), attempt(second.prisma), attempt(db), attempt(second.prisma)]);
      expect(results.filter((result) => result.verdict === "free")).toHaveLength(1);
      expect((await db.signAttemptWindow.findUniqueOrThrow({ where: { campaignId_ipHash: { campaignId: campaign.id, ipHash } } })).recent).toHaveLength(4);
    } finally {
      if (url) await second.close();
    }
  });
});
