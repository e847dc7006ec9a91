import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../emails/confirm-signature";
import { loadActor, type Actor } from "../../lib/auth/authorize";
import { confirmedCount } from "../../lib/campaigns/counters";
import { closeCampaign } from "../../lib/campaigns/editor/close-campaign";
import { createCampaign } from "../../lib/campaigns/editor/create-campaign";
import { getCampaignForEditing } from "../../lib/campaigns/editor/get-campaign-for-editing";
import { getCampaignPreview } from "../../lib/campaigns/editor/get-campaign-preview";
import { listCampaignOrganisations } from "../../lib/campaigns/editor/list-campaign-organisations";
import { publishCampaign } from "../../lib/campaigns/editor/publish-campaign";
import { reopenCampaign } from "../../lib/campaigns/editor/reopen-campaign";
import { updateCampaign } from "../../lib/campaigns/editor/update-campaign";
import { getPublicCampaign, loadCampaignPage } from "../../lib/campaigns/get-campaign";
import { db } from "../../lib/db";
import { getAddresseeRecord } from "../../lib/deliveries/delivery-record";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { localized } from "../../lib/i18n/locales";
import { readTranslations } from "../../lib/i18n/translations";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { signPetition } from "../../lib/signatures/sign-petition";
import { signInput, uniqueEmail } from "../fixtures/factories";
import { appError, expectAppError } from "../fixtures/app-errors";
import { latestMailTo, mailsTo } from "../fixtures/sealed-mail";

// ---------------------------------------------------------------- fixtures (unique names, no wiping)

const tag = () => randomUUID().slice(0, 8);

async function makeOrganisation() {
  const suffix = tag();
  return db.organisation.create({ data: { slug: `editor-org-${suffix}`, name: { en: `Editor Org ${suffix}`, ar: `منظمة ${suffix}` } } });
}

async function makeActor(memberships: { organisationId: string; role: MemberRole }[]): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("organiser"), memberships: { create: memberships } } });
  const actor = await loadActor(user.id);
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

async function makeStatement() {
  const suffix = tag();
  return db.sourceStatement.create({
    data: {
      slug: `editor-statement-${suffix}`,
      authorName: "Syria Civil Defence",
      title: { en: `Statement ${suffix}`, ar: `بيان ${suffix}` },
      publishedOn: new Date("2026-02-01"),
      language: "en",
      summary: { en: "A statement." },
    },
  });
}

async function makeDecisionMaker(organisationId: string | null) {
  const suffix = tag();
  return db.decisionMaker.create({
    data: { organisationId, name: { en: `Minister ${suffix}` }, institution: { en: "Ministry of Foreign Affairs" }, country: "GB", email: `minister.${suffix}@example.org` },
  });
}

// An organisation with an owner-level organiser, a viewer, and an organiser of another organisation.
async function team() {
  const organisation = await makeOrganisation();
  const other = await makeOrganisation();
  const organiser = await makeActor([{ organisationId: organisation.id, role: "ORGANISER" }]);
  const viewer = await makeActor([{ organisationId: organisation.id, role: "VIEWER" }]);
  const outsider = await makeActor([{ organisationId: other.id, role: "OWNER" }]);
  return { organisation, other, organiser, viewer, outsider };
}

function input(overrides: Record<string, unknown> = {}) {
  return {
    primaryLocale: "en",
    title: { en: `Protect hospitals in Idlib ${tag()}`, ar: "احموا المستشفيات في إدلب" },
    summary: { en: "Hospitals are being bombed. Stop it.", ar: "تتعرض المستشفيات للقصف. أوقفوه." },
    body: { en: "## Why\n\nBecause **hospitals** must be safe.", ar: "" },
    goals: "100, 1000",
    opensAt: "",
    closesAt: "",
    sourceStatementId: "",
    demands: [],
    decisionMakerIds: [],
    ...overrides,
  };
}

const demand = (overrides: Record<string, unknown> = {}) => ({
  kind: "PROTECTION_OF_CIVILIANS",
  text: { en: "Stop attacks on hospitals", ar: "أوقفوا الهجمات على المستشفيات" },
  sourceQuote: "Hospitals must never be a target.",
  sourceStatementId: "",
  ...overrides,
});


// Everything an editing action could change, to prove that a refused one changed nothing.
async function snapshot(campaignId: string) {
  const campaign = await db.campaign.findUniqueOrThrow({
    where: { id: campaignId },
    include: { demands: { orderBy: { position: "asc" } }, targets: { orderBy: { decisionMakerId: "asc" } }, owners: true },
  });
  const audit = await db.auditEntry.count({ where: { campaignId } });
  return { campaign, audit };
}

async function auditActions(campaignId: string): Promise<string[]> {
  const entries = await db.auditEntry.findMany({ where: { campaignId }, orderBy: { createdAt: "asc" }, select: { action: true } });
  return entries.map((entry) => entry.action);
}

// Signs as a new supporter (from an address of their own, so no rate limit applies) and confirms
// with the token from the e-mail's link.
let signers = 0;
async function signAndConfirm(slug: string): Promise<void> {
  const signer = signInput();
  await signPetition({ campaignSlug: slug, input: signer, locale: "en", ipAddress: `198.51.100.${++signers % 256}` });
  const message = await latestMailTo(signer.email, { template: "confirm-signature" });
  const { confirmUrl } = message.payload as unknown as ConfirmSignatureProps;
  const token = /\/confirm\/([A-Za-z0-9_-]+)$/.exec(confirmUrl)?.[1];
  if (!token) throw new Error(`no token in ${confirmUrl}`);
  expect(await confirmSignature({ token })).toMatchObject({ campaignSlug: slug, counted: true });
}

// ---------------------------------------------------------------- the journey

describe("campaign editor", () => {
  it("creates a draft, publishes it, edits it without losing its URL or signatures, closes and reopens it", async () => {
    const { organisation, organiser } = await team();
    const statement = await makeStatement();
    const shared = await makeDecisionMaker(null);
    const own = await makeDecisionMaker(organisation.id);
    const first = input();

    // Create: a draft, with a slug from the title in its language (English), invisible to the public.
    const created = await createCampaign({ actor: organiser, organisationId: organisation.id, input: first });
    expect(created.slug).toBe(first.title.en.toLowerCase().replace(/ /g, "-"));
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: created.id }, include: { owners: true } });
    expect(stored).toMatchObject({ status: "DRAFT", slug: created.slug, primaryLocale: "en", title: first.title, goals: [100, 1000] });
    // The Arabic body was left empty, so none is stored.
    expect(stored.body).toStrictEqual({ en: first.body.en });
    expect(stored.owners).toEqual([expect.objectContaining({ organisationId: organisation.id, lead: true })]);
    expect(await getPublicCampaign(created.slug)).toBeNull();
    await expectAppError(signPetition({ campaignSlug: created.slug, input: signInput(), locale: "en" }), "NOT_FOUND");

    // A draft without demands cannot be published.
    const refused = await expectAppError(publishCampaign({ actor: organiser, campaignId: created.id }), "VALIDATION");
    expect(refused.fields).toEqual({ demands: "demandsRequiredToPublish" });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("DRAFT");

    // Edit: demands (an empty row in between is ignored), decision-makers, source statement, dates.
    const updated = await updateCampaign({
      actor: organiser,
      campaignId: created.id,
      input: input({
        title: first.title,
        sourceStatementId: statement.id,
        closesAt: "2099-12-31",
        demands: [
          demand({ sourceStatementId: statement.id }),
          demand({ kind: "", text: { en: "", ar: "" }, sourceQuote: "" }),
          demand({ kind: "ACCOUNTABILITY", text: { en: "Hold those responsible to account", ar: "" }, sourceQuote: "" }),
        ],
        decisionMakerIds: [shared.id, own.id],
      }),
    });
    expect(updated).toMatchObject({ id: created.id, slug: created.slug, status: "DRAFT" });
    expect(updated.changed).toEqual(expect.arrayContaining(["sourceStatementId", "closesAt", "demands", "decisionMakers"]));
    expect(await db.demand.findMany({ where: { campaignId: created.id }, orderBy: { position: "asc" }, select: { position: true, kind: true, text: true, sourceStatementId: true } })).toStrictEqual([
      { position: 0, kind: "PROTECTION_OF_CIVILIANS", text: { en: "Stop attacks on hospitals", ar: "أوقفوا الهجمات على المستشفيات" }, sourceStatementId: statement.id },
      { position: 1, kind: "ACCOUNTABILITY", text: { en: "Hold those responsible to account" }, sourceStatementId: null },
    ]);

    // Publish: visible, with its demands and decision-makers.
    expect(await publishCampaign({ actor: organiser, campaignId: created.id })).toEqual({ id: created.id, slug: created.slug, status: "OPEN" });
    const published = await getPublicCampaign(created.slug);
    expect(published).toMatchObject({ status: "OPEN", isOpen: true, primaryLocale: "en", title: { en: first.title.en }, statement: { slug: statement.slug } });
    expect(published!.demands.map((d) => d.kind)).toEqual(["PROTECTION_OF_CIVILIANS", "ACCOUNTABILITY"]);
    expect((await getAddresseeRecord(created.id)).map((target) => target.name.en).sort()).toEqual([readTranslations(shared.name).en, readTranslations(own.name).en].sort());

    // A signature arrives and is confirmed.
    await signAndConfirm(created.slug);
    expect(await confirmedCount(created.id)).toBe(1);

    // Editing the title of the published campaign keeps its slug, its signature and its count.
    const renamed = `Hospitals are not targets ${tag()}`;
    const edit = await updateCampaign({
      actor: organiser,
      campaignId: created.id,
      input: input({ title: { ...first.title, en: renamed }, closesAt: "2099-12-31", sourceStatementId: statement.id, demands: [demand({ sourceStatementId: statement.id })], decisionMakerIds: [own.id] }),
    });
    expect(edit).toMatchObject({ slug: created.slug, status: "OPEN" });
    expect(edit.changed).toEqual(expect.arrayContaining(["title", "demands", "decisionMakers"]));
    expect(edit.changed).not.toContain("summary");
    const afterEdit = await getPublicCampaign(created.slug);
    expect(afterEdit).toMatchObject({ slug: created.slug, title: { en: renamed }, progress: { count: 1 } });
    expect((await getAddresseeRecord(created.id)).map((target) => target.name)).toEqual([readTranslations(own.name)]);
    expect(await db.signature.count({ where: { campaignId: created.id, state: "CONFIRMED" } })).toBe(1);
    expect(await confirmedCount(created.id)).toBe(1);
    expect(await db.campaign.findFirst({ where: { slug: { startsWith: renamed.toLowerCase().replace(/ /g, "-") } } })).toBeNull();

    // Close: still public with its count, but signing is refused.
    expect(await closeCampaign({ actor: organiser, campaignId: created.id })).toMatchObject({ status: "CLOSED" });
    expect(await getPublicCampaign(created.slug)).toMatchObject({ status: "CLOSED", isOpen: false, progress: { count: 1 } });
    const late = signInput();
    await expectAppError(signPetition({ campaignSlug: created.slug, input: late, locale: "en" }), "CAMPAIGN_NOT_OPEN");
    expect(await mailsTo(late.email)).toHaveLength(0);

    // Reopen: signing works again and the earlier signature still counts.
    expect(await reopenCampaign({ actor: organiser, campaignId: created.id })).toMatchObject({ status: "OPEN" });
    await signAndConfirm(created.slug);
    expect(await confirmedCount(created.id)).toBe(2);
    expect(await getPublicCampaign(created.slug)).toMatchObject({ isOpen: true, progress: { count: 2 } });

    // Each write left one audit entry, by this organiser, for this organisation.
    expect(await auditActions(created.id)).toEqual(["campaign.create", "campaign.update", "campaign.publish", "campaign.update", "campaign.close", "campaign.reopen"]);
    const entries = await db.auditEntry.findMany({ where: { campaignId: created.id } });
    for (const entry of entries) expect(entry).toMatchObject({ organisationId: organisation.id, userId: organiser.userId, affected: 1 });
    expect(entries.find((entry) => entry.action === "campaign.close")!.details).toEqual({ from: "OPEN", to: "CLOSED" });
    expect(entries.find((entry) => entry.action === "campaign.create")!.details).toEqual({ slug: created.slug });
  });

  it("refuses transitions that do not follow DRAFT → OPEN → CLOSED → OPEN, and changes nothing", async () => {
    const { organisation, organiser } = await team();
    const { id } = await createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ demands: [demand()] }) });

    expect((await expectAppError(closeCampaign({ actor: organiser, campaignId: id }), "VALIDATION")).fields).toEqual({ status: "statusNotOpen" });
    expect((await expectAppError(reopenCampaign({ actor: organiser, campaignId: id }), "VALIDATION")).fields).toEqual({ status: "statusNotClosed" });
    await publishCampaign({ actor: organiser, campaignId: id });
    expect((await expectAppError(publishCampaign({ actor: organiser, campaignId: id }), "VALIDATION")).fields).toEqual({ status: "statusNotDraft" });
    expect((await expectAppError(reopenCampaign({ actor: organiser, campaignId: id }), "VALIDATION")).fields).toEqual({ status: "statusNotClosed" });
    await closeCampaign({ actor: organiser, campaignId: id });
    expect((await expectAppError(closeCampaign({ actor: organiser, campaignId: id }), "VALIDATION")).fields).toEqual({ status: "statusNotOpen" });
    expect((await expectAppError(publishCampaign({ actor: organiser, campaignId: id }), "VALIDATION")).fields).toEqual({ status: "statusNotDraft" });

    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).status).toBe("CLOSED");
    expect(await auditActions(id)).toEqual(["campaign.create", "campaign.publish", "campaign.close"]);
  });

  it("publishes only with a summary in the campaign's language, a demand and a closing date ahead; a public campaign keeps them", async () => {
    const { organisation, organiser } = await team();
    // An Arabic summary does not stand in for the English one of an English campaign.
    const { id } = await createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ summary: { en: "", ar: "تتعرض المستشفيات للقصف." }, closesAt: "2020-01-01" }) });
    const refused = await expectAppError(publishCampaign({ actor: organiser, campaignId: id }), "VALIDATION");
    expect(refused.fields).toEqual({ "summary.en": "summaryRequiredToPublish", demands: "demandsRequiredToPublish", closesAt: "closesAtPassed" });

    await updateCampaign({ actor: organiser, campaignId: id, input: input({ closesAt: "", demands: [demand()] }) });
    await publishCampaign({ actor: organiser, campaignId: id });

    // Once public, an edit may not take away its summary or its last demand.
    const before = await snapshot(id);
    const stripped = await expectAppError(updateCampaign({ actor: organiser, campaignId: id, input: input({ summary: { en: " ", ar: "تتعرض المستشفيات للقصف." }, demands: [] }) }), "VALIDATION");
    expect(stripped.fields).toEqual({ "summary.en": "summaryRequiredToPublish", demands: "demandsRequiredToPublish" });
    expect(await snapshot(id)).toEqual(before);

    // A campaign closed by its date can be edited, but not reopened until the date moves.
    await db.campaign.update({ where: { id }, data: { closesAt: new Date("2021-06-30T18:00:00Z") } });
    await closeCampaign({ actor: organiser, campaignId: id });
    const edited = await updateCampaign({ actor: organiser, campaignId: id, input: input({ demands: [demand()], closesAt: "2021-06-30" }) });
    expect(edited.changed).not.toContain("closesAt");
    // The day did not change, so the exact time stored is kept.
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).closesAt).toEqual(new Date("2021-06-30T18:00:00Z"));
    expect((await expectAppError(reopenCampaign({ actor: organiser, campaignId: id }), "VALIDATION")).fields).toEqual({ closesAt: "closesAtPassed" });
    await updateCampaign({ actor: organiser, campaignId: id, input: input({ demands: [demand()], closesAt: "2099-01-01" }) });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).closesAt).toEqual(new Date("2099-01-01T00:00:00Z"));
    await reopenCampaign({ actor: organiser, campaignId: id });
  });

  it("refuses every write by a viewer or by a member of another organisation, and changes nothing", async () => {
    const { organisation, other, organiser, viewer, outsider } = await team();
    const { id } = await createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ demands: [demand()] }) });
    const otherCampaign = await createCampaign({ actor: outsider, organisationId: other.id, input: input() });
    const before = await snapshot(id);
    const campaignsBefore = await db.campaignOwner.count({ where: { organisationId: organisation.id } });

    const writes = (actor: Actor) => [
      ["create", () => createCampaign({ actor, organisationId: organisation.id, input: input() })],
      ["update", () => updateCampaign({ actor, campaignId: id, input: input({ title: { en: "Hijacked" }, demands: [demand()] }) })],
      ["update (invalid)", () => updateCampaign({ actor, campaignId: id, input: { primaryLocale: "en", title: { en: "" } } })],
      ["publish", () => publishCampaign({ actor, campaignId: id })],
      ["close", () => closeCampaign({ actor, campaignId: id })],
      ["reopen", () => reopenCampaign({ actor, campaignId: id })],
    ] as const;

    for (const [name, write] of writes(viewer)) {
      expect((await appError(write())).code, `viewer: ${name}`).toBe("FORBIDDEN");
    }
    for (const [name, write] of writes(outsider)) {
      // Another organisation's campaign is not found: its existence is not revealed.
      expect((await appError(write())).code, `outsider: ${name}`).toBe(name === "create" ? "FORBIDDEN" : "NOT_FOUND");
    }
    // An organiser of this organisation cannot reach the other organisation's campaign either.
    await expectAppError(updateCampaign({ actor: organiser, campaignId: otherCampaign.id, input: input() }), "NOT_FOUND");
    await expectAppError(publishCampaign({ actor: organiser, campaignId: otherCampaign.id }), "NOT_FOUND");

    // Also published and closed: still nothing a viewer can do.
    await publishCampaign({ actor: organiser, campaignId: id });
    for (const [name, write] of writes(viewer)) {
      expect((await appError(write())).code, `viewer (open): ${name}`).toBe("FORBIDDEN");
    }

    const after = await snapshot(id);
    expect(after.campaign).toEqual({ ...before.campaign, status: "OPEN", updatedAt: after.campaign.updatedAt });
    expect(readTranslations(after.campaign.title)).toEqual(readTranslations(before.campaign.title));
    expect(await auditActions(id)).toEqual(["campaign.create", "campaign.publish"]);
    expect(await db.campaignOwner.count({ where: { organisationId: organisation.id } })).toBe(campaignsBefore);
    expect(await db.auditEntry.count({ where: { userId: { in: [viewer.userId, outsider.userId] }, campaignId: id } })).toBe(0);

    // Reading: a viewer may read (but is told they cannot edit); an outsider learns nothing.
    expect(await getCampaignForEditing({ actor: viewer, campaignId: id })).toMatchObject({ id, role: "VIEWER", canEdit: false });
    expect(await getCampaignPreview({ actor: viewer, campaignId: id })).toMatchObject({ id });
    await expectAppError(getCampaignForEditing({ actor: outsider, campaignId: id }), "NOT_FOUND");
    await expectAppError(getCampaignPreview({ actor: outsider, campaignId: id }), "NOT_FOUND");
    await expectAppError(getCampaignForEditing({ actor: organiser, campaignId: `missing-${tag()}` }), "NOT_FOUND");
  });

  it("refuses invalid input with a key per field and writes nothing", async () => {
    const { organisation, organiser } = await team();
    const campaignsBefore = await db.campaignOwner.count({ where: { organisationId: organisation.id } });
    const invalid = input({
      title: { en: "", ar: "ع".repeat(151) },
      goals: "1000, 500",
      opensAt: "2026-05-01",
      closesAt: "2026-04-01",
      demands: [demand(), demand({ kind: "" }), demand({ text: { en: "", ar: "أوقفوا الهجمات على المستشفيات" } })],
    });
    const creating = await expectAppError(createCampaign({ actor: organiser, organisationId: organisation.id, input: invalid }), "VALIDATION");
    const expected = {
      "title.en": "titleRequired",
      "title.ar": "titleTooLong",
      goals: "goalsNotAscending",
      closesAt: "closesBeforeOpens",
      "demands.1.kind": "demandKindRequired",
      "demands.2.text.en": "demandTextRequired",
    };
    expect(creating.fields).toEqual(expected);
    expect(creating.status).toBe(400);
    expect(await db.campaignOwner.count({ where: { organisationId: organisation.id } })).toBe(campaignsBefore);
    expect(await db.auditEntry.count({ where: { organisationId: organisation.id } })).toBe(0);

    const { id } = await createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ demands: [demand()] }) });
    const before = await snapshot(id);
    expect((await expectAppError(updateCampaign({ actor: organiser, campaignId: id, input: invalid }), "VALIDATION")).fields).toEqual(expected);
    expect((await expectAppError(updateCampaign({ actor: organiser, campaignId: id, input: null }), "VALIDATION")).fields).toEqual({ form: "invalidValue" });
    expect(await snapshot(id)).toEqual(before);
  });

  it("accepts only known statements and decision-makers from the shared directory or this organisation", async () => {
    const { organisation, other, organiser } = await team();
    const statement = await makeStatement();
    const foreign = await makeDecisionMaker(other.id);
    const retired = await db.decisionMaker.update({ where: { id: (await makeDecisionMaker(null)).id }, data: { retiredAt: new Date() } });
    const shared = await makeDecisionMaker(null);
    const { id } = await createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ demands: [demand()], decisionMakerIds: [shared.id] }) });
    const before = await snapshot(id);

    const unknownStatement = await expectAppError(
      updateCampaign({
        actor: organiser,
        campaignId: id,
        input: input({ sourceStatementId: `missing-${tag()}`, demands: [demand({ sourceStatementId: statement.id }), {}, demand({ sourceStatementId: `missing-${tag()}` })] }),
      }),
      "VALIDATION",
    );
    expect(unknownStatement.fields).toEqual({ sourceStatementId: "statementUnknown", "demands.2.sourceStatementId": "statementUnknown" });

    for (const person of [foreign, retired]) {
      const error = await expectAppError(updateCampaign({ actor: organiser, campaignId: id, input: input({ demands: [demand()], decisionMakerIds: [shared.id, person.id] }) }), "VALIDATION");
      expect(error.fields).toEqual({ decisionMakerIds: "decisionMakerUnknown" });
    }
    await expectAppError(createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ decisionMakerIds: [foreign.id] }) }), "VALIDATION");
    expect(await snapshot(id)).toEqual(before);

    // A decision-maker retired after being addressed stays addressable on this campaign.
    await db.decisionMaker.update({ where: { id: shared.id }, data: { retiredAt: new Date() } });
    await updateCampaign({ actor: organiser, campaignId: id, input: input({ demands: [demand()], decisionMakerIds: [shared.id] }) });
    expect(await db.campaignTarget.findMany({ where: { campaignId: id }, select: { decisionMakerId: true } })).toEqual([{ decisionMakerId: shared.id }]);
  });

  it("gives each campaign its own slug, even for the same title created at once, and never changes it", async () => {
    const { organisation, organiser } = await team();
    const title = `Same title ${tag()}`;
    const base = title.toLowerCase().replace(/ /g, "-");
    const first = await createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ title: { en: title } }) });
    const racing = await Promise.all([1, 2, 3].map(() => createCampaign({ actor: organiser, organisationId: organisation.id, input: input({ title: { en: title } }) })));
    expect(first.slug).toBe(base);
    expect(new Set([first, ...racing].map((campaign) => campaign.slug))).toEqual(new Set([base, `${base}-2`, `${base}-3`, `${base}-4`]));

    await updateCampaign({ actor: organiser, campaignId: first.id, input: input({ title: { en: `Another title ${tag()}` } }) });
    expect((await db.campaign.findUniqueOrThrow({ where: { id: first.id } })).slug).toBe(base);
  });

  it("loads a campaign for the editor and for the preview, drafts included", async () => {
    const { organisation, organiser } = await team();
    const statement = await makeStatement();
    const own = await makeDecisionMaker(organisation.id);
    const otherOrganisation = await makeOrganisation();
    const foreign = await makeDecisionMaker(otherOrganisation.id);
    const values = input({ opensAt: "2026-03-01", sourceStatementId: statement.id, demands: [demand({ sourceStatementId: statement.id })], decisionMakerIds: [own.id] });
    const { id, slug } = await createCampaign({ actor: organiser, organisationId: organisation.id, input: values });

    const editing = await getCampaignForEditing({ actor: organiser, campaignId: id });
    expect(editing).toMatchObject({
      id,
      slug,
      status: "DRAFT",
      role: "ORGANISER",
      canEdit: true,
      organisation: { id: organisation.id, name: organisation.name },
      primaryLocale: "en",
      title: values.title,
      goals: [100, 1000],
      opensAt: new Date("2026-03-01T00:00:00Z"),
      sourceStatementId: statement.id,
      decisionMakerIds: [own.id],
      confirmedCount: 0,
    });
    expect(editing.demands).toEqual([{ kind: "PROTECTION_OF_CIVILIANS", text: { en: "Stop attacks on hospitals", ar: "أوقفوا الهجمات على المستشفيات" }, sourceQuote: "Hospitals must never be a target.", sourceStatementId: statement.id }]);
    const offered = editing.choices.decisionMakers.map((person) => person.id);
    expect(offered).toContain(own.id);
    expect(offered).not.toContain(foreign.id);
    expect(editing.choices.statements.map((choice) => choice.id)).toContain(statement.id);

    const preview = await getCampaignPreview({ actor: organiser, campaignId: id });
    expect(preview).toMatchObject({ slug, status: "DRAFT", isOpen: false, title: { en: values.title.en }, statement: { slug: statement.slug }, progress: { count: 0, goal: 100 } });
    expect(preview.demands).toHaveLength(1);
    expect(await getPublicCampaign(slug)).toBeNull();
  });

  it("offers new campaigns only for organisations where the actor organises", async () => {
    const [organising, owning, viewing] = await Promise.all([makeOrganisation(), makeOrganisation(), makeOrganisation()]);
    const actor = await makeActor([
      { organisationId: organising.id, role: "ORGANISER" },
      { organisationId: owning.id, role: "OWNER" },
      { organisationId: viewing.id, role: "VIEWER" },
    ]);
    expect((await listCampaignOrganisations({ actor })).map((organisation) => organisation.id).sort()).toEqual([organising.id, owning.id].sort());
    await expectAppError(createCampaign({ actor, organisationId: viewing.id, input: input() }), "FORBIDDEN");
  });
});

// ---------------------------------------------------------------- campaigns in any language

// A campaign written only in Arabic, as an Arabic-speaking organiser fills in the editor.
function arabicInput(suffix: string, overrides: Record<string, unknown> = {}) {
  return {
    primaryLocale: "ar",
    title: { ar: `أوقفوا الهجمات على إدلب ${suffix}` },
    summary: { ar: "تتعرض المستشفيات للقصف. أوقفوه." },
    body: { ar: "## لماذا\n\nلأن **المستشفيات** يجب أن تكون آمنة." },
    goals: "100, 1000",
    demands: [{ kind: "PROTECTION_OF_CIVILIANS", text: { ar: "أوقفوا الهجمات على المستشفيات" } }],
    ...overrides,
  };
}

describe("campaigns written in any language", () => {
  it("creates, publishes and shows a campaign written only in Arabic, and it takes signatures", async () => {
    const { organisation, organiser } = await team();
    const suffix = tag();
    const values = arabicInput(suffix);

    const created = await createCampaign({ actor: organiser, organisationId: organisation.id, input: values });
    // Its address is its Arabic title in Latin letters.
    expect(created.slug).toBe(`awqfwa-alhjmat-ela-adlb-${suffix}`);
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: created.id }, include: { demands: true } });
    expect(stored.primaryLocale).toBe("ar");
    // Only the language it is written in is stored: no English, not even an empty one.
    expect(stored.title).toStrictEqual({ ar: values.title.ar });
    expect(stored.summary).toStrictEqual({ ar: values.summary.ar });
    expect(stored.body).toStrictEqual({ ar: values.body.ar });
    expect(stored.demands.map((row) => row.text)).toStrictEqual([{ ar: "أوقفوا الهجمات على المستشفيات" }]);

    expect(await publishCampaign({ actor: organiser, campaignId: created.id })).toEqual({ id: created.id, slug: created.slug, status: "OPEN" });

    for (const page of [await getPublicCampaign(created.slug), await loadCampaignPage({ id: created.id })]) {
      expect(page).toMatchObject({ status: "OPEN", isOpen: true, primaryLocale: "ar" });
      expect(page!.title).toStrictEqual({ ar: values.title.ar });
      expect(page!.demands.map((row) => row.text)).toStrictEqual([{ ar: "أوقفوا الهجمات على المستشفيات" }]);
      // A Turkish reader is shown the Arabic, marked as Arabic.
      expect(localized("tr", page!.title, page!.primaryLocale)).toEqual({ text: values.title.ar, locale: "ar" });
      expect(localized("en", page!.summary, page!.primaryLocale)).toEqual({ text: values.summary.ar, locale: "ar" });
    }

    await signAndConfirm(created.slug);
    expect(await confirmedCount(created.id)).toBe(1);

    // The editor shows it back in Arabic, with every other language blank.
    expect(await getCampaignForEditing({ actor: organiser, campaignId: created.id })).toMatchObject({ primaryLocale: "ar", title: { ar: values.title.ar } });
  });

  it("refuses a text missing in the campaign's language, a language that is not enabled and an over-long translation, and writes nothing", async () => {
    const { organisation, organiser } = await team();
    const { id } = await createCampaign({ actor: organiser, organisationId: organisation.id, input: arabicInput(tag()) });
    const campaignsBefore = await db.campaignOwner.count({ where: { organisationId: organisation.id } });
    const auditBefore = await db.auditEntry.count({ where: { organisationId: organisation.id } });
    const before = await snapshot(id);

    const refusals: [string, Record<string, unknown>, Record<string, string>][] = [
      // English does not stand in for the Arabic title or demand of an Arabic campaign.
      ["English title only", { title: { en: "Stop the attacks on Idlib" } }, { "title.ar": "titleRequired" }],
      [
        "a demand in English only",
        { demands: [{ kind: "CEASEFIRE", text: { ar: "وقف فوري لإطلاق النار" } }, {}, { kind: "ACCOUNTABILITY", text: { en: "Hold those responsible to account" } }] },
        { "demands.2.text.ar": "demandTextRequired" },
      ],
      ["a language that is not enabled", { title: { ar: "أوقفوا الهجمات على إدلب", xx: "Unknown" } }, { title: "invalidValue" }],
      ["a translation that is too long", { title: { ar: "أوقفوا الهجمات على إدلب", tr: "a".repeat(151) } }, { "title.tr": "titleTooLong" }],
    ];
    for (const [name, overrides, fields] of refusals) {
      const creating = await expectAppError(createCampaign({ actor: organiser, organisationId: organisation.id, input: arabicInput(tag(), overrides) }), "VALIDATION");
      expect(creating.fields, `create: ${name}`).toEqual(fields);
      const updating = await expectAppError(updateCampaign({ actor: organiser, campaignId: id, input: arabicInput(tag(), overrides) }), "VALIDATION");
      expect(updating.fields, `update: ${name}`).toEqual(fields);
    }

    expect(await db.campaignOwner.count({ where: { organisationId: organisation.id } })).toBe(campaignsBefore);
    expect(await db.auditEntry.count({ where: { organisationId: organisation.id } })).toBe(auditBefore);
    expect(await snapshot(id)).toEqual(before);
  });

  it("keeps the slug when the campaign's language or title changes, and does not count a reordered text as a change", async () => {
    const { organisation, organiser } = await team();
    const values = input({ closesAt: "2099-12-31", demands: [demand()] });
    const created = await createCampaign({ actor: organiser, organisationId: organisation.id, input: values });
    await publishCampaign({ actor: organiser, campaignId: created.id });

    // Now written in Arabic first, under another title: the address stays.
    const arabicFirst = input({
      primaryLocale: "ar",
      title: { ar: "المستشفيات ليست أهدافاً", en: values.title.en },
      closesAt: "2099-12-31",
      demands: [demand()],
    });
    const switched = await updateCampaign({ actor: organiser, campaignId: created.id, input: arabicFirst });
    expect(switched).toMatchObject({ slug: created.slug, status: "OPEN" });
    expect([...switched.changed].sort()).toEqual(["primaryLocale", "title"]);
    const stored = await db.campaign.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ slug: created.slug, primaryLocale: "ar" });
    expect(readTranslations(stored.title)).toEqual({ ar: "المستشفيات ليست أهدافاً", en: values.title.en });
    expect(await getPublicCampaign(created.slug)).toMatchObject({ primaryLocale: "ar", title: { ar: "المستشفيات ليست أهدافاً" } });
    expect(await db.campaign.count({ where: { slug: { startsWith: "almstshfyat" } } })).toBe(0);

    // The same texts with their languages in another order: nothing changed, and the demands keep their rows.
    const demandIds = (await db.demand.findMany({ where: { campaignId: created.id }, select: { id: true } })).map((row) => row.id);
    const reordered = await updateCampaign({
      actor: organiser,
      campaignId: created.id,
      input: {
        ...arabicFirst,
        title: { en: values.title.en, ar: "المستشفيات ليست أهدافاً" },
        summary: { ar: values.summary.ar, en: values.summary.en },
        demands: [demand({ text: { ar: "أوقفوا الهجمات على المستشفيات", en: "Stop attacks on hospitals" } })],
      },
    });
    expect(reordered.changed).toEqual([]);
    expect((await db.demand.findMany({ where: { campaignId: created.id }, select: { id: true } })).map((row) => row.id)).toEqual(demandIds);
    const audit = await db.auditEntry.findMany({ where: { campaignId: created.id, action: "campaign.update" }, orderBy: { createdAt: "asc" }, select: { details: true } });
    expect(audit.map((entry) => entry.details)).toEqual([{ changed: switched.changed }, { changed: [] }]);
  });
});
