import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addConfirmed } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { enterPaperSignature, type PaperEntryFields } from "../../lib/paper/enter-paper-signature";
import { commitPaperImport } from "../../lib/paper/import-paper-signatures";
import { listPaperImports } from "../../lib/paper/list-paper-imports";
import { removePaperImport } from "../../lib/paper/remove-paper-import";
import { emailHash } from "../../lib/sealing/lookup";
import { openPaperSignatures, sealSignatureFields, sealSupporterEmail } from "../../lib/sealing/signer-data";
import { expectAppError } from "../fixtures/app-errors";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { createMember } from "../fixtures/organisers";
import { mailsTo } from "../fixtures/sealed-mail";

async function campaignWithMembers() {
  const campaign = await createCampaign({ goals: [10, 100] });
  const organisationId = campaign.owners[0]!.organisationId;
  return {
    campaign,
    owner: await createMember(organisationId, "OWNER", "owner"),
    organiser: await createMember(organisationId, "ORGANISER", "organiser"),
    viewer: await createMember(organisationId, "VIEWER", "viewer"),
  };
}

const signer = (fields: Partial<PaperEntryFields>): PaperEntryFields => ({ name: "Layla Haddad", country: "SY", postcode: "", email: "", consented: false, ...fields });

// Everything a refused entry could have written: rows, batches and audit entries.
async function written(campaignId: string) {
  const [imports, signatures, audit] = await Promise.all([
    db.paperImport.count({ where: { campaignId } }),
    db.paperSignature.count({ where: { campaignId } }),
    db.auditEntry.count({ where: { campaignId, action: { startsWith: "paper." } } }),
  ]);
  return { imports, signatures, audit };
}

describe("typing in paper signatures one at a time", () => {
  it("files each organiser's entries of a UTC day in one batch, counts them, audits each, and removes them together", async () => {
    const { campaign, owner, organiser } = await campaignWithMembers();
    const morning = new Date("2026-12-03T07:00:00Z");
    const evening = new Date("2026-12-03T22:59:00Z");
    const email = uniqueEmail("hand");
    expect(await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "  Layla   Haddad ", postcode: "10001" }), now: morning })).toMatchObject({ enteredToday: 1 });
    const second = await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "Omar Khalil", country: "TR", email: email.toUpperCase(), consented: true }), now: evening });
    expect(second.enteredToday).toBe(2);
    // Another organiser, and the next day, have batches of their own.
    expect((await enterPaperSignature({ actor: owner, campaignId: campaign.id, signer: signer({ name: "Huda Saleh" }), now: evening })).enteredToday).toBe(1);
    expect((await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "Rami Aziz" }), now: new Date("2026-12-04T00:01:00Z") })).enteredToday).toBe(1);

    const batches = await db.paperImport.findMany({ where: { campaignId: campaign.id }, orderBy: [{ handDay: "asc" }, { signatureCount: "desc" }], select: { label: true, handDay: true, signatureCount: true, enteredById: true } });
    expect(batches).toEqual([
      { label: "Entered by hand, 2026-12-03", handDay: "2026-12-03", signatureCount: 2, enteredById: organiser.userId },
      { label: "Entered by hand, 2026-12-03", handDay: "2026-12-03", signatureCount: 1, enteredById: owner.userId },
      { label: "Entered by hand, 2026-12-04", handDay: "2026-12-04", signatureCount: 1, enteredById: organiser.userId },
    ]);
    const stored = await db.paperSignature.findMany({ where: { importId: second.importId }, select: { id: true, name: true, country: true, postcode: true, emailHash: true, consented: true } });
    const rows = (await openPaperSignatures(stored)).sort((a, b) => a.name.localeCompare(b.name)).map((row) => ({ name: row.name, country: row.country, postcode: row.postcode, emailHash: row.emailHash, consented: row.consented }));
    expect(rows).toEqual([
      { name: "Layla Haddad", country: "SY", postcode: "10001", emailHash: null, consented: false },
      { name: "Omar Khalil", country: "TR", postcode: null, emailHash: emailHash(email), consented: true },
    ]);
    // Stored sealed, not as typed.
    expect(stored.some((row) => row.name.includes("Layla") || row.name.includes("Omar") || row.postcode === "10001")).toBe(false);
    expect(await db.auditEntry.count({ where: { campaignId: campaign.id, action: "paper.enter" } })).toBe(4);
    expect((await listPaperImports({ actor: organiser, campaignId: campaign.id })).total).toBe(4);
    // Nobody typed in from paper is mailed.
    expect(await mailsTo(email)).toHaveLength(0);

    expect(await removePaperImport({ actor: organiser, campaignId: campaign.id, importId: second.importId })).toMatchObject({ removed: 2 });
    expect(await written(campaign.id)).toMatchObject({ imports: 2, signatures: 2 });
    // The same day's next entry opens a new batch.
    expect((await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "Layla Haddad", postcode: "10001" }), now: evening })).enteredToday).toBe(1);
  });

  it("refuses a duplicate of an online signer, of a sheet's row or of an earlier entry, saying why, and writes nothing", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    const online = uniqueEmail("online");
    const supporter = await db.supporter.create({ data: await sealSupporterEmail(online) });
    const signatureId = randomUUID();
    const sealed = await sealSignatureFields(campaign.id, signatureId, { name: "Online" });
    await db.signature.create({ data: { id: signatureId, campaignId: campaign.id, supporterId: supporter.id, state: "CONFIRMED", ...sealed, country: "SY", locale: "en", confirmedAt: new Date(), emailDomain: "example.org" } });
    await db.$transaction((tx) => addConfirmed(tx, campaign.id, 1));
    const onSheet = uniqueEmail("sheet");
    await commitPaperImport({ actor: organiser, campaignId: campaign.id, label: "Vigil", csv: `name,country,postcode,email\nSara Ali,SY,AB1 2CD,\nNour,SY,,${onSheet}`, expectedAccepted: 2 });
    const before = await written(campaign.id);

    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ email: ` ${online.toUpperCase()} ` }) }), "VALIDATION", { email: "duplicateOnline" });
    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "Someone else", email: onSheet }) }), "VALIDATION", { email: "duplicatePaperEmail" });
    // The same person however the name is written: case, spacing, punctuation; the postcode's spacing.
    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "SARA  ali.", postcode: "ab12cd" }) }), "VALIDATION", { name: "duplicatePaperIdentity" });
    expect(await written(campaign.id)).toEqual(before);

    await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "Yusuf" }) });
    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "yusuf" }) }), "VALIDATION", { name: "duplicatePaperIdentity" });
    // Another postcode is another person.
    await enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "yusuf", postcode: "12345" }) });
    expect(await written(campaign.id)).toMatchObject({ signatures: before.signatures + 2 });
  });

  it("answers bad input per field, by the rules of a sheet's row, and writes nothing", async () => {
    const { campaign, organiser } = await campaignWithMembers();
    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: " ", country: "", postcode: "x".repeat(17), email: "not-an-address" }) }), "VALIDATION", {
      name: "nameRequired",
      country: "countryRequired",
      postcode: "postcodeTooLong",
      email: "emailInvalid",
    });
    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "n".repeat(101), country: "XX" }) }), "VALIDATION", { name: "nameTooLong", country: "countryUnknown" });
    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({ name: "Layla\u0000" }) }), "VALIDATION", { name: "controlCharacters" });
    expect(await written(campaign.id)).toEqual({ imports: 0, signatures: 0, audit: 0 });
  });

  it("refuses a viewer and a campaign whose signers were anonymised, on the server", async () => {
    const { campaign, organiser, viewer } = await campaignWithMembers();
    await expectAppError(enterPaperSignature({ actor: viewer, campaignId: campaign.id, signer: signer({}) }), "FORBIDDEN");
    await db.campaign.update({ where: { id: campaign.id }, data: { anonymisedAt: new Date() } });
    await expectAppError(enterPaperSignature({ actor: organiser, campaignId: campaign.id, signer: signer({}) }), "CAMPAIGN_NOT_OPEN");
    expect(await written(campaign.id)).toEqual({ imports: 0, signatures: 0, audit: 0 });
  });
});
