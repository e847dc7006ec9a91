import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getApiCampaign } from "../../lib/api/get-campaign";
import { loadCampaignPage } from "../../lib/campaigns/get-campaign";
import { getStatement } from "../../lib/campaigns/get-statement";
import { db } from "../../lib/db";
import { formTexts, readTranslations } from "../../lib/i18n/translations";
import { getStatementForEditing, listEditableStatements, updateStatement } from "../../lib/statements/manage-statement";
import type { StatementFormValues } from "../../lib/statements/schema";
import { expectAppError } from "../fixtures/app-errors";
import { createCampaign } from "../fixtures/factories";
import { actorOf, createMember, createOrganisationWithMembers } from "../fixtures/organisers";

const tag = () => randomUUID().slice(0, 8);

const statementTitle = { en: "Joint statement on Idlib", ar: "بيان مشترك بشأن إدلب" };
const statementSummary = { en: "A statement in Nida's words." };

// A statement published by its own organisation, with an organiser, a viewer and an outsider,
// and a second organisation that only runs a campaign built on it.
async function statementWithTeam() {
  const author = await createOrganisationWithMembers({ organiser: "ORGANISER", viewer: "VIEWER" });
  const outsider = await createOrganisationWithMembers({ owner: "OWNER" });
  const suffix = tag();
  const statement = await db.sourceStatement.create({
    data: {
      slug: `statement-${suffix}`,
      authorOrganisationId: author.organisation.id,
      authorName: "Syrian Civil Defence",
      title: statementTitle,
      publishedOn: new Date("2026-02-01T00:00:00Z"),
      language: "en",
      summary: statementSummary,
      fullText: "The original text.",
      authors: { create: [{ position: 1, name: { en: "Syrian Civil Defence", ar: "الدفاع المدني السوري" } }] },
    },
  });
  return { statement, author, outsider };
}

function values(overrides: Partial<StatementFormValues> = {}): StatementFormValues {
  return {
    url: "https://www.example.org/statements/joint",
    language: "en",
    title: formTexts(statementTitle),
    summary: formTexts(statementSummary),
    fullText: "JOINT STATEMENT\r\n\r\nWe call for a ceasefire.\r\nNow.",
    authors: [
      { name: "Citizens for a Secure and Safe America (C4SSA)", nameAr: "مواطنون من أجل أمريكا آمنة ومأمونة" },
      { name: "Syrian Emergency Task Force (SETF)", nameAr: "" },
      { name: "", nameAr: "" },
    ],
    ...overrides,
  };
}

async function stored(id: string) {
  return db.sourceStatement.findUniqueOrThrow({ where: { id }, include: { authors: { orderBy: { position: "asc" } } } });
}

async function auditEntries(organisationId: string) {
  return db.auditEntry.findMany({ where: { organisationId, action: "statement.update" }, orderBy: { createdAt: "asc" } });
}

describe("editing a source statement", () => {
  it("saves the link, full text and every co-author, shows them on the statement page, the campaign page and in the API, and logs the change", async () => {
    const { statement, author } = await statementWithTeam();
    const campaign = await createCampaign();
    await db.campaign.update({ where: { id: campaign.id }, data: { sourceStatementId: statement.id } });
    await db.demand.create({ data: { campaignId: campaign.id, position: 1, kind: "CEASEFIRE", text: { en: "A ceasefire" }, sourceQuote: "We call for a ceasefire.", sourceStatementId: statement.id } });

    expect(await updateStatement({ actor: author.members.organiser, statementId: statement.id, values: values() })).toEqual({ changed: ["url", "fullText", "authors"] });

    const row = await stored(statement.id);
    expect(row.url).toBe("https://www.example.org/statements/joint");
    // A textarea posts CRLF; the statement keeps its own line breaks.
    expect(row.fullText).toBe("JOINT STATEMENT\n\nWe call for a ceasefire.\nNow.");
    expect(row.authors.map((a) => [a.position, a.name])).toEqual([
      [1, { en: "Citizens for a Secure and Safe America (C4SSA)", ar: "مواطنون من أجل أمريكا آمنة ومأمونة" }],
      [2, { en: "Syrian Emergency Task Force (SETF)" }],
    ]);
    expect(row.authorName).toBe("Citizens for a Secure and Safe America (C4SSA) and Syrian Emergency Task Force (SETF)");

    const page = await getStatement(statement.slug);
    expect(page).toMatchObject({ url: "https://www.example.org/statements/joint", fullText: "JOINT STATEMENT\n\nWe call for a ceasefire.\nNow.", language: "en" });
    expect(page!.authors).toEqual([
      { en: "Citizens for a Secure and Safe America (C4SSA)", ar: "مواطنون من أجل أمريكا آمنة ومأمونة" },
      { en: "Syrian Emergency Task Force (SETF)" },
    ]);
    // The campaigns built on it, each named in the languages it is written in.
    expect(page!.campaigns).toEqual([{ slug: campaign.slug, title: readTranslations(campaign.title), primaryLocale: "en" }]);
    const campaignPage = await loadCampaignPage({ id: campaign.id });
    expect(campaignPage!.statement!.authors).toEqual(page!.authors);
    expect(campaignPage!.demands[0]!.statement!.authors).toEqual(page!.authors);
    const api = await getApiCampaign({ slug: campaign.slug });
    expect(api.statement!.authors.map((a) => a.name)).toEqual(page!.authors);
    expect(api.demands[0]!.statement!.url).toBe("https://www.example.org/statements/joint");

    const [entry] = await auditEntries(author.organisation.id);
    expect(entry).toMatchObject({ userId: author.members.organiser.userId, affected: 1 });
    expect(entry!.details).toMatchObject({ slug: statement.slug, changed: ["url", "fullText", "authors"], url: "https://www.example.org/statements/joint" });

    // Saving the same again changes nothing and logs nothing.
    expect(await updateStatement({ actor: author.members.organiser, statementId: statement.id, values: values() })).toEqual({ changed: [] });
    expect(await auditEntries(author.organisation.id)).toHaveLength(1);

    // An empty link field removes the link: the page then shows none.
    await updateStatement({ actor: author.members.organiser, statementId: statement.id, values: values({ url: "  " }) });
    expect((await getStatement(statement.slug))!.url).toBeNull();
  });

  it("lets organisers of an organisation whose campaign is built on the statement edit it, and logs it there", async () => {
    const { statement } = await statementWithTeam();
    const citing = await createOrganisationWithMembers({ organiser: "ORGANISER" });
    const campaign = await createCampaign();
    await db.campaignOwner.create({ data: { campaignId: campaign.id, organisationId: citing.organisation.id } });
    // Only a demand quotes it: that is enough.
    await db.demand.create({ data: { campaignId: campaign.id, position: 1, kind: "CEASEFIRE", text: { en: "A ceasefire" }, sourceStatementId: statement.id } });

    expect((await listEditableStatements({ actor: citing.members.organiser })).map((s) => s.id)).toEqual([statement.id]);
    await updateStatement({ actor: citing.members.organiser, statementId: statement.id, values: values({ url: "http://example.org/s" }) });
    expect((await stored(statement.id)).url).toBe("http://example.org/s");
    expect(await auditEntries(citing.organisation.id)).toHaveLength(1);
  });

  it("refuses another organisation and a viewer, and changes nothing", async () => {
    const { statement, author, outsider } = await statementWithTeam();
    const before = await stored(statement.id);
    // A viewer of an organisation that answers for it, who is an organiser elsewhere, is still refused.
    const elsewhere = await createOrganisationWithMembers({ organiser: "ORGANISER" });
    const viewerOrganiserElsewhere = await createMember(author.organisation.id, "VIEWER");
    await db.membership.create({ data: { userId: viewerOrganiserElsewhere.userId, organisationId: elsewhere.organisation.id, role: "ORGANISER" } });
    const reloaded = await actorOf(viewerOrganiserElsewhere.userId);

    await expectAppError(updateStatement({ actor: outsider.members.owner, statementId: statement.id, values: values() }), "NOT_FOUND");
    await expectAppError(getStatementForEditing({ actor: outsider.members.owner, statementId: statement.id }), "NOT_FOUND");
    await expectAppError(updateStatement({ actor: author.members.viewer, statementId: statement.id, values: values() }), "FORBIDDEN");
    await expectAppError(updateStatement({ actor: reloaded, statementId: statement.id, values: values() }), "FORBIDDEN");
    // An unknown statement is as unknown as another organisation's.
    await expectAppError(updateStatement({ actor: author.members.organiser, statementId: "no-such-statement", values: values() }), "NOT_FOUND");

    expect(await listEditableStatements({ actor: outsider.members.owner })).not.toContainEqual(expect.objectContaining({ id: statement.id }));
    expect(await listEditableStatements({ actor: author.members.viewer })).toEqual([]);
    expect(await stored(statement.id)).toEqual(before);
    expect(await db.auditEntry.count({ where: { action: "statement.update", details: { path: ["statement"], equals: statement.id } } })).toBe(0);
  });

  it("saves the title and the summary in any language, and the statement's language among all six", async () => {
    const { statement, author } = await statementWithTeam();
    const actor = author.members.organiser;
    const title = formTexts({ fr: "Déclaration commune sur Idlib", ar: "بيان مشترك بشأن إدلب" });
    const summary = formTexts({ fr: "Une déclaration, dans les mots de Nida.", tr: "Nida'nın sözleriyle bir bildiri." });
    expect(await updateStatement({ actor, statementId: statement.id, values: values({ language: "fr", title, summary }) })).toEqual({ changed: ["url", "language", "title", "summary", "fullText", "authors"] });
    expect(await stored(statement.id)).toMatchObject({
      language: "fr",
      title: { fr: "Déclaration commune sur Idlib", ar: "بيان مشترك بشأن إدلب" },
      summary: { fr: "Une déclaration, dans les mots de Nida.", tr: "Nida'nın sözleriyle bir bildiri." },
    });
    expect(await getStatementForEditing({ actor, statementId: statement.id })).toMatchObject({ language: "fr", title: { fr: "Déclaration commune sur Idlib" }, summary: { tr: "Nida'nın sözleriyle bir bildiri." } });
  });

  it("rejects bad input field by field, translated keys, and changes nothing", async () => {
    const { statement, author } = await statementWithTeam();
    const before = await stored(statement.id);
    const actor = author.members.organiser;
    const refused = (overrides: Partial<StatementFormValues>, fields: Record<string, string>) =>
      expectAppError(updateStatement({ actor, statementId: statement.id, values: values(overrides) }), "VALIDATION", fields);

    for (const url of ["javascript:alert(1)", "mailto:press@example.org", "ftp://example.org/statement", "www.example.org/statement", "/statements/x", "https://", "not a link"]) {
      await refused({ url }, { url: "urlInvalid" });
    }
    await refused({ url: `https://example.org/${"a".repeat(2_000)}` }, { url: "tooLong" });
    await refused({ fullText: " \r\n " }, { fullText: "required" });
    await refused({ fullText: "x".repeat(100_001) }, { fullText: "tooLong" });
    await refused({ language: "fa" }, { language: "languageInvalid" });
    // A title in one language at least, asked for in the statement's own.
    await refused({ language: "fr", title: formTexts() }, { "title.fr": "required" });
    await refused({ title: formTexts({ tr: "x".repeat(301) }) }, { "title.tr": "tooLong" });
    await refused({ authors: [{ name: "", nameAr: "" }] }, { authors: "authorsRequired" });
    // The row the organiser sees is named, blank rows before it counted.
    await refused({ authors: [{ name: "One", nameAr: "" }, { name: "", nameAr: "" }, { name: "", nameAr: "الثالثة" }] }, { "authors.2.name": "required" });
    await refused({ authors: [{ name: "x".repeat(201), nameAr: "" }] }, { "authors.0.name": "tooLong" });
    await refused({ authors: Array.from({ length: 11 }, (_, index) => ({ name: `Author ${index}`, nameAr: "" })) }, { authors: "authorsTooMany" });

    expect(await stored(statement.id)).toEqual(before);
    expect(await auditEntries(author.organisation.id)).toEqual([]);
  });

  it("keeps an author's name in the languages the form does not show while their English name stays", async () => {
    const { statement, author } = await statementWithTeam();
    await db.statementAuthor.update({
      where: { statementId_position: { statementId: statement.id, position: 1 } },
      data: { name: { en: "Syrian Civil Defence", ar: "الدفاع المدني السوري", tr: "Suriye Sivil Savunması" } },
    });
    const authors = [
      { name: "Syrian Civil Defence", nameAr: "" },
      { name: "Syrian Emergency Task Force (SETF)", nameAr: "" },
    ];

    expect(await updateStatement({ actor: author.members.organiser, statementId: statement.id, values: values({ authors }) })).toMatchObject({ changed: expect.arrayContaining(["authors"]) });
    expect((await stored(statement.id)).authors.map((a) => a.name)).toEqual([{ en: "Syrian Civil Defence", tr: "Suriye Sivil Savunması" }, { en: "Syrian Emergency Task Force (SETF)" }]);
    // The same names again are no change.
    expect(await updateStatement({ actor: author.members.organiser, statementId: statement.id, values: values({ authors }) })).toEqual({ changed: [] });
  });

  it("shows no link until an organiser enters one", async () => {
    const { statement } = await statementWithTeam();
    const page = await getStatement(statement.slug);
    expect(page!.url).toBeNull();
    expect(page!.fullText).toBe("The original text.");
  });
});
