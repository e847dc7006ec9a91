import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../emails/confirm-signature";
import { loadActor, type Actor } from "../../lib/auth/authorize";
import { confirmedCount } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { readTranslations } from "../../lib/i18n/translations";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { campaignStats } from "../../lib/moderation/campaign-stats";
import { invalidateSignatures } from "../../lib/moderation/invalidate-signatures";
import { previewBulkAction } from "../../lib/moderation/preview-bulk-action";
import { restoreSignatures } from "../../lib/moderation/restore-signatures";
import { searchSignatures } from "../../lib/moderation/search-signatures";
import { emailHash } from "../../lib/sealing/lookup";
import { hashIp } from "../../lib/secrets";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { signPetition } from "../../lib/signatures/sign-petition";
import { createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { expectAppError } from "../fixtures/app-errors";
import { openOutbox } from "../fixtures/sealed-mail";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

// ---------------------------------------------------------------- helpers

async function memberOf(organisationId: string, role: MemberRole): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail(role.toLowerCase()) } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return (await loadActor(user.id))!;
}

function organisationOf(campaign: Campaign): string {
  return campaign.owners[0]!.organisationId;
}

// A signer of the campaign, through the real sign and confirm path.
let signers = 0;

async function sign(
  campaign: Campaign,
  options: { email?: string; name?: string; country?: string; ip?: string; confirm?: boolean } = {},
): Promise<{ id: string; email: string }> {
  const email = options.email ?? uniqueEmail();
  await signPetition({
    campaignSlug: campaign.slug,
    input: signInput({ email, name: options.name ?? "Layla Haddad", country: options.country ?? "SY" }),
    locale: "en",
    // Each signer from an address of their own unless a test groups them, so no rate limit applies.
    ipAddress: options.ip ?? `198.18.${Math.floor(++signers / 256) % 256}.${signers % 256}`,
  });
  const signature = await db.signature.findFirstOrThrow({
    where: { campaignId: campaign.id, supporter: { emailHash: emailHash(email) } },
    select: { id: true },
  });
  if (options.confirm ?? true) await confirm(signature.id);
  return { id: signature.id, email };
}

// Presses Confirm in the signature's first e-mail.
async function confirm(signatureId: string): Promise<void> {
  const message = await openOutbox(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `confirm-signature:${signatureId}:1` } }));
  const { confirmUrl } = message.payload as unknown as ConfirmSignatureProps;
  const token = confirmUrl.slice(confirmUrl.lastIndexOf("/") + 1);
  expect((await confirmSignature({ token })).counted).toBe(true);
}

async function states(ids: string[]) {
  const rows = await db.signature.findMany({ where: { id: { in: ids } }, select: { id: true, state: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.state]));
}

async function snapshot(campaign: Campaign) {
  return db.signature.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" } });
}

// The public count, checked against the rows it is derived from.
async function publicCount(campaign: Campaign): Promise<number> {
  const count = await confirmedCount(campaign.id);
  expect(count).toBe(await db.signature.count({ where: { campaignId: campaign.id, state: "CONFIRMED" } }));
  return count;
}


// A campaign with signers at one e-mail domain (confirmed and pending) and elsewhere.
async function campaignWithBurst() {
  const campaign = await createCampaign();
  const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
  const domain = `burst-${randomUUID().slice(0, 8)}.example`;
  const burstConfirmed = [];
  for (let index = 0; index < 3; index++) burstConfirmed.push(await sign(campaign, { email: `bot${index}@${domain}` }));
  const burstPending = [];
  for (let index = 0; index < 2; index++) burstPending.push(await sign(campaign, { email: `late${index}@${domain}`, confirm: false }));
  const genuine = [await sign(campaign), await sign(campaign)];
  return { campaign, organiser, domain, burstConfirmed, burstPending, genuine };
}

// ---------------------------------------------------------------- bulk actions

describe("invalidating and restoring by e-mail domain", () => {
  it("previews exactly what the action then changes, and drops the public count by the confirmed ones", async () => {
    const { campaign, organiser, domain, burstConfirmed, burstPending, genuine } = await campaignWithBurst();
    expect(await publicCount(campaign)).toBe(5);

    const selector = { emailDomain: domain.toUpperCase() };
    const preview = await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector, action: "invalidate" });
    expect(preview).toEqual({ action: "invalidate", total: 5, byState: { CONFIRMED: 3, PENDING: 2, HELD: 0, FRAUDULENT: 0 }, countChange: -3 });

    const result = await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector, reason: "abuse" });
    expect(result).toEqual(preview);
    expect(await publicCount(campaign)).toBe(2);

    const burst = await db.signature.findMany({ where: { id: { in: [...burstConfirmed, ...burstPending].map((s) => s.id) } } });
    for (const signature of burst) {
      expect(signature.state).toBe("INVALIDATED");
      expect(signature.invalidationReason).toBe("abuse");
      expect(signature.invalidatedAt).toBeInstanceOf(Date);
    }
    // Confirmation time is kept: it is how a restore knows these were confirmed.
    expect(burst.filter((signature) => signature.confirmedAt !== null).map((s) => s.id).sort()).toEqual(burstConfirmed.map((s) => s.id).sort());
    expect(Object.values(await states(genuine.map((s) => s.id)))).toEqual(["CONFIRMED", "CONFIRMED"]);
  });

  it("restores confirmed signatures to CONFIRMED and the others to PENDING, and the count comes back", async () => {
    const { campaign, organiser, domain, burstConfirmed, burstPending } = await campaignWithBurst();
    await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "abuse" });
    expect(await publicCount(campaign)).toBe(2);

    const preview = await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, action: "restore" });
    expect(preview).toEqual({ action: "restore", total: 5, byState: { CONFIRMED: 3, PENDING: 2, HELD: 0, FRAUDULENT: 0 }, countChange: 3 });
    const result = await restoreSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain } });
    expect(result).toEqual(preview);
    expect(await publicCount(campaign)).toBe(5);

    const after = await db.signature.findMany({ where: { id: { in: [...burstConfirmed, ...burstPending].map((s) => s.id) } } });
    for (const signature of after) {
      expect(signature.state).toBe(burstConfirmed.some((s) => s.id === signature.id) ? "CONFIRMED" : "PENDING");
      expect(signature.invalidatedAt).toBeNull();
      expect(signature.invalidationReason).toBeNull();
    }
    // A restored pending signature is really pending again: its signer's link confirms and counts it.
    await confirm(burstPending[0]!.id);
    expect(await publicCount(campaign)).toBe(6);
  });

  it("changes nothing when repeated: a second invalidation and a second restore touch no signature", async () => {
    const { campaign, organiser, domain } = await campaignWithBurst();
    await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "abuse" });
    const before = await snapshot(campaign);

    expect(await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, action: "invalidate" })).toMatchObject({ total: 0 });
    const again = await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "duplicate" });
    expect(again).toEqual({ action: "invalidate", total: 0, byState: { CONFIRMED: 0, PENDING: 0, HELD: 0, FRAUDULENT: 0 }, countChange: 0 });
    expect(await snapshot(campaign)).toEqual(before);
    expect(await publicCount(campaign)).toBe(2);

    await restoreSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain } });
    const restored = await snapshot(campaign);
    expect((await restoreSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain } })).total).toBe(0);
    expect(await snapshot(campaign)).toEqual(restored);
    expect(await publicCount(campaign)).toBe(5);
  });

  it("counts what actually changed, not what was previewed: a signature confirmed in between leaves the count too", async () => {
    const { campaign, organiser, domain, burstPending } = await campaignWithBurst();
    const preview = await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, action: "invalidate" });
    expect(preview.byState).toEqual({ CONFIRMED: 3, PENDING: 2, HELD: 0, FRAUDULENT: 0 });
    await confirm(burstPending[0]!.id);
    expect(await publicCount(campaign)).toBe(6);

    const result = await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "abuse" });
    expect(result.byState).toEqual({ CONFIRMED: 4, PENDING: 1, HELD: 0, FRAUDULENT: 0 });
    expect(await publicCount(campaign)).toBe(2);
  });

  it("lets two moderators invalidate the same signatures at once: each is moved and uncounted once", async () => {
    const { campaign, organiser, domain } = await campaignWithBurst();
    const colleague = await memberOf(organisationOf(campaign), "OWNER");
    const results = await Promise.all([
      invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "abuse" }),
      invalidateSignatures({ actor: colleague, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "abuse" }),
    ]);
    expect(results.map((result) => result.total).sort()).toEqual([0, 5]);
    expect(await publicCount(campaign)).toBe(2);
  });

  it("invalidates a signature held as fraudulent, and restores it to pending, never counted", async () => {
    const { campaign, organiser, domain, burstPending } = await campaignWithBurst();
    await db.signature.update({ where: { id: burstPending[0]!.id }, data: { state: "FRAUDULENT" } });
    const preview = await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, action: "invalidate" });
    expect(preview.byState).toEqual({ CONFIRMED: 3, PENDING: 1, HELD: 0, FRAUDULENT: 1 });
    expect(await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "abuse" })).toEqual(preview);
    await restoreSignatures({ actor: organiser, campaignId: campaign.id, selector: { ids: [burstPending[0]!.id] } });
    expect(await states([burstPending[0]!.id])).toEqual({ [burstPending[0]!.id]: "PENDING" });
    expect(await publicCount(campaign)).toBe(2);
  });
});

describe("invalidating by IP hash, e-mail address, country and hand-picked rows", () => {
  it("by IP hash, whole or the prefix the signatures table shows", async () => {
    const campaign = await createCampaign();
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    const noisy = [await sign(campaign, { ip: "198.51.100.7" }), await sign(campaign, { ip: "198.51.100.7", confirm: false })];
    await sign(campaign, { ip: "198.51.100.8" });

    const found = await searchSignatures({ actor: organiser, campaignId: campaign.id, filters: {}, page: 1 });
    const shown = found.rows.find((row) => row.id === noisy[0]!.id)!.ipHash!;
    const full = hashIp("198.51.100.7")!;
    expect(full.startsWith(shown)).toBe(true);
    expect(shown.length).toBeLessThan(full.length);

    for (const ipHash of [shown, full]) {
      const preview = await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector: { ipHash }, action: "invalidate" });
      // Two signatures from one address within a minute: both within the limits.
      expect(preview.byState).toEqual({ CONFIRMED: 1, PENDING: 1, HELD: 0, FRAUDULENT: 0 });
    }
    const result = await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { ipHash: shown }, reason: "abuse" });
    expect(result.total).toBe(2);
    expect(Object.values(await states(noisy.map((s) => s.id)))).toEqual(["INVALIDATED", "INVALIDATED"]);
    expect(await publicCount(campaign)).toBe(1);
  });

  it("by e-mail address, however the signer or the moderator spelled it", async () => {
    const campaign = await createCampaign();
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    const local = `layla.haddad.${randomUUID().slice(0, 8)}`;
    const signer = await sign(campaign, { email: `${local}+petitions@gmail.com` });
    await sign(campaign);

    const selector = { email: `${local.replaceAll(".", "").toUpperCase()}@googlemail.com` };
    expect((await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector, action: "invalidate" })).total).toBe(1);
    expect((await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector, reason: "signer-request" })).total).toBe(1);
    expect(await states([signer.id])).toEqual({ [signer.id]: "INVALIDATED" });
    expect(await publicCount(campaign)).toBe(1);
  });

  it("by country", async () => {
    const campaign = await createCampaign();
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    const fromTurkey = [await sign(campaign, { country: "TR" }), await sign(campaign, { country: "TR", confirm: false })];
    await sign(campaign, { country: "SY" });

    const preview = await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector: { country: "tr" }, action: "invalidate" });
    expect(preview).toMatchObject({ total: 2, countChange: -1 });
    expect(await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { country: "tr" }, reason: "test" })).toEqual(preview);
    expect(Object.values(await states(fromTurkey.map((s) => s.id)))).toEqual(["INVALIDATED", "INVALIDATED"]);
    expect(await publicCount(campaign)).toBe(1);
  });

  it("by hand-picked ids, ignoring ids of another campaign's signatures", async () => {
    const campaign = await createCampaign();
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    const picked = [await sign(campaign), await sign(campaign, { confirm: false })];
    const kept = await sign(campaign);
    const elsewhere = await createCampaign();
    const stranger = await sign(elsewhere);

    const selector = { ids: [...picked.map((s) => s.id), stranger.id] };
    const preview = await previewBulkAction({ actor: organiser, campaignId: campaign.id, selector, action: "invalidate" });
    expect(preview.byState).toEqual({ CONFIRMED: 1, PENDING: 1, HELD: 0, FRAUDULENT: 0 });
    expect(await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector, reason: "duplicate" })).toEqual(preview);
    expect(await states([...picked.map((s) => s.id), kept.id, stranger.id])).toEqual({
      [picked[0]!.id]: "INVALIDATED",
      [picked[1]!.id]: "INVALIDATED",
      [kept.id]: "CONFIRMED",
      [stranger.id]: "CONFIRMED",
    });
    expect(await publicCount(campaign)).toBe(1);
    expect(await publicCount(elsewhere)).toBe(1);
  });

  it("refuses a selector or reason that is not valid, and changes nothing", async () => {
    const { campaign, organiser } = await campaignWithBurst();
    const before = await snapshot(campaign);
    const invalidate = (selector: unknown, reason = "abuse") =>
      invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: selector as { ids: string[] }, reason });

    expect((await expectAppError(invalidate({ ipHash: "abc" }), "VALIDATION")).fields).toEqual({ selector: "ipHashInvalid" });
    expect((await expectAppError(invalidate({ country: "XX" }), "VALIDATION")).fields).toEqual({ selector: "countryInvalid" });
    expect((await expectAppError(invalidate({ email: "not an address" }), "VALIDATION")).fields).toEqual({ selector: "emailInvalid" });
    expect((await expectAppError(invalidate({ ids: [] }), "VALIDATION")).fields).toEqual({ selector: "noneSelected" });
    // Two conditions at once are not silently narrowed to one.
    expect((await expectAppError(invalidate({ country: "SY", emailDomain: "example.org" }), "VALIDATION")).fields).toEqual({ selector: "selectorInvalid" });
    expect((await expectAppError(invalidate({}), "VALIDATION")).fields).toEqual({ selector: "selectorInvalid" });
    expect((await expectAppError(invalidate({ country: "SY" }, "  "), "VALIDATION")).fields).toEqual({ reason: "reasonRequired" });
    expect(await snapshot(campaign)).toEqual(before);
  });
});

// ---------------------------------------------------------------- who may do what

describe("authorisation", () => {
  it("refuses every write to a viewer and to another organisation's members, and nothing changes", async () => {
    const { campaign, domain, burstConfirmed } = await campaignWithBurst();
    const viewer = await memberOf(organisationOf(campaign), "VIEWER");
    const otherCampaign = await createCampaign();
    const outsider = await memberOf(organisationOf(otherCampaign), "OWNER");
    await invalidateSignatures({ actor: await memberOf(organisationOf(campaign), "ORGANISER"), campaignId: campaign.id, selector: { ids: [burstConfirmed[0]!.id] }, reason: "abuse" });
    const before = await snapshot(campaign);
    const auditBefore = await db.auditEntry.count({ where: { campaignId: campaign.id } });
    const selector = { emailDomain: domain };

    for (const [actor, code] of [[viewer, "FORBIDDEN"], [outsider, "NOT_FOUND"]] as const) {
      await expectAppError(invalidateSignatures({ actor, campaignId: campaign.id, selector, reason: "abuse" }), code);
      await expectAppError(restoreSignatures({ actor, campaignId: campaign.id, selector }), code);
      await expectAppError(previewBulkAction({ actor, campaignId: campaign.id, selector, action: "invalidate" }), code);
    }
    expect(await snapshot(campaign)).toEqual(before);
    expect(await publicCount(campaign)).toBe(4);
    expect(await db.auditEntry.count({ where: { campaignId: campaign.id } })).toBe(auditBefore);
  });

  it("lets a viewer read counts and signatures, with e-mail addresses masked, and an outsider neither", async () => {
    const { campaign, domain } = await campaignWithBurst();
    const viewer = await memberOf(organisationOf(campaign), "VIEWER");
    const outsider = await memberOf(organisationOf(await createCampaign()), "OWNER");

    const seen = await searchSignatures({ actor: viewer, campaignId: campaign.id, filters: { emailDomain: domain } });
    expect(seen.role).toBe("VIEWER");
    expect(seen.total).toBe(5);
    for (const row of seen.rows) expect(row.email).toMatch(new RegExp(`^[a-z]•••@${domain.replaceAll(".", "\\.")}$`));
    // Nor can a viewer find out whether an address signed by searching for it.
    expect((await expectAppError(searchSignatures({ actor: viewer, campaignId: campaign.id, filters: { email: `bot0@${domain}` } }), "VALIDATION")).fields).toEqual({ email: "emailNotAllowed" });
    expect((await searchSignatures({ actor: viewer, campaignId: campaign.id, filters: { text: `bot0@${domain}` } })).total).toBe(0);
    expect((await campaignStats({ actor: viewer, campaignId: campaign.id, days: 7 })).totals.CONFIRMED).toBe(5);

    await expectAppError(searchSignatures({ actor: outsider, campaignId: campaign.id, filters: {} }), "NOT_FOUND");
    await expectAppError(campaignStats({ actor: outsider, campaignId: campaign.id, days: 7 }), "NOT_FOUND");
  });

  it("lets a member of any co-owning organisation moderate a coalition campaign", async () => {
    const campaign = await createCampaign({ coOwners: 1 });
    const partner = await memberOf(campaign.owners[1]!.organisationId, "ORGANISER");
    const signer = await sign(campaign);
    expect((await invalidateSignatures({ actor: partner, campaignId: campaign.id, selector: { ids: [signer.id] }, reason: "test" })).total).toBe(1);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(entry.organisationId).toBe(campaign.owners[1]!.organisationId);
  });
});

describe("the audit log", () => {
  it("records who did what, to which signatures, how many, and how the count moved", async () => {
    const { campaign, organiser, domain } = await campaignWithBurst();
    await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain }, reason: "abuse" });
    await restoreSignatures({ actor: organiser, campaignId: campaign.id, selector: { emailDomain: domain } });
    await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { email: `bot1@${domain}` }, reason: "signer-request" });

    const entries = await db.auditEntry.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map(({ organisationId, userId, action, affected, details }) => ({ organisationId, userId, action, affected, details }))).toEqual([
      {
        organisationId: organisationOf(campaign),
        userId: organiser.userId,
        action: "signatures.invalidate",
        affected: 5,
        details: { selector: { emailDomain: domain }, reason: "abuse", byState: { CONFIRMED: 3, PENDING: 2, HELD: 0, FRAUDULENT: 0 }, countChange: -3 },
      },
      {
        organisationId: organisationOf(campaign),
        userId: organiser.userId,
        action: "signatures.restore",
        affected: 5,
        details: { selector: { emailDomain: domain }, byState: { CONFIRMED: 3, PENDING: 2, HELD: 0, FRAUDULENT: 0 }, countChange: 3 },
      },
      {
        organisationId: organisationOf(campaign),
        userId: organiser.userId,
        action: "signatures.invalidate",
        affected: 1,
        // The log keeps no signer's address.
        details: { selector: { email: `b•••@${domain}` }, reason: "signer-request", byState: { CONFIRMED: 1, PENDING: 0, HELD: 0, FRAUDULENT: 0 }, countChange: -1 },
      },
    ]);
  });
});

// ---------------------------------------------------------------- search

describe("searchSignatures", () => {
  it("finds by words of a name or a whole address, state, country and date, newest first, a page at a time", async () => {
    const campaign = await createCampaign();
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    const tag = randomUUID().slice(0, 6);
    const omar = await sign(campaign, { name: `Omar ${tag}`, country: "TR" });
    const maryam = await sign(campaign, { name: "مريم الأحمد", email: `maryam.${tag}@example.net`, confirm: false });
    const others = [];
    for (let index = 0; index < 3; index++) others.push(await sign(campaign, { name: `Signer ${index}` }));
    const search = (filters: Record<string, unknown>, page = 1, pageSize = 50) =>
      searchSignatures({ actor: organiser, campaignId: campaign.id, filters, page, pageSize });

    expect((await search({ text: `omar ${tag.toUpperCase()}` })).rows.map((row) => row.id)).toEqual([omar.id]);
    expect((await search({ text: "مريم" })).rows.map((row) => row.id)).toEqual([maryam.id]);
    expect((await search({ text: `Maryam.${tag}@EXAMPLE.net` })).rows.map((row) => row.id)).toEqual([maryam.id]);
    // Text with no letter or digit in it names no one.
    expect((await search({ text: "%" })).total).toBe(0);
    expect((await search({ text: "_" })).total).toBe(0);
    expect((await search({ email: `Maryam.${tag}@EXAMPLE.net` })).rows.map((row) => row.id)).toEqual([maryam.id]);
    expect((await search({ state: "PENDING" })).rows.map((row) => row.id)).toEqual([maryam.id]);
    expect((await search({ country: "tr" })).rows.map((row) => row.id)).toEqual([omar.id]);
    expect((await search({ emailDomain: "example.net" })).total).toBe(1);

    const today = new Date().toISOString().slice(0, 10);
    expect((await search({ from: today, to: today })).total).toBe(5);
    expect((await search({ to: "2000-01-01" })).total).toBe(0);
    expect((await search({ from: "2999-01-01" })).total).toBe(0);

    const all = await search({});
    expect(all.total).toBe(5);
    expect(all.rows.map((row) => row.id)).toEqual([...others.map((s) => s.id).reverse(), maryam.id, omar.id]);
    const row = all.rows.find((r) => r.id === maryam.id)!;
    expect(row).toMatchObject({ name: "مريم الأحمد", email: `maryam.${tag}@example.net`, country: "SY", state: "PENDING", confirmedAt: null, emailDomain: "example.net" });
    expect(row.createdAt).toBeInstanceOf(Date);

    const second = await search({}, 2, 2);
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2, pageCount: 3 });
    expect(second.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
  });

  it("finds a name by any one of its whole words, in any case and with or without harakat, but not by part of a word; an exact address finds its row", async () => {
    const campaign = await createCampaign();
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    const layla = await sign(campaign, { name: "Layla Haddad-Khoury" });
    const muhammad = await sign(campaign, { name: "مُحَمَّد الأَحْمَد" });
    const jose = await sign(campaign, { name: "José Núñez" });
    const found = async (text: string) => (await searchSignatures({ actor: organiser, campaignId: campaign.id, filters: { text } })).rows.map((row) => row.id);

    expect(await found("LAYLA")).toEqual([layla.id]);
    expect(await found("khoury layla")).toEqual([layla.id]);
    expect(await found("محمد")).toEqual([muhammad.id]);
    expect(await found("الاحمد")).toEqual([muhammad.id]);
    expect(await found("مُحَمَّد")).toEqual([muhammad.id]);
    expect(await found("jose nunez")).toEqual([jose.id]);
    // Part of a word, or a word the name lacks, finds nothing.
    expect(await found("Lay")).toEqual([]);
    expect(await found("Hadd")).toEqual([]);
    expect(await found("محم")).toEqual([]);
    expect(await found("Layla Omar")).toEqual([]);
    // A whole address, however it was spelled, as the text or in the e-mail field.
    expect(await found(jose.email.toUpperCase())).toEqual([jose.id]);
    expect((await searchSignatures({ actor: organiser, campaignId: campaign.id, filters: { email: muhammad.email } })).rows.map((row) => row.id)).toEqual([muhammad.id]);
    expect(await found(`x${jose.email}`)).toEqual([]);
  });

  it("refuses filters that are not valid with a key per field", async () => {
    const campaign = await createCampaign();
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    const error = await expectAppError(
      searchSignatures({
        actor: organiser,
        campaignId: campaign.id,
        filters: { email: "nope", country: "XX", state: "GONE", from: "2025-02-30", ipHash: "short", emailDomain: "no-dot", text: "x".repeat(101) },
      }),
      "VALIDATION",
    );
    expect(error.fields).toEqual({
      email: "emailInvalid",
      country: "countryInvalid",
      state: "stateInvalid",
      from: "dateInvalid",
      ipHash: "ipHashInvalid",
      emailDomain: "emailDomainInvalid",
      text: "textTooLong",
    });
    const range = await expectAppError(searchSignatures({ actor: organiser, campaignId: campaign.id, filters: { from: "2025-03-02", to: "2025-03-01" } }), "VALIDATION");
    expect(range.fields).toEqual({ to: "dateRange" });
  });
});

// ---------------------------------------------------------------- statistics

describe("campaignStats", () => {
  it("counts every state, confirmed signatures per UTC day (zero-filled) and the top countries", async () => {
    const campaign = await createCampaign();
    const viewer = await memberOf(organisationOf(campaign), "VIEWER");
    const organiser = await memberOf(organisationOf(campaign), "ORGANISER");
    // Twelve countries, so that two fall outside the top ten.
    const countries = ["SY", "SY", "SY", "SY", "TR", "TR", "TR", "DE", "DE", "LB", "JO", "IQ", "EG", "FR", "GB", "NL", "SE", "US"];
    const signers = [];
    for (const country of countries) signers.push(await sign(campaign, { country }));
    const pending = await sign(campaign, { confirm: false });
    const fraudulent = await sign(campaign, { confirm: false });
    await db.signature.update({ where: { id: fraudulent.id }, data: { state: "FRAUDULENT" } });
    // One Syrian signature is invalidated: it no longer counts anywhere.
    await invalidateSignatures({ actor: organiser, campaignId: campaign.id, selector: { ids: [signers[0]!.id] }, reason: "abuse" });

    // Confirmation times, fixed relative to "now" (15 January 2030, 10:00 UTC).
    const at = (iso: string) => new Date(iso);
    const times = [
      at("2030-01-15T00:00:00Z"), // signers[0], invalidated: not counted
      at("2030-01-15T00:00:00Z"),
      at("2030-01-15T09:59:00Z"),
      at("2030-01-14T23:59:59Z"),
      at("2030-01-14T12:00:00Z"),
      at("2030-01-12T08:00:00Z"),
      at("2030-01-09T00:00:01Z"), // the first of the seven days
      at("2030-01-08T23:59:59Z"), // the day before the window
      at("2029-12-01T12:00:00Z"),
    ];
    for (const [index, signer] of signers.entries()) {
      await db.signature.update({ where: { id: signer.id }, data: { confirmedAt: times[index] ?? at("2029-06-01T12:00:00Z") } });
    }

    const stats = await campaignStats({ actor: viewer, campaignId: campaign.id, days: 7, now: at("2030-01-15T10:00:00Z") });
    expect(stats.campaign).toEqual({ id: campaign.id, slug: campaign.slug, status: "OPEN", title: readTranslations(campaign.title), primaryLocale: "en" });
    expect(stats.role).toBe("VIEWER");
    expect(stats.totals).toEqual({ CONFIRMED: 17, PENDING: 1, INVALIDATED: 1, FRAUDULENT: 1, HELD: 0 });
    expect(stats.perDay).toEqual([
      { day: "2030-01-09", count: 1 },
      { day: "2030-01-10", count: 0 },
      { day: "2030-01-11", count: 0 },
      { day: "2030-01-12", count: 1 },
      { day: "2030-01-13", count: 0 },
      { day: "2030-01-14", count: 2 },
      { day: "2030-01-15", count: 2 },
    ]);
    expect(stats.topCountries).toEqual([
      { country: "SY", count: 3 },
      { country: "TR", count: 3 },
      { country: "DE", count: 2 },
      { country: "EG", count: 1 },
      { country: "FR", count: 1 },
      { country: "GB", count: 1 },
      { country: "IQ", count: 1 },
      { country: "JO", count: 1 },
      { country: "LB", count: 1 },
      { country: "NL", count: 1 },
    ]);
    expect(stats.otherCountries).toBe(2);
    expect(stats.topCountries.reduce((sum, row) => sum + row.count, 0) + stats.otherCountries).toBe(stats.totals.CONFIRMED);
    expect(pending.id).toBeTruthy();

    const month = await campaignStats({ actor: viewer, campaignId: campaign.id, days: 60, now: at("2030-01-15T10:00:00Z") });
    expect(month.perDay).toHaveLength(60);
    expect(month.perDay.at(-1)).toEqual({ day: "2030-01-15", count: 2 });
    expect(month.perDay.reduce((sum, day) => sum + day.count, 0)).toBe(8);
    expect(month.perDay.find((day) => day.day === "2029-12-01")).toEqual({ day: "2029-12-01", count: 1 });
  });

  it("shows an empty campaign as zeros for every day, and refuses a period that is not a whole number of days", async () => {
    const campaign = await createCampaign();
    const viewer = await memberOf(organisationOf(campaign), "VIEWER");
    const stats = await campaignStats({ actor: viewer, campaignId: campaign.id, days: 30 });
    expect(stats.perDay).toHaveLength(30);
    expect(stats.perDay.every((day) => day.count === 0)).toBe(true);
    expect(stats.perDay.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(stats.topCountries).toEqual([]);
    expect(stats.totals).toEqual({ CONFIRMED: 0, PENDING: 0, INVALIDATED: 0, FRAUDULENT: 0, HELD: 0 });
    for (const days of [0, 1.5, 400]) await expectAppError(campaignStats({ actor: viewer, campaignId: campaign.id, days }), "VALIDATION");
  });
});
