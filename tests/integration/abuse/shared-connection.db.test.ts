import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkTrending } from "../../../lib/abuse/check-trending";
import { proofSeed, searchNonces } from "../../../lib/abuse/proof-of-work";
import { releaseHeldBurst, reviewTrendingFlag } from "../../../lib/abuse/trending-flags";
import { confirmedCount } from "../../../lib/campaigns/counters";
import { db } from "../../../lib/db";
import { readTranslations } from "../../../lib/i18n/translations";
import { translator } from "../../../lib/i18n/translator";
import { renderTemplate } from "../../../lib/mail/templates";
import { invalidateSignatures } from "../../../lib/moderation/invalidate-signatures";
import { restoreSignatures } from "../../../lib/moderation/restore-signatures";
import { hashIp } from "../../../lib/secrets";
import { signatureStanding, type SignatureStanding } from "../../../lib/signatures/confirm-signature";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { createCampaign, signInput } from "../../fixtures/factories";
import { createMember } from "../../fixtures/organisers";
import { mailsTo as outboxMailsTo } from "../../fixtures/sealed-mail";
import { confirmFirstMail, mailsTo, signatureOf } from "./helpers";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

// A proof of work as the sign form's script computes it in the browser.
function proofFor(campaign: Campaign, email: string): string {
  return String(searchNonces(proofSeed(campaign.slug, email), 0, 2 ** 32));
}

async function signFrom(campaign: Campaign, ip: string, options: { email?: string; proof?: boolean } = {}) {
  const input = signInput(options.email ? { email: options.email } : {});
  await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: ip, proof: options.proof ? proofFor(campaign, input.email) : undefined });
  return input;
}

// What the thank-you page tells a signer whose signature stands so, in both languages.
function thanksText(standing: SignatureStanding, title: string) {
  return (["en", "ar"] as const).map((locale) => {
    const t = translator(locale, "Thanks");
    return `${t(`${standing}.heading`)} ${t(`${standing}.body`, { title })}`;
  });
}

const countsNow = { en: "now counts", ar: "أصبح توقيعك" };
const heldUntilChecked = { en: "will be counted once the organisers have checked a burst of signatures from your connection", ar: "وسيُحتسب بعد أن يراجع المنظّمون دفعةً من التواقيع" };

// Confirms, then checks the signer is told the truth: what the confirmation returned, what the
// thank-you page reads afresh, and the words it shows, against the signature's state.
async function confirmAndCheckWhatTheyAreTold(campaign: Campaign, email: string): Promise<SignatureStanding> {
  const result = await confirmFirstMail(email);
  const signature = await signatureOf(campaign.id, email);
  const standing = await signatureStanding({ campaignSlug: campaign.slug, signatureId: result.signatureId });
  expect(standing).toBe(result.standing);
  expect(result.counted).toBe(signature.state === "CONFIRMED");
  const [en, ar] = thanksText(standing!, readTranslations(campaign.title).en!);
  if (signature.state === "CONFIRMED") {
    expect(standing).toBe("counted");
    expect(en).toContain(countsNow.en);
    expect(ar).toContain(countsNow.ar);
  } else {
    expect(signature.state).toBe("HELD");
    expect(signature.confirmedAt).not.toBeNull();
    expect(standing).toBe("held");
    expect(en).toContain(heldUntilChecked.en);
    expect(ar).toContain(heldUntilChecked.ar);
    expect(en).not.toContain(countsNow.en);
    expect(ar).not.toContain(countsNow.ar);
  }
  return standing!;
}

describe("signers on a shared connection", () => {
  it("counts five different people signing one campaign from one address within five minutes, each told it counts", async () => {
    const campaign = await createCampaign();
    const family = [];
    for (const name of ["Ahmad", "Huda", "Khaled", "Fatima", "Omar"]) family.push(await signFrom(campaign, "203.0.113.50", { email: `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@example.org` }));
    for (const signer of family) expect((await signatureOf(campaign.id, signer.email)).state).toBe("PENDING");
    for (const signer of family) expect(await confirmAndCheckWhatTheyAreTold(campaign, signer.email)).toBe("counted");
    expect(await confirmedCount(campaign.id)).toBe(5);
  });

  it("beyond the limits, counts a signer whose browser solved the proof of work, and holds one without it", async () => {
    const campaign = await createCampaign();
    await db.organisation.update({ where: { id: campaign.owners[0]!.organisationId }, data: { rateBurstLimit: 1 } });
    await signFrom(campaign, "203.0.113.51");
    const proved = await signFrom(campaign, "203.0.113.51", { proof: true });
    // A proof for another address proves nothing for this one.
    const borrowed = signInput();
    await signPetition({ campaignSlug: campaign.slug, input: borrowed, locale: "en", ipAddress: "203.0.113.51", proof: proofFor(campaign, proved.email) });
    const withoutScript = await signFrom(campaign, "203.0.113.51");

    expect((await signatureOf(campaign.id, proved.email)).state).toBe("PENDING");
    expect(await signatureOf(campaign.id, borrowed.email)).toMatchObject({ state: "HELD", invalidationReason: "no-proof" });
    expect(await signatureOf(campaign.id, withoutScript.email)).toMatchObject({ state: "HELD", invalidationReason: "no-proof" });
    expect(await confirmAndCheckWhatTheyAreTold(campaign, proved.email)).toBe("counted");
    expect(await confirmAndCheckWhatTheyAreTold(campaign, withoutScript.email)).toBe("held");
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("holds everything beyond the ceiling, proof or not", async () => {
    const campaign = await createCampaign();
    await db.organisation.update({ where: { id: campaign.owners[0]!.organisationId }, data: { rateBurstLimit: 2, rateCeilingLimit: 4 } });
    const signers = [];
    for (let i = 0; i < 6; i++) signers.push(await signFrom(campaign, "2001:db8:77::1", { proof: true }));
    const states = await Promise.all(signers.map(async (signer) => (await signatureOf(campaign.id, signer.email)).invalidationReason ?? "counts"));
    expect(states).toEqual(["counts", "counts", "counts", "counts", "ceiling", "ceiling"]);
  });

  it("a flood of 200 signers from one address and one domain: the first 5 count, the rest are held and flagged, and each signer is told which", { timeout: 600_000 }, async () => {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const owner = await createMember(organisationId, "OWNER", "owner");
    const domain = `flood-${randomUUID().slice(0, 8)}.example.org`;
    const ip = "198.51.100.200";
    const flood = [];
    for (let i = 0; i < 200; i++) flood.push(await signFrom(campaign, ip, { email: `bot${i}@${domain}` }));

    const told = { counted: 0, held: 0 };
    for (const signer of flood) told[(await confirmAndCheckWhatTheyAreTold(campaign, signer.email)) as "counted" | "held"]++;
    // 5 a minute and 10 in five minutes count freely: 5 when the flood takes under a minute, as here
    // on a quiet machine, and never more than 10 however slowly it is signed within five minutes.
    const states = await Promise.all(flood.slice(0, 5).map(async (signer) => (await signatureOf(campaign.id, signer.email)).state));
    expect(states).toEqual(["CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED", "CONFIRMED"]);
    expect(told.counted).toBeLessThanOrEqual(10);
    expect(told.counted + told.held).toBe(200);
    expect(await confirmedCount(campaign.id)).toBe(told.counted);
    // Held for want of a proof up to the hourly ceiling of 50 attempts, and for the ceiling after it.
    const held = await db.signature.groupBy({ by: ["invalidationReason"], where: { campaignId: campaign.id, state: "HELD", confirmedAt: { not: null } }, _count: { _all: true } });
    expect(Object.fromEntries(held.map((group) => [group.invalidationReason, group._count._all]))).toEqual({ "no-proof": 50 - told.counted, ceiling: 150 });

    // Flagged for the organisers by the trending check (the hour may have turned during the test:
    // both hours are checked, and the figures add up).
    await checkTrending();
    const flags = await db.trendingFlag.findMany({ where: { campaignId: campaign.id } });
    const byAddress = flags.filter((flag) => flag.kind === "IP_HASH" && flag.value === hashIp(ip));
    expect(byAddress.reduce((sum, flag) => sum + flag.held, 0)).toBe(told.held);
    expect(byAddress.reduce((sum, flag) => sum + flag.confirmed, 0)).toBe(told.counted);
    expect(flags.some((flag) => flag.kind === "EMAIL_DOMAIN" && flag.value === domain)).toBe(true);
    const alerts = await outboxMailsTo(owner.email, { template: "trending-alert" });
    expect(alerts.length).toBeGreaterThan(0);
    expect((await renderTemplate("trending-alert", alerts[0]!.payload as never)).text).toMatch(/held for review/);

    // Signing again after confirming: the e-mail says it is held, not that it counts.
    const again = flood[199]!;
    await signPetition({ campaignSlug: campaign.slug, input: again, locale: "en", ipAddress: ip });
    const mails = await mailsTo(again.email);
    const repeat = await renderTemplate("confirm-signature", mails[mails.length - 1]!.props);
    expect(repeat.text).toContain("will be counted once the organisers have checked a burst of signatures from your connection");
    expect(repeat.text).not.toMatch(/counted once;/);
  });

  it("organisers release a connection's held signatures from its flag, in one audited step that moves the count, and allow it from then on", async () => {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    await db.organisation.update({ where: { id: organisationId }, data: { rateBurstLimit: 2 } });
    const organiser = await createMember(organisationId, "ORGANISER", "organiser");
    const ip = "192.0.2.140";
    const [first, second, third, fourth] = [await signFrom(campaign, ip), await signFrom(campaign, ip), await signFrom(campaign, ip), await signFrom(campaign, ip)];
    await confirmFirstMail(first!.email);
    await confirmFirstMail(second!.email);
    expect(await confirmAndCheckWhatTheyAreTold(campaign, third!.email)).toBe("held");
    // The fourth has not confirmed yet.
    expect(await confirmedCount(campaign.id)).toBe(2);

    await checkTrending();
    const flag = await db.trendingFlag.findFirstOrThrow({ where: { campaignId: campaign.id, kind: "IP_HASH" } });
    const review = await reviewTrendingFlag({ actor: organiser, flagId: flag.id });
    expect(review.release).toMatchObject({ total: 2, byState: { CONFIRMED: 1, PENDING: 1 }, countChange: 1 });
    expect(review.heldReasons).toEqual([{ reason: "no-proof", count: 2 }]);
    expect(review.connectionAllowed).toBe(false);

    const result = await releaseHeldBurst({ actor: organiser, flagId: flag.id, allowConnection: true });
    expect(result).toMatchObject({ total: 2, countChange: 1, allowed: true });
    expect(await confirmedCount(campaign.id)).toBe(3);
    expect((await signatureOf(campaign.id, third!.email)).state).toBe("CONFIRMED");
    // The thank-you page, visited again, now says it counts.
    expect(await signatureStanding({ campaignSlug: campaign.slug, signatureId: (await signatureOf(campaign.id, third!.email)).id })).toBe("counted");
    expect((await signatureOf(campaign.id, fourth!.email)).state).toBe("PENDING");
    expect(await confirmAndCheckWhatTheyAreTold(campaign, fourth!.email)).toBe("counted");
    expect(await confirmedCount(campaign.id)).toBe(4);

    const audit = await db.auditEntry.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.affected])).toEqual([
      ["signatures.release", 2],
      ["access-rule.add", 0],
    ]);
    expect(await db.accessRule.findMany({ where: { organisationId }, select: { kind: true, effect: true, pattern: true } })).toEqual([{ kind: "IP_HASH", effect: "ALLOW", pattern: hashIp(ip) }]);
    expect((await db.trendingFlag.findUniqueOrThrow({ where: { id: flag.id } })).resolvedAt).not.toBeNull();

    // The connection is allowed now: more signers from it count without a proof.
    const later = [await signFrom(campaign, ip), await signFrom(campaign, ip), await signFrom(campaign, ip)];
    for (const signer of later) expect((await signatureOf(campaign.id, signer.email)).state).toBe("PENDING");
  });

  it("invalidates held signatures without moving the count, and a restore counts those their signers confirmed", async () => {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    await db.organisation.update({ where: { id: organisationId }, data: { rateBurstLimit: 1 } });
    const organiser = await createMember(organisationId, "ORGANISER", "organiser");
    const ip = "192.0.2.141";
    await signFrom(campaign, ip);
    const confirmed = await signFrom(campaign, ip);
    const unconfirmed = await signFrom(campaign, ip);
    await confirmFirstMail(confirmed.email);
    const ids = [(await signatureOf(campaign.id, confirmed.email)).id, (await signatureOf(campaign.id, unconfirmed.email)).id];

    const invalidated = await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { ids }, reason: "abuse" });
    expect(invalidated).toMatchObject({ total: 2, byState: { CONFIRMED: 0, PENDING: 0, HELD: 2, FRAUDULENT: 0 }, countChange: 0 });
    expect(await confirmedCount(campaign.id)).toBe(0);
    const restored = await restoreSignatures({ actor: organiser, campaignId: campaign.id, selector: { ids } });
    expect(restored).toMatchObject({ total: 2, byState: { CONFIRMED: 1, PENDING: 1 }, countChange: 1 });
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("restores FRAUDULENT rows from before HELD: counted if their signers confirmed (no token left), pending otherwise", async () => {
    const campaign = await createCampaign();
    const organiser = await createMember(campaign.owners[0]!.organisationId, "ORGANISER", "organiser");
    const confirmedBefore = await signFrom(campaign, "192.0.2.142");
    const neverConfirmed = await signFrom(campaign, "192.0.2.143");
    const ids = [(await signatureOf(campaign.id, confirmedBefore.email)).id, (await signatureOf(campaign.id, neverConfirmed.email)).id];
    // As the old sign path stored them; the old confirmation spent the tokens and changed nothing else.
    await db.signature.updateMany({ where: { id: { in: ids } }, data: { state: "FRAUDULENT", invalidationReason: "rate-limit" } });
    await db.confirmationToken.deleteMany({ where: { signatureId: ids[0] } });

    const restored = await restoreSignatures({ actor: organiser, campaignId: campaign.id, selector: { ids } });
    expect(restored).toMatchObject({ total: 2, byState: { CONFIRMED: 1, PENDING: 1 }, countChange: 1 });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await signatureOf(campaign.id, confirmedBefore.email)).toMatchObject({ state: "CONFIRMED", confirmedAt: expect.any(Date), invalidationReason: null });
    // The other signer's link still works, and now counts them.
    expect(await confirmAndCheckWhatTheyAreTold(campaign, neverConfirmed.email)).toBe("counted");
    expect(await confirmedCount(campaign.id)).toBe(2);
  });
});
