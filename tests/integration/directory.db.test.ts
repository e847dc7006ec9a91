import { describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import { applyDirectoryImport, exportDirectoryCsv, previewDirectoryImport } from "../../lib/decision-makers/directory-csv";
import { createDecisionMaker, listDecisionMakers, retireDecisionMaker, updateDecisionMaker } from "../../lib/decision-makers/manage-decision-maker";
import { isAppError } from "../../lib/errors";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { createCampaign, uniqueEmail } from "../fixtures/factories";

async function organisationWith(role: MemberRole): Promise<{ organisationId: string; actor: Actor }> {
  const campaign = await createCampaign();
  const organisationId = campaign.owners[0]!.organisationId;
  const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return { organisationId, actor: { userId: user.id, email: user.email, memberships: [{ organisationId, role }] } };
}

const header = "name,title,institution,country,region,email,preferred_locale,last_verified_on";

describe("the decision-makers directory", () => {
  it("previews an import without writing: creates, updates, unchanged and row-level errors", async () => {
    const { organisationId, actor } = await organisationWith("ORGANISER");
    const kept = uniqueEmail("kept");
    const changed = uniqueEmail("changed");
    await createDecisionMaker({ actor, organisationId, values: { name: "Kept Person", title: "Minister", institution: "Ministry", country: "GB", email: kept, lastVerifiedOn: "2026-01-05" } });
    await createDecisionMaker({ actor, organisationId, values: { name: "Changed Person", institution: "Parliament", country: "DE", email: changed } });
    const added = uniqueEmail("new");
    const csv = [
      header,
      `Kept Person,Minister,Ministry,gb,,${kept.toUpperCase()},en,2026-01-05`,
      `Changed Person,Chair,Parliament,DE,Berlin,${changed},ar,`,
      `"Haddad, Layla",Member,"Parliament of ""Lebanon""",LB,Beirut,${added},ar,2026-11-01`,
      `,Member,Parliament,XX,,not-an-email,fa,2026-02-30`,
      `Twice,Member,Parliament,FR,,${added},en,`,
    ].join("\r\n");

    const preview = await previewDirectoryImport({ actor, organisationId, csv });
    expect(preview.fileError).toBeUndefined();
    expect(preview.creates).toEqual([{ line: 4, name: { en: "Haddad, Layla" }, institution: { en: 'Parliament of "Lebanon"' }, email: added }]);
    expect(preview.updates).toEqual([{ line: 3, name: { en: "Changed Person" }, institution: { en: "Parliament" }, email: changed, changed: ["title", "region", "preferredLocale"] }]);
    expect(preview.unchanged).toBe(1);
    expect(preview.errors).toEqual([
      { line: 5, field: "name", error: "required" },
      { line: 5, field: "country", error: "countryInvalid" },
      { line: 5, field: "email", error: "emailInvalid" },
      { line: 5, field: "preferredLocale", error: "localeInvalid" },
      { line: 5, field: "lastVerifiedOn", error: "dateInvalid" },
      { line: 6, field: "email", error: "duplicateInFile" },
    ]);
    // Nothing was written, and a file with errors is refused as a whole.
    expect(await db.decisionMaker.count({ where: { organisationId } })).toBe(2);
    await expect(applyDirectoryImport({ actor, organisationId, csv })).rejects.toSatisfy((error) => isAppError(error, "VALIDATION"));
    expect(await db.decisionMaker.count({ where: { organisationId } })).toBe(2);

    // Without the bad rows it applies exactly what the preview showed.
    const fixed = csv.split("\r\n").slice(0, 4).join("\r\n");
    const applied = await applyDirectoryImport({ actor, organisationId, csv: fixed });
    expect(applied).toMatchObject({ creates: [{ email: added }], updates: [{ email: changed }], unchanged: 1, errors: [] });
    const { own } = await listDecisionMakers({ actor, organisationId });
    expect(own.map((entry) => entry.email).sort()).toEqual([added, changed, kept].sort());
    expect(own.find((entry) => entry.email === changed)).toMatchObject({ title: { en: "Chair" }, region: "Berlin", preferredLocale: "ar" });
    expect(await previewDirectoryImport({ actor, organisationId, csv: fixed })).toMatchObject({ creates: [], updates: [], unchanged: 3 });
  });

  it("refuses a file with unknown or missing columns, and viewers", async () => {
    const { organisationId, actor } = await organisationWith("ORGANISER");
    expect((await previewDirectoryImport({ actor, organisationId, csv: "name,salary\nA,1" })).fileError).toEqual({ error: "unknownColumns", columns: ["salary"] });
    expect((await previewDirectoryImport({ actor, organisationId, csv: "name,email\nA,a@example.org" })).fileError).toEqual({
      error: "missingColumns",
      columns: ["institution", "country"],
    });
    const viewer = await organisationWith("VIEWER");
    await expect(previewDirectoryImport({ ...viewer, csv: header })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    await expect(createDecisionMaker({ ...viewer, values: {} })).rejects.toSatisfy((error) => isAppError(error, "FORBIDDEN"));
    expect(await listDecisionMakers(viewer)).toMatchObject({ own: [] });
  });

  it("exports active entries with formula cells neutralised, and the export imports back unchanged", async () => {
    const { organisationId, actor } = await organisationWith("OWNER");
    const email = uniqueEmail("formula");
    await createDecisionMaker({ actor, organisationId, values: { name: "=HYPERLINK(\"http://evil\")", institution: "مجلس الشعب", country: "sy", email, preferredLocale: "ar" } });
    const retired = await createDecisionMaker({ actor, organisationId, values: { name: "Retired", institution: "Old", country: "GB", email: uniqueEmail("old") } });
    await retireDecisionMaker({ actor, organisationId, id: retired.id, retired: true });

    const csv = await exportDirectoryCsv({ actor, organisationId });
    expect(
      csv.startsWith(
        "\uFEFFname,name_ar,name_tr,name_ku,name_fr,name_de,title,title_ar,title_tr,title_ku,title_fr,title_de,institution,institution_ar,institution_tr,institution_ku,institution_fr,institution_de,country,region,email,contact_url,preferred_locale,last_verified_on,risk_to_signers\r\n",
      ),
    ).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",,,,,,,,,,,,مجلس الشعب,,,,,,SY,,${email},,ar,,false\r\n`);
    expect(csv).not.toContain("Retired");
    expect(await previewDirectoryImport({ actor, organisationId, csv })).toMatchObject({ creates: [], updates: [], unchanged: 1, errors: [] });
  });

  it("keeps names, offices and institutions per language, in the form and in a CSV file", async () => {
    const { organisationId, actor } = await organisationWith("ORGANISER");
    const email = uniqueEmail("languages");
    const values = { name: "Foreign Minister", nameAr: "وزير الخارجية", title: "Minister", titleAr: "وزير", institution: "Ministry", institutionAr: "الوزارة", country: "SY", email };
    const { id } = await createDecisionMaker({ actor, organisationId, values });
    const stored = () => db.decisionMaker.findUniqueOrThrow({ where: { id }, select: { name: true, title: true, institution: true } });
    expect(await stored()).toEqual({ name: { en: "Foreign Minister", ar: "وزير الخارجية" }, title: { en: "Minister", ar: "وزير" }, institution: { en: "Ministry", ar: "الوزارة" } });

    // A file adds Turkish and French; the Arabic it has no column for stays.
    const csv = ["name,name_tr,institution,institution_fr,country,email", `Foreign Minister,Dışişleri Bakanı,Ministry,Ministère,SY,${email}`].join("\r\n");
    expect((await previewDirectoryImport({ actor, organisationId, csv })).updates).toEqual([
      { line: 2, name: { en: "Foreign Minister", tr: "Dışişleri Bakanı" }, institution: { en: "Ministry", fr: "Ministère" }, email, changed: ["nameTr", "institutionFr"] },
    ]);
    await applyDirectoryImport({ actor, organisationId, csv });
    expect(await stored()).toEqual({
      name: { en: "Foreign Minister", ar: "وزير الخارجية", tr: "Dışişleri Bakanı" },
      title: { en: "Minister", ar: "وزير" },
      institution: { en: "Ministry", ar: "الوزارة", fr: "Ministère" },
    });
    const exported = await exportDirectoryCsv({ actor, organisationId });
    expect(exported).toContain(`Foreign Minister,وزير الخارجية,Dışişleri Bakanı,,,,Minister,وزير,,,,,Ministry,الوزارة,,,Ministère,,SY,`);
    expect(await previewDirectoryImport({ actor, organisationId, csv: exported })).toMatchObject({ creates: [], updates: [], unchanged: 1, errors: [] });

    // The form shows every language: an Arabic name left blank is cleared, the Turkish it shows is kept.
    await updateDecisionMaker({ actor, organisationId, id, values: { ...values, nameAr: "", nameTr: "Dışişleri Bakanı", institutionFr: "Ministère" } });
    expect((await stored()).name).toEqual({ en: "Foreign Minister", tr: "Dışişleri Bakanı" });
    const { own } = await listDecisionMakers({ actor, organisationId });
    expect(own.find((entry) => entry.id === id)).toMatchObject({ name: { en: "Foreign Minister", tr: "Dışişleri Bakanı" }, institution: { en: "Ministry", ar: "الوزارة", fr: "Ministère" } });
  });

  it("organisers mark an entry as a risk to writers in the form and in the CSV, and each change is audited", async () => {
    const { organisationId, actor } = await organisationWith("ORGANISER");
    const ministry = uniqueEmail("ministry");
    const audits = (action: string) => db.auditEntry.findMany({ where: { organisationId, action }, select: { details: true } });

    // The form's checkbox: "yes" when ticked, absent when not.
    const { id } = await createDecisionMaker({ actor, organisationId, values: { name: "Minister", institution: "Ministry", country: "SY", email: ministry, riskToSigners: "yes" } });
    expect((await db.decisionMaker.findUniqueOrThrow({ where: { id } })).riskToSigners).toBe(true);
    expect((await audits("directory.create"))[0]!.details).toMatchObject({ id, riskToSigners: true });
    await updateDecisionMaker({ actor, organisationId, id, values: { name: "Minister", institution: "Ministry", country: "SY", email: ministry } });
    expect((await db.decisionMaker.findUniqueOrThrow({ where: { id } })).riskToSigners).toBe(false);
    await updateDecisionMaker({ actor, organisationId, id, values: { name: "Minister of State", institution: "Ministry", country: "SY", email: ministry } });
    // The change of mark is in the log; an edit that leaves it alone says nothing of it.
    const updates = (await audits("directory.update")).map((entry) => entry.details);
    expect(updates).toHaveLength(2);
    expect(updates).toContainEqual({ id, riskToSigners: false });
    expect(updates).toContainEqual({ id });
    const { own } = await listDecisionMakers({ actor, organisationId });
    expect(own.find((entry) => entry.id === id)).toMatchObject({ riskToSigners: false });

    // The CSV carries it: exported as true/false, imported from true/false, yes/no, 1/0 or blank.
    const other = uniqueEmail("parliament");
    const csv = ["name,institution,country,email,risk_to_signers", `Minister of State,Ministry,SY,${ministry},yes`, `Speaker,Parliament,RU,${other},TRUE`, `Bad,Office,RU,${uniqueEmail("bad")},maybe`].join("\r\n");
    expect((await previewDirectoryImport({ actor, organisationId, csv })).errors).toEqual([{ line: 4, field: "riskToSigners", error: "invalidValue" }]);
    const fixed = csv.split("\r\n").slice(0, 3).join("\r\n");
    expect(await previewDirectoryImport({ actor, organisationId, csv: fixed })).toMatchObject({ creates: [{ email: other }], updates: [{ email: ministry, changed: ["riskToSigners"] }] });
    await applyDirectoryImport({ actor, organisationId, csv: fixed });
    expect((await db.decisionMaker.findMany({ where: { organisationId }, orderBy: { email: "asc" }, select: { email: true, riskToSigners: true } })).map((row) => [row.email, row.riskToSigners])).toEqual(
      [
        [ministry, true],
        [other, true],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect((await audits("directory.import")).map((entry) => entry.details)).toEqual([expect.objectContaining({ riskMarked: expect.arrayContaining([ministry, other]) })]);
    const exported = await exportDirectoryCsv({ actor, organisationId });
    expect(exported).toContain(`${ministry},,en,,true\r\n`);

    // A file without the column leaves the mark as it is; one that says "no" clears it, and the log says so.
    await applyDirectoryImport({ actor, organisationId, csv: `name,institution,country,email\r\nMinister of State,Ministry,SY,${ministry}` });
    expect((await db.decisionMaker.findUniqueOrThrow({ where: { id } })).riskToSigners).toBe(true);
    await applyDirectoryImport({ actor, organisationId, csv: `name,institution,country,email,risk_to_signers\r\nMinister of State,Ministry,SY,${ministry},no` });
    expect((await db.decisionMaker.findUniqueOrThrow({ where: { id } })).riskToSigners).toBe(false);
    const imports = (await audits("directory.import")).map((entry) => entry.details as Record<string, unknown>);
    expect(imports).toHaveLength(3);
    expect(imports.filter((details) => "riskCleared" in details)).toEqual([expect.objectContaining({ riskCleared: [ministry] })]);
    // The import that left the column out marked and cleared nothing.
    expect(imports.filter((details) => !("riskCleared" in details) && !("riskMarked" in details))).toHaveLength(1);
  });
});
