import jsQR from "jsqr";
import { describe, expect, it, vi, beforeAll } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { readTranslations } from "../../lib/i18n/translations";
import { parsePaperCsv } from "../../lib/paper/paper-csv";
import { readShortCode } from "../../lib/paper-materials/short-code";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { pdfImages, pdfReadingText } from "../fixtures/pdf-text";

// The session is next-auth's business (and needs a Next request); here it is whoever the test says.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { GET: print } = await import("../../app/[locale]/organiser/campaigns/[id]/paper/print/[material]/route");
const { GET: short } = await import("../../app/[locale]/s/[code]/route");

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function createActor(organisationId: string, role: MemberRole): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return { userId: user.id, email: user.email, memberships: [{ organisationId, role }] };
}

function download(campaignId: string, material: string, language: string) {
  return print(new Request(`http://nida.test/en/organiser/campaigns/${campaignId}/paper/print/${material}?language=${language}`), {
    params: Promise.resolve({ locale: "en", id: campaignId, material }),
  });
}

function follow(locale: string, code: string) {
  return short(new Request(`http://nida.test/${locale}/s/${code}`), { params: Promise.resolve({ locale, code }) });
}

async function pdf(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/pdf");
  return new Uint8Array(await response.arrayBuffer());
}

describe("paper materials: sign sheets, posters and short addresses", () => {
  let campaign: Campaign;
  let organiser: Actor;

  beforeAll(async () => {
    campaign = await createCampaign();
    await db.demand.create({ data: { campaignId: campaign.id, position: 1, kind: "CEASEFIRE", text: { en: "Publish the names of all detainees", ar: "انشروا أسماء جميع المعتقلين" } } });
    organiser = await createActor(campaign.owners[0]!.organisationId, "ORGANISER");
  });

  it("draws an English sign sheet whose column headings are the ones the paper entry reads back", async () => {
    session.actor = organiser;
    const text = await pdfReadingText(await pdf(await download(campaign.id, "sign-sheet", "en")));
    expect(text).toContain(readTranslations(campaign.title).en!);
    expect(text).toContain("Publish the names of all detainees");
    expect(text).toContain("erased 6 months after the petition closes");
    const organisation = await db.organisation.findUniqueOrThrow({ where: { id: campaign.owners[0]!.organisationId } });
    // The headings share one row, each wrapped in its own cell.
    const header = text.split("\n").find((line) => line.includes("Signature"))!;
    expect(header.split(/\s+/)).toEqual(["#", "Name", "Country", "Postcode", "E-mail", "Signature"]);
    for (const words of ["Keep me", "informed by", "(optional)", readTranslations(organisation.name).en!]) expect(text).toContain(words);
    expect(text).toContain(`Page 1 of 1 · Sign online: http://nida.test/en/campaigns/${campaign.slug}`);
    // Typed into a spreadsheet under these headings, a sheet is read without a refused column.
    expect(parsePaperCsv("Name,Country,Postcode,E-mail\nLayla Haddad,SY,,\n")).toMatchObject({ rows: [{ name: "Layla Haddad", country: "SY" }], refused: [] });
  });

  it("draws an Arabic sign sheet, its words shaped and in reading order, with the Arabic headings the entry reads back", async () => {
    session.actor = organiser;
    const text = await pdfReadingText(await pdf(await download(campaign.id, "sign-sheet", "ar")), "rtl");
    expect(text).toContain(readTranslations(campaign.title).ar!);
    expect(text).toContain("انشروا أسماء جميع المعتقلين");
    expect(text).toContain("نطالب بما يلي");
    // Read from the right: number, name, country, postcode, e-mail, signature (pdf.js may split a word at a ligature).
    const header = text.split("\n").find((line) => line.includes("التوقيع"))!;
    expect(header.replace(/\s+/g, "")).toBe(["م", "الاسم", "البلد", "الرمز البريدي", "البريد الإلكتروني", "التوقيع"].join("").replace(/\s+/g, ""));
    expect(text).toContain("أبقوني على");
    expect(text).not.toContain("Name");
    const sheet = parsePaperCsv("الاسم,البلد,الرمز البريدي,البريد الإلكتروني\nليلى حداد,سوريا,,\n");
    expect(sheet).toMatchObject({ rows: [{ name: "ليلى حداد", country: "SY" }], refused: [] });
  });

  it("draws a poster whose QR code opens the campaign page tagged as scanned, and prints its short address", async () => {
    session.actor = organiser;
    const { shortCode } = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { shortCode: true } });
    for (const language of ["en", "ar"] as const) {
      const bytes = await pdf(await download(campaign.id, "poster", language));
      const text = await pdfReadingText(bytes, language === "ar" ? "rtl" : "ltr");
      expect(text).toContain(readTranslations(campaign.title)[language]!);
      expect(text).toContain(`nida.test/s/${shortCode}`);
      const images = await pdfImages(bytes);
      expect(images).toHaveLength(1);
      const [image] = images;
      expect(jsQR(image!.data, image!.width, image!.height)?.data).toBe(`http://nida.test/${language}/campaigns/${campaign.slug}?s=qr`);
    }
  });

  it("prints a campaign written without English in its own language, on an English sheet and poster", async () => {
    const arabic = await createCampaign();
    await db.campaign.update({ where: { id: arabic.id }, data: { primaryLocale: "ar", title: { ar: "أطلقوا سراح المعتقلين" }, summary: { ar: "حملة من أجل المعتقلين." } } });
    await db.demand.create({ data: { campaignId: arabic.id, position: 1, kind: "CEASEFIRE", text: { ar: "انشروا أسماء جميع المعتقلين" } } });
    const turkish = await createCampaign();
    await db.campaign.update({ where: { id: turkish.id }, data: { primaryLocale: "tr", title: { tr: "Gözaltındakileri serbest bırakın", ar: "أطلقوا سراحهم" }, summary: { tr: "Kayıpların aileleri için bir kampanya." } } });
    await db.demand.create({ data: { campaignId: turkish.id, position: 1, kind: "CEASEFIRE", text: { tr: "Tüm gözaltındakilerin isimlerini yayımlayın" } } });
    session.actor = await createActor(arabic.owners[0]!.organisationId, "ORGANISER");
    const sheet = await pdf(await download(arabic.id, "sign-sheet", "en"));
    // The sheet's own words stay English, read from the left; the campaign's Arabic reads from the right.
    expect(await pdfReadingText(sheet)).toContain("We ask:");
    const fromTheRight = await pdfReadingText(sheet, "rtl");
    expect(fromTheRight).toContain("أطلقوا سراح المعتقلين");
    expect(fromTheRight).toContain("انشروا أسماء جميع المعتقلين");
    expect(await pdfReadingText(await pdf(await download(arabic.id, "poster", "en")), "rtl")).toContain("أطلقوا سراح المعتقلين");
    // A campaign written in Turkish and translated into Arabic: an English sheet takes its own
    // language, Turkish, not the translation; an Arabic poster takes the Arabic.
    session.actor = await createActor(turkish.owners[0]!.organisationId, "ORGANISER");
    const turkishSheet = await pdf(await download(turkish.id, "sign-sheet", "en"));
    expect(await pdfReadingText(turkishSheet)).toContain("Gözaltındakileri serbest bırakın");
    expect(await pdfReadingText(turkishSheet)).toContain("Tüm gözaltındakilerin isimlerini yayımlayın");
    expect(await pdfReadingText(turkishSheet, "rtl")).not.toContain("أطلقوا سراحهم");
    expect(await pdfReadingText(await pdf(await download(turkish.id, "poster", "ar")), "rtl")).toContain("أطلقوا سراحهم");
  });

  it("answers 401 without a session, refuses a viewer (403), hides the campaign from another organisation (404) and knows only its two materials", async () => {
    session.actor = null;
    expect((await download(campaign.id, "poster", "en")).status).toBe(401);
    session.actor = await createActor(campaign.owners[0]!.organisationId, "VIEWER");
    expect((await download(campaign.id, "sign-sheet", "en")).status).toBe(403);
    const outside = await createCampaign();
    session.actor = await createActor(outside.owners[0]!.organisationId, "OWNER");
    const response = await download(campaign.id, "poster", "ar");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND" });
    session.actor = organiser;
    expect((await download(campaign.id, "banner", "en")).status).toBe(404);
    expect((await download(campaign.id, "poster", "fr")).status).toBe(404);
  });

  it("sends a short address to the campaign page in the reader's language, tagged as typed from a poster", async () => {
    const { shortCode } = await db.campaign.findUniqueOrThrow({ where: { id: campaign.id }, select: { shortCode: true } });
    // The database drew it from the same letters the address accepts.
    expect(readShortCode(shortCode)).toBe(shortCode);
    for (const locale of ["en", "ar"]) {
      const response = await follow(locale, shortCode);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`http://nida.test/${locale}/campaigns/${campaign.slug}?s=poster`);
    }
    // Typed in capitals, it still leads there.
    expect((await follow("en", shortCode.toUpperCase())).headers.get("Location")).toBe(`http://nida.test/en/campaigns/${campaign.slug}?s=poster`);
  });

  it("answers 404 for an unknown code, a malformed one and a draft's", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    const unknown = [..."2345678"].join("");
    expect(await db.campaign.count({ where: { shortCode: unknown } })).toBe(0);
    for (const code of [unknown, "../../x", "0oil1uu", draft.shortCode]) {
      const response = await follow("ar", code);
      expect(response.status).toBe(404);
      expect(response.headers.get("Location")).toBeNull();
    }
  });

  it("gives every campaign its own code", async () => {
    const campaigns = await Promise.all(Array.from({ length: 20 }, () => createCampaign()));
    const codes = campaigns.map((row) => row.shortCode);
    expect(new Set(codes).size).toBe(20);
    for (const code of codes) expect(readShortCode(code)).toBe(code);
  });
});
