import { randomUUID } from "node:crypto";
import { createElement, type FunctionComponent, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { beforeAll, describe, expect, it } from "vitest";
import { ProgressMeter } from "../../app/components/progress-meter";
import type { CampaignDetail } from "../../lib/api/schema";
import { openApiDocument } from "../../lib/api/openapi";
import type { Actor } from "../../lib/auth/authorize";
import { addConfirmed, paperCount } from "../../lib/campaigns/counters";
import { getCampaignProgress } from "../../lib/campaigns/get-campaign-progress";
import { getPublicCampaign } from "../../lib/campaigns/get-campaign";
import { db } from "../../lib/db";
import { formatNumber } from "../../lib/i18n/format";
import { messages } from "../../lib/i18n/translator";
import { commitPaperImport, previewPaperImport } from "../../lib/paper/import-paper-signatures";
import { listPaperImports } from "../../lib/paper/list-paper-imports";
import { removePaperImport } from "../../lib/paper/remove-paper-import";
import { anonymiseCampaign } from "../../lib/privacy/anonymise-closed-campaigns";
import { emailHash } from "../../lib/sealing/lookup";
import { openPaperSignatures, sealSignatureFields, sealSupporterEmail } from "../../lib/sealing/signer-data";
import { expectAppError } from "../fixtures/app-errors";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { openApiChecker } from "../fixtures/openapi-responses";
import { createMember } from "../fixtures/organisers";
import { mailsTo } from "../fixtures/sealed-mail";

const one = await import("../../app/api/v1/campaigns/[slug]/route");
const counts = await import("../../app/api/v1/campaigns/[slug]/counts/route");

type Campaign = Awaited<ReturnType<typeof createCampaign>>;
// The provider as createElement sees it: its children come as createElement's third argument.
const IntlProvider = NextIntlClientProvider as unknown as FunctionComponent<{ locale: string; messages: object; timeZone: string; children?: ReactNode }>;

async function campaignWithMembers() {
  const campaign = await createCampaign({ goals: [10, 100] });
  const organisationId = campaign.owners[0]!.organisationId;
  return { campaign, organisationId, organiser: await createMember(organisationId, "ORGANISER", "organiser"), viewer: await createMember(organisationId, "VIEWER", "viewer") };
}

// An online signature as signing and confirming leave it, counted as the page counts it.
async function onlineSignature(campaign: Campaign, email: string, state: "CONFIRMED" | "INVALIDATED" = "CONFIRMED") {
  const supporter = await db.supporter.create({ data: await sealSupporterEmail(email) });
  const id = randomUUID();
  const sealed = await sealSignatureFields(campaign.id, id, { name: "Online signer" });
  await db.signature.create({ data: { id, campaignId: campaign.id, supporterId: supporter.id, state, ...sealed, country: "SY", locale: "en", confirmedAt: new Date(), emailDomain: "example.org" } });
  if (state === "CONFIRMED") await db.$transaction((tx) => addConfirmed(tx, campaign.id, 1));
}

// A campaign's paper signatures as an organiser would read them: opened, by name.
async function paperRows(campaignId: string) {
  const rows = await db.paperSignature.findMany({ where: { campaignId }, select: { id: true, importId: true, name: true, country: true, postcode: true, emailHash: true } });
  return (await openPaperSignatures(rows)).sort((a, b) => a.name.localeCompare(b.name));
}

// What a campaign holds of paper signatures, and what the audit log says was done to them.
async function paperState(campaignId: string) {
  const [imports, signatures, audit] = await Promise.all([
    db.paperImport.count({ where: { campaignId } }),
    db.paperSignature.count({ where: { campaignId } }),
    db.auditEntry.findMany({ where: { campaignId, action: { startsWith: "paper." } }, orderBy: { createdAt: "asc" }, select: { action: true, affected: true, userId: true } }),
  ]);
  return { imports, signatures, audit };
}

const sheet = (...rows: string[]) => ["name,country,postcode,email", ...rows].join("\n");

describe("entering a paper sheet", () => {
  it("checks a sheet without writing anything, reporting each refused row by line", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    const preview = await previewPaperImport({ actor: organiser, campaignId: campaign.id, label: "Idlib vigil, 3 Dec", csv: sheet("Layla Haddad,SY,,", "Omar Khalil,Atlantis,,", "Huda Saleh,TR,34000,") });
    expect(preview).toMatchObject({ accepted: 2, duplicates: 0, refused: [{ line: 3, reason: "countryUnknown" }] });
    expect(preview.sample.map((row) => row.name)).toEqual(["Layla Haddad", "Huda Saleh"]);
    expect(await paperState(campaign.id)).toEqual({ imports: 0, signatures: 0, audit: [] });
  });

  it("enters the checked rows as one import, audited, and only those rows", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    const email = uniqueEmail("paper");
    const csv = sheet("Layla Haddad,SY,,", "Omar Khalil,Atlantis,,", "Huda Saleh,TR,34000,", `Rami Aziz,SY,,${email}`);
    const { importId } = await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Idlib vigil, 3 Dec", csv, expectedAccepted: 3 });
    const rows = await paperRows(campaign.id);
    expect(rows.map((row) => ({ importId: row.importId, name: row.name, country: row.country, postcode: row.postcode, emailHash: row.emailHash }))).toEqual([
      { importId, name: "Huda Saleh", country: "TR", postcode: "34000", emailHash: null },
      { importId, name: "Layla Haddad", country: "SY", postcode: null, emailHash: null },
      { importId, name: "Rami Aziz", country: "SY", postcode: null, emailHash: emailHash(email) },
    ]);
    // Stored sealed: neither a name nor a postcode is in the row as written.
    const stored = await db.paperSignature.findMany({ where: { campaignId: campaign.id }, select: { name: true, postcode: true } });
    expect(stored.flatMap((row) => [row.name, row.postcode]).filter((value) => value !== null && !value.startsWith("s1."))).toEqual([]);
    expect(await db.paperImport.findUniqueOrThrow({ where: { id: importId }, select: { label: true, signatureCount: true, enteredById: true } })).toEqual({ label: "Idlib vigil, 3 Dec", signatureCount: 3, enteredById: organiser.userId });
    expect((await paperState(campaign.id)).audit).toEqual([{ action: "paper.import", affected: 3, userId: organiser.userId }]);
    // Someone who signed on paper is never mailed, not even to confirm.
    expect(await mailsTo(email)).toHaveLength(0);
    expect(await db.supporter.count({ where: { emailHash: emailHash(email) } })).toBe(0);
  });

  it("enters nothing at all when the sheet no longer gives what was checked, and one of two simultaneous entries of a sheet", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    const csv = sheet("Layla Haddad,SY,,", "Huda Saleh,TR,34000,", `Rami Aziz,SY,,${uniqueEmail("rami")}`);
    await expectAppError(commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Camp", csv, expectedAccepted: 2 }), "VALIDATION", { csv: "changedSincePreview" });
    expect(await paperState(campaign.id)).toEqual({ imports: 0, signatures: 0, audit: [] });

    const outcomes = await Promise.allSettled([0, 1].map(() => commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Camp", csv, expectedAccepted: 3 })));
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((outcome) => outcome.status === "rejected")!;
    await expectAppError(Promise.reject(refused.reason), "VALIDATION", { csv: "changedSincePreview" });
    expect(await paperState(campaign.id)).toMatchObject({ imports: 1, signatures: 3 });
  });

  it("refuses signers who signed online (by e-mail) or on another sheet (by name, country and postcode), and repeats within the sheet", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    const online = uniqueEmail("online");
    const invalidated = uniqueEmail("invalidated");
    await onlineSignature(campaign, online);
    await onlineSignature(campaign, invalidated, "INVALIDATED");
    await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "First sheet", csv: sheet("Layla Haddad,SY,12 345,"), expectedAccepted: 1 });

    const [local, domain] = online.split("@");
    const preview = await previewPaperImport({
      actor: organiser,
      campaignId: campaign.id,
      label: "Second sheet",
      csv: sheet(
        `Someone,SY,,${local!.toUpperCase()}+vigil@${domain}`,
        "LAYLA  haddad,Syria,12345,",
        "Layla Haddad,SY,99999,",
        `Back again,SY,,${invalidated}`,
        "Huda Saleh,TR,,",
        "huda saleh,TR,,",
      ),
    });
    expect(preview.refused).toEqual([
      { line: 2, reason: "duplicateOnline" },
      { line: 3, reason: "duplicatePaper" },
      { line: 7, reason: "duplicateInFile", duplicateOfLine: 6 },
    ]);
    expect(preview).toMatchObject({ accepted: 3, duplicates: 3 });
    const committed = await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Second sheet", csv: sheet(`Someone,SY,,${online}`, "Layla Haddad,SY,99999,", `Back again,SY,,${invalidated}`), expectedAccepted: 2 });
    expect(committed.preview.refused).toEqual([{ line: 2, reason: "duplicateOnline" }]);
    expect((await paperState(campaign.id)).signatures).toBe(3);
  });

  it("removes one import and exactly its rows, audited", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    const first = await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Vigil", csv: sheet("A One,SY,,", "B Two,SY,,", "C Three,SY,,"), expectedAccepted: 3 });
    const second = await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Camp", csv: sheet("D Four,SY,,", "E Five,SY,,"), expectedAccepted: 2 });
    expect(await removePaperImport({ actor: organiser, campaignId: campaign.id, importId: first.importId })).toMatchObject({ removed: 3 });
    const left = await paperRows(campaign.id);
    expect(left.map(({ importId, name }) => ({ importId, name }))).toEqual([
      { importId: second.importId, name: "D Four" },
      { importId: second.importId, name: "E Five" },
    ]);
    expect((await listPaperImports({ actor: organiser, campaignId: campaign.id })).imports.map((batch) => [batch.label, batch.count])).toEqual([["Camp", 2]]);
    expect((await paperState(campaign.id)).audit.map((entry) => [entry.action, entry.affected])).toEqual([
      ["paper.import", 3],
      ["paper.import", 2],
      ["paper.remove", 3],
    ]);
    // An import of another campaign is not found through this one.
    const other = await campaignWithMembers();
    await expectAppError(removePaperImport({ actor: other.organiser, campaignId: other.campaign.id, importId: second.importId }), "NOT_FOUND");
    expect((await paperState(campaign.id)).signatures).toBe(2);
  });

  it("refuses a viewer, and anyone outside the campaign's organisations, on the server", async () => {
    const { campaign, organiser, viewer } = await campaignWithMembers();
    const csv = sheet("Layla Haddad,SY,,");
    const { importId } = await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Vigil", csv: sheet("Omar Khalil,SY,,"), expectedAccepted: 1 });
    await expectAppError(previewPaperImport({ actor: viewer, campaignId: campaign.id, label: "Vigil", csv }), "FORBIDDEN");
    await expectAppError(commitPaperImport({ actor: viewer, campaignId: campaign.id, label: "Vigil", csv, expectedAccepted: 1 }), "FORBIDDEN");
    await expectAppError(removePaperImport({ actor: viewer, campaignId: campaign.id, importId }), "FORBIDDEN");
    const stranger: Actor = { userId: randomUUID(), email: uniqueEmail("stranger"), memberships: [] };
    await expectAppError(commitPaperImport({ actor: stranger, campaignId: campaign.id, label: "Vigil", csv, expectedAccepted: 1 }), "NOT_FOUND");
    expect(await paperState(campaign.id)).toMatchObject({ imports: 1, signatures: 1 });
    // A viewer still sees what was entered.
    expect((await listPaperImports({ actor: viewer, campaignId: campaign.id })).total).toBe(1);
  });

  it("refuses a label that is missing or holds control characters, per field", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    await expectAppError(previewPaperImport({ actor: organiser, campaignId: campaign.id, label: "  ", csv: sheet("A,SY,,") }), "VALIDATION", { label: "labelRequired" });
    await expectAppError(commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Vigil\u0000", csv: sheet("A,SY,,"), expectedAccepted: 1 }), "VALIDATION", { label: "labelInvalid" });
    expect(await paperState(campaign.id)).toEqual({ imports: 0, signatures: 0, audit: [] });
  });
});

describe("retention", () => {
  it("anonymises a campaign's paper signatures with its online ones, keeps them counted, and takes no new sheet after", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Vigil", csv: sheet(`Layla Haddad,SY,12345,${uniqueEmail("layla")}`, "Omar Khalil,SY,,"), expectedAccepted: 2 });
    await anonymiseCampaign(campaign.id);
    expect(await db.paperSignature.findMany({ where: { campaignId: campaign.id }, select: { name: true, postcode: true, emailHash: true, identityHash: true } })).toEqual([
      { name: "", postcode: null, emailHash: null, identityHash: null },
      { name: "", postcode: null, emailHash: null, identityHash: null },
    ]);
    expect(await paperCount(campaign.id)).toBe(2);
    await expectAppError(previewPaperImport({ actor: organiser, campaignId: campaign.id, label: "Late", csv: sheet("Huda Saleh,SY,,") }), "CAMPAIGN_NOT_OPEN");
  });
});

describe("the public count of a campaign with paper signatures", () => {
  let campaign: Campaign;
  beforeAll(async () => {
    const members = await campaignWithMembers();
    campaign = members.campaign;
    for (let index = 0; index < 3; index += 1) await onlineSignature(campaign, uniqueEmail("online"));
    await commitPaperImport({ actor: members.organiser, campaignId: campaign.id, label: "Vigil", csv: sheet("Layla Haddad,SY,,", "Omar Khalil,SY,,"), expectedAccepted: 2 });
  });

  it("shows online and paper apart and their total on the campaign page, in both languages", async () => {
    const page = await getPublicCampaign(campaign.slug);
    expect(page!.progress).toEqual({ count: 5, goal: 10, percent: 50, reachedAll: false, breakdown: { online: 3, paper: 2 } });
    expect(await getCampaignProgress(campaign.slug)).toEqual(page!.progress);
    for (const locale of ["en", "ar"] as const) {
      const html = renderToStaticMarkup(createElement(IntlProvider, { locale, messages: messages[locale], timeZone: "UTC" }, createElement(ProgressMeter, { progress: page!.progress, locale })));
      expect(html, locale).toContain(`>${formatNumber(5, locale)}</strong>`);
      const breakdown = messages[locale].PaperCount.breakdown.replace("{online}", formatNumber(3, locale)).replace("{paper}", formatNumber(2, locale));
      expect(html, locale).toContain(breakdown);
    }
    expect(messages.en.PaperCount.breakdown).toMatch(/\{online\} online, confirmed by e-mail, \+ \{paper\} signed on paper/);
  });

  it("gives both numbers and their total in the open API, as its document declares", async () => {
    const checker = await openApiChecker(openApiDocument());
    const response = await one.GET(new Request(`http://nida.test/api/v1/campaigns/${campaign.slug}`), { params: Promise.resolve({ slug: campaign.slug }) });
    const body = (await response.json()) as CampaignDetail;
    expect(checker.problems("/campaigns/{slug}", response.status, body)).toEqual([]);
    expect(body.totals).toEqual({ confirmed: 3, paper: 2, total: 5, goals: [10, 100], nextGoal: 10, percent: 50, reachedAllGoals: false });
    const countResponse = await counts.GET(new Request(`http://nida.test/api/v1/campaigns/${campaign.slug}/counts`), { params: Promise.resolve({ slug: campaign.slug }) });
    expect(await countResponse.json()).toMatchObject({ confirmed: 3, paper: 2 });
  });
});
