import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkTrending } from "../../../lib/abuse/check-trending";
import { recountCampaigns } from "../../../lib/abuse/recount";
import { invalidateTrendingBurst, listOpenTrendingFlags, previewTrendingBurst } from "../../../lib/abuse/trending-flags";
import { addConfirmed, confirmedCount } from "../../../lib/campaigns/counters";
import { db } from "../../../lib/db";
import { readTranslations } from "../../../lib/i18n/translations";
import { isolate } from "../../../lib/i18n/isolate";
import { renderTemplate } from "../../../lib/mail/templates";
import { insertConfirmedSignatures } from "../../fixtures/bulk-signatures";
import { createCampaign } from "../../fixtures/factories";
import { createMember } from "../../fixtures/organisers";
import { openOutboxRows } from "../../fixtures/sealed-mail";

const execute = (text: string, params: unknown[]) => db.$executeRawUnsafe(text, ...params);

// `count` confirmed signatures, a second apart from `start`, all from one IP hash, and counted.
async function burst(campaignId: string, options: { count: number; start: Date; ipHash: string }) {
  const prefix = `burst-${randomUUID().slice(0, 8)}`;
  await insertConfirmedSignatures(execute, { campaignId, count: options.count, prefix, firstConfirmedAt: options.start, secondsApart: 1 });
  await db.signature.updateMany({ where: { id: { startsWith: `${prefix}-sig-` } }, data: { ipHash: options.ipHash, emailDomain: `${prefix}.test` } });
  await db.$transaction((tx) => addConfirmed(tx, campaignId, options.count));
}

describe("trending detection", () => {
  it("flags 120 confirmed signatures from one IP hash in an hour, mails the owners once, and invalidating the burst fixes the count", async () => {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const owner = await createMember(organisationId, "OWNER", "owner");
    const organiser = await createMember(organisationId, "ORGANISER", "organiser");
    const ipHash = `hash${randomUUID().replace(/-/g, "")}`.slice(0, 32);
    const hour = new Date(Date.UTC(2026, 10, 21, 9, 0, 0));
    await burst(campaign.id, { count: 120, start: new Date(hour.getTime() + 60_000), ipHash });
    // Fewer than the threshold from another address in the same hour: no flag for it.
    await burst(campaign.id, { count: 30, start: new Date(hour.getTime() + 120_000), ipHash: `other${ipHash}`.slice(0, 32) });
    expect(await confirmedCount(campaign.id)).toBe(150);

    const now = new Date(hour.getTime() + 3_600_000 + 5 * 60_000);
    const first = await checkTrending({ now });
    const raised = first.flagged.filter((flag) => flag.campaignId === campaign.id).map(({ kind, value, confirmed }) => ({ kind, value, confirmed }));
    // The burst's 120 addresses share one e-mail domain too; the 30 stay under the threshold.
    expect(raised).toHaveLength(2);
    expect(raised).toContainEqual({ kind: "IP_HASH", value: ipHash, confirmed: 120 });
    expect(raised).toContainEqual({ kind: "EMAIL_DOMAIN", value: expect.stringMatching(/^burst-/), confirmed: 120 });
    const mine = first.flagged.filter((flag) => flag.campaignId === campaign.id && flag.kind === "IP_HASH");

    // Run again (a second server, the next poll): no new flag, no second e-mail.
    const again = await checkTrending({ now });
    expect(again.flagged.filter((flag) => flag.campaignId === campaign.id)).toEqual([]);
    const mails = await openOutboxRows(await db.outboxMessage.findMany({ where: { template: "trending-alert", idempotencyKey: { startsWith: `trending-alert:${mine[0]!.id}:` } } }));
    expect(mails.map((mail) => mail.toAddress)).toEqual([owner.email]);
    const rendered = await renderTemplate("trending-alert", mails[0]!.payload as never);
    expect(rendered.subject).toBe(`Unusual burst of signatures: ${isolate(readTranslations(campaign.title).en!)}`);
    expect(rendered.text).toContain("120 signatures");
    expect(rendered.text).toContain(ipHash);

    // On the dashboard of the campaign's organisers.
    const flags = await listOpenTrendingFlags(organiser);
    expect(flags.map((flag) => flag.id)).toContain(mine[0]!.id);

    const preview = await previewTrendingBurst({ actor: organiser, flagId: mine[0]!.id });
    expect(preview).toMatchObject({ total: 120, byState: { CONFIRMED: 120, PENDING: 0, HELD: 0, FRAUDULENT: 0 }, countChange: -120 });
    const result = await invalidateTrendingBurst({ actor: organiser, flagId: mine[0]!.id });
    expect(result).toEqual(preview);
    expect(await confirmedCount(campaign.id)).toBe(30);
    expect(await db.trendingFlag.findUniqueOrThrow({ where: { id: mine[0]!.id } })).toMatchObject({ resolvedAt: expect.any(Date) });
    expect((await listOpenTrendingFlags(organiser)).map((flag) => flag.id)).not.toContain(mine[0]!.id);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { campaignId: campaign.id, action: "signatures.invalidate" } });
    expect(audit).toMatchObject({ affected: 120, userId: organiser.userId });
  });

  it("uses the organisation's own threshold", async () => {
    const campaign = await createCampaign();
    await db.organisation.update({ where: { id: campaign.owners[0]!.organisationId }, data: { trendingThreshold: 20 } });
    const hour = new Date(Date.UTC(2026, 10, 20, 14, 0, 0));
    await burst(campaign.id, { count: 25, start: hour, ipHash: `t${randomUUID().replace(/-/g, "")}`.slice(0, 32) });
    const result = await checkTrending({ now: new Date(hour.getTime() + 30 * 60_000) });
    // One domain and one IP hash, both over 20.
    expect(result.flagged.filter((flag) => flag.campaignId === campaign.id).map((flag) => flag.kind).sort()).toEqual(["EMAIL_DOMAIN", "IP_HASH"]);
  });

  it("names a campaign without English in its own language, in the alert and on the dashboard", async () => {
    const campaign = await createCampaign();
    const title = "احموا المدنيين في إدلب";
    await db.campaign.update({ where: { id: campaign.id }, data: { primaryLocale: "ar", title: { ar: title }, summary: { ar: "حملة بالعربية فقط." } } });
    const organisationId = campaign.owners[0]!.organisationId;
    await db.organisation.update({ where: { id: organisationId }, data: { trendingThreshold: 5 } });
    // One owner signs in in English; the other never has, and is written to in the campaign's language.
    const owner = await createMember(organisationId, "OWNER", "owner");
    await db.user.update({ where: { id: owner.userId }, data: { locale: "en" } });
    const newcomer = await createMember(organisationId, "OWNER", "newcomer");
    const hour = new Date(Date.UTC(2026, 10, 18, 10, 0, 0));
    await burst(campaign.id, { count: 6, start: hour, ipHash: `a${randomUUID().replace(/-/g, "")}`.slice(0, 32) });
    const [flag] = (await checkTrending({ now: hour })).flagged.filter((f) => f.campaignId === campaign.id && f.kind === "IP_HASH");
    const mails = await openOutboxRows(await db.outboxMessage.findMany({ where: { template: "trending-alert", idempotencyKey: { startsWith: `trending-alert:${flag!.id}:` } } }));
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual([owner.email, newcomer.email].sort());
    const mailTo = (email: string) => mails.find((mail) => mail.toAddress === email)!;
    const alert = await renderTemplate("trending-alert", mailTo(owner.email).payload as never);
    expect(alert.subject).toBe(`Unusual burst of signatures: ${isolate(title)}`);
    // The English alert marks the title Arabic, for a screen reader to read it so.
    expect(alert.html).toContain(`<bdi lang="ar" dir="rtl">${title}</bdi>`);
    const arabic = await renderTemplate("trending-alert", mailTo(newcomer.email).payload as never);
    expect(arabic.subject).toBe(`موجة غير معتادة من التوقيعات: ${isolate(title)}`);
    expect(arabic.text).toContain("/ar/organiser#trending-flags");
    const listed = (await listOpenTrendingFlags(owner)).find((f) => f.id === flag!.id);
    expect(listed).toMatchObject({ campaignTitle: { ar: title }, campaignPrimaryLocale: "ar" });
  });

  it("refuses a viewer, and anyone outside the campaign's organisations", async () => {
    const campaign = await createCampaign();
    await db.organisation.update({ where: { id: campaign.owners[0]!.organisationId }, data: { trendingThreshold: 5 } });
    const hour = new Date(Date.UTC(2026, 10, 19, 8, 0, 0));
    await burst(campaign.id, { count: 6, start: hour, ipHash: `v${randomUUID().replace(/-/g, "")}`.slice(0, 32) });
    const [flag] = (await checkTrending({ now: hour })).flagged.filter((f) => f.campaignId === campaign.id && f.kind === "IP_HASH");
    const viewer = await createMember(campaign.owners[0]!.organisationId, "VIEWER", "viewer");
    const outsider = await createMember((await createCampaign()).owners[0]!.organisationId, "OWNER", "outsider");
    await expect(invalidateTrendingBurst({ actor: viewer, flagId: flag!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Nor is a viewer shown a flag they cannot act on.
    expect((await listOpenTrendingFlags(viewer)).map((f) => f.id)).not.toContain(flag!.id);
    await expect(invalidateTrendingBurst({ actor: outsider, flagId: flag!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await confirmedCount(campaign.id)).toBe(6);
  });
});

describe("the recount", () => {
  it("repairs a deliberately corrupted counter, records the repair, and leaves correct counters alone", async () => {
    const broken = await createCampaign();
    const healthy = await createCampaign();
    await burst(broken.id, { count: 12, start: new Date(Date.UTC(2026, 0, 1)), ipHash: "recount-broken" });
    await burst(healthy.id, { count: 7, start: new Date(Date.UTC(2026, 0, 1)), ipHash: "recount-healthy" });
    await db.$executeRaw`UPDATE campaign_counters SET confirmed = confirmed + 1000 WHERE campaign_id = ${broken.id}`;
    await db.$executeRaw`INSERT INTO campaign_counters (campaign_id, shard, confirmed) VALUES (${broken.id}, 7, -3) ON CONFLICT (campaign_id, shard) DO UPDATE SET confirmed = campaign_counters.confirmed - 3`;
    const before = await confirmedCount(broken.id);
    expect(before).not.toBe(12);

    const repairs = await recountCampaigns();
    expect(repairs.filter((repair) => repair.campaignId === broken.id)).toEqual([{ campaignId: broken.id, counted: before, actual: 12 }]);
    expect(repairs.filter((repair) => repair.campaignId === healthy.id)).toEqual([]);
    expect(await confirmedCount(broken.id)).toBe(12);
    expect(await confirmedCount(healthy.id)).toBe(7);
    expect(await db.countRepair.findMany({ where: { campaignId: broken.id }, select: { counted: true, actual: true } })).toEqual([{ counted: before, actual: 12 }]);

    // Nothing left to repair; confirmations after the repair add to the repaired count.
    expect((await recountCampaigns()).filter((repair) => repair.campaignId === broken.id)).toEqual([]);
    await burst(broken.id, { count: 2, start: new Date(Date.UTC(2026, 0, 2)), ipHash: "recount-broken" });
    expect(await confirmedCount(broken.id)).toBe(14);
  });
});
