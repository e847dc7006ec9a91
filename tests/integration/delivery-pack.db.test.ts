import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import { getAddresseeRecord } from "../../lib/deliveries/delivery-record";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { sealPaperFields, sealSignatureFields, sealSupporterEmail } from "../../lib/sealing/signer-data";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { fingerprintOf } from "../fixtures/fingerprint";
import { pdfReadingText, pdfText } from "../fixtures/pdf-text";

// The session is next-auth's business (and needs a Next request); here it is whoever the test says.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
// Which cached pages the route drops, so the public page shows the hand-over at once.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => revalidated.push(path) }));

const { POST } = await import("../../app/[locale]/organiser/campaigns/[id]/delivery/pack/route");

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function createActor(organisationId: string, role: MemberRole): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return { userId: user.id, email: user.email, memberships: [{ organisationId, role }] };
}

function post(campaignId: string, fields: Record<string, string>) {
  return POST(
    new Request(`http://nida.test/en/organiser/campaigns/${campaignId}/delivery/pack`, { method: "POST", body: new URLSearchParams(fields) }),
    { params: Promise.resolve({ locale: "en", id: campaignId }) },
  );
}

async function signer(campaignId: string, values: { name: string; country: string; showPublicly?: boolean; comment?: string; commentApproved?: boolean; state?: "CONFIRMED" | "PENDING" }) {
  const email = uniqueEmail("signer");
  const supporter = await db.supporter.create({ data: await sealSupporterEmail(email) });
  const id = randomUUID();
  const row = await db.signature.create({
    data: {
      id,
      campaignId,
      supporterId: supporter.id,
      state: values.state ?? "CONFIRMED",
      ...(await sealSignatureFields(campaignId, id, { name: values.name, comment: values.comment })),
      country: values.country,
      showPublicly: values.showPublicly ?? false,
      commentApproved: values.commentApproved ?? false,
      locale: "en",
      emailDomain: "example.org",
      confirmedAt: values.state === "PENDING" ? null : new Date(Date.now() - 60_000),
    },
  });
  return { id: row.id, email };
}

describe("POST /:locale/organiser/campaigns/:id/delivery/pack", () => {
  let campaign: Campaign;
  let organiser: Actor;
  let minister: string;
  let envoy: string;
  let counted: string[];
  const emails: string[] = [];

  beforeAll(async () => {
    campaign = await createCampaign();
    organiser = await createActor(campaign.owners[0]!.organisationId, "ORGANISER");
    const statement = await db.sourceStatement.create({
      data: { slug: `statement-${randomUUID().slice(0, 8)}`, authorName: "Syria Civil Defence", title: { en: "Stop the bombing of civilians", ar: "أوقفوا قصف المدنيين" }, publishedOn: new Date("2026-10-01T00:00:00Z"), language: "en", summary: { en: "A statement." }, url: "https://example.org/statement" },
    });
    await db.demand.create({ data: { campaignId: campaign.id, position: 1, kind: "CEASEFIRE", text: { en: "A ceasefire in Idlib now", ar: "وقف إطلاق النار في إدلب الآن" }, sourceQuote: "We call for an immediate ceasefire", sourceStatementId: statement.id } });
    for (const name of ["Minister Alpha", "Envoy Beta"]) {
      const person = await db.decisionMaker.create({ data: { name: { en: name }, institution: { en: "Ministry of Foreign Affairs", ar: "وزارة الخارجية" }, country: "GB", email: uniqueEmail("dm") } });
      await db.campaignTarget.create({ data: { campaignId: campaign.id, decisionMakerId: person.id } });
      if (name.startsWith("Minister")) minister = person.id;
      else envoy = person.id;
    }
    const listed = await signer(campaign.id, { name: "Rahaf Qasimi", country: "SY", showPublicly: true });
    const hidden = await signer(campaign.id, { name: "Zaynab Hiddenname", country: "SY", comment: "Stop the shelling of Idlib", commentApproved: true });
    const turkey = await signer(campaign.id, { name: "Omar Privatus", country: "TR", comment: "Not approved for delivery", commentApproved: false });
    const pending = await signer(campaign.id, { name: "Pending Person", country: "DE", showPublicly: true, state: "PENDING" });
    emails.push(listed.email, hidden.email, turkey.email, pending.email);
    counted = [listed.id, hidden.id, turkey.id];
    const sheet = await db.paperImport.create({ data: { campaignId: campaign.id, label: "Vigil", signatureCount: 2 } });
    const paper = async (name: string, country: string) => {
      const id = randomUUID();
      return { id, campaignId: campaign.id, importId: sheet.id, ...(await sealPaperFields(campaign.id, id, { name, postcode: null })), country, identityHash: randomUUID() };
    };
    await db.paperSignature.createMany({ data: [await paper("Paper Signerone", "SY"), await paper("Paper Signertwo", "LB")] });
  });

  beforeEach(() => {
    session.actor = null;
  });

  it("answers with a PDF stating the count, its fingerprint and the countries, naming only signers who chose to be listed", async () => {
    session.actor = organiser;
    const response = await post(campaign.id, { decisionMaker: minister, locale: "en", includeNames: "on" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="${campaign.slug}-delivery-en-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const { text } = await pdfText(bytes);

    const fingerprint = fingerprintOf(counted);
    expect(text).toContain(fingerprint);
    expect(text).toContain("3 online signatures confirmed by e-mail");
    // Online and paper together, as the campaign page says it.
    expect(text).toMatch(/At [^.]+ UTC it carried 5 signatures: 3 online, confirmed by e-mail, \+ 2 signed on paper\./);
    expect(text).toContain("Minister Alpha");
    expect(text).not.toContain("Envoy Beta");
    expect(text).toContain("A ceasefire in Idlib now");
    expect(text).toContain("Stop the bombing of civilians");
    // The country table: online, paper, total per country, the most signed first.
    expect(text).toMatch(/Syria 2 1 3 \d+%.*Lebanon 0 1 1 .*Türkiye 1 0 1 /);
    expect(text).toContain("Stop the shelling of Idlib");
    expect(text).not.toContain("Not approved for delivery");
    // Named: the one confirmed signer who chose the public list, by first name only.
    expect(text).toContain("Rahaf (Syria)");
    for (const name of ["Qasimi", "Zaynab", "Hiddenname", "Omar", "Privatus", "Pending", "Signerone"]) expect(text).not.toContain(name);
    for (const email of emails) expect(text).not.toContain(email);
    expect(text).not.toContain("@");
  });

  it("records exactly one in-person delivery to the chosen decision-maker, with the count and fingerprint the PDF states", async () => {
    const elsewhere = await createCampaign();
    const person = await db.decisionMaker.create({ data: { name: { en: "Solo Recipient" }, institution: { en: "Parliament" }, country: "GB", email: uniqueEmail("dm") } });
    const other = await db.decisionMaker.create({ data: { name: { en: "Other Recipient" }, institution: { en: "Parliament" }, country: "GB", email: uniqueEmail("dm") } });
    await db.campaignTarget.createMany({ data: [{ campaignId: elsewhere.id, decisionMakerId: person.id }, { campaignId: elsewhere.id, decisionMakerId: other.id }] });
    const one = await signer(elsewhere.id, { name: "Counted One", country: "SY" });
    session.actor = await createActor(elsewhere.owners[0]!.organisationId, "OWNER");

    const response = await post(elsewhere.id, { decisionMaker: person.id, locale: "ar" });
    expect(response.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));

    const recorded = await db.digest.findMany({ where: { campaignId: elsewhere.id } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ decisionMakerId: person.id, kind: "IN_PERSON", totalSignatures: 1, fingerprint: fingerprintOf([one.id]), status: "DELIVERED", locale: "ar" });
    expect(text).toContain(recorded[0]!.fingerprint);

    // The public record shows the hand-over, and no mailed digest.
    const record = await getAddresseeRecord(elsewhere.id);
    const entry = record.find((row) => row.decisionMakerId === person.id)!;
    expect(entry.handedOver).toEqual({ at: recorded[0]!.countedAt, total: 1, fingerprint: fingerprintOf([one.id]), paper: null });
    expect(entry.sent).toBeNull();
    expect(revalidated).toContain(`/en/campaigns/${elsewhere.slug}`);
    expect(revalidated).toContain(`/ar/campaigns/${elsewhere.slug}`);
    expect(record.find((row) => row.decisionMakerId === other.id)!.handedOver).toBeNull();
  });

  it("leaves the mailed digests as they were: a pack handed over does not make the next digest 'nothing new'", async () => {
    const mailed = await createCampaign({ digestCadence: "DAILY" });
    const person = await db.decisionMaker.create({ data: { name: { en: "Mailed Recipient" }, institution: { en: "Parliament" }, country: "GB", email: uniqueEmail("dm") } });
    await db.campaignTarget.create({ data: { campaignId: mailed.id, decisionMakerId: person.id } });
    await signer(mailed.id, { name: "Counted Two", country: "SY" });
    session.actor = await createActor(mailed.owners[0]!.organisationId, "ORGANISER");
    expect((await post(mailed.id, { decisionMaker: person.id, locale: "en" })).status).toBe(200);

    const report = await runDigestJob({ campaignId: mailed.id });
    expect(report).toMatchObject({ queued: 1, nothingNew: 0 });
    const scheduled = await db.digest.findFirstOrThrow({ where: { campaignId: mailed.id, kind: "SCHEDULED" } });
    // It reports the signature as new: the hand-over was not a digest.
    expect(scheduled).toMatchObject({ newSignatures: 1, totalSignatures: 1 });
  });

  it("records one delivery per decision-maker addressed when the pack is for all of them", async () => {
    const before = await db.digest.count({ where: { campaignId: campaign.id } });
    session.actor = organiser;
    const response = await post(campaign.id, { decisionMaker: "all", locale: "en" });
    expect(response.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("Minister Alpha");
    expect(text).toContain("Envoy Beta");
    // Without the list, nobody is named.
    expect(text).not.toContain("Rahaf");
    const added = await db.digest.findMany({ where: { campaignId: campaign.id }, orderBy: { queuedAt: "desc" }, take: 2 });
    expect(await db.digest.count({ where: { campaignId: campaign.id } })).toBe(before + 2);
    expect(new Set(added.map((row) => row.decisionMakerId))).toEqual(new Set([minister, envoy]));
  });

  it("draws a campaign written without English in its own language in an English pack", async () => {
    const arabic = await createCampaign();
    await db.campaign.update({ where: { id: arabic.id }, data: { primaryLocale: "ar", title: { ar: "أوقفوا القصف" }, summary: { ar: "حملة من أجل المدنيين." } } });
    await db.demand.create({ data: { campaignId: arabic.id, position: 1, kind: "CEASEFIRE", text: { ar: "وقف إطلاق النار في إدلب الآن" } } });
    const person = await db.decisionMaker.create({ data: { name: { en: "Arabic Recipient" }, institution: { en: "Parliament" }, country: "GB", email: uniqueEmail("dm") } });
    await db.campaignTarget.create({ data: { campaignId: arabic.id, decisionMakerId: person.id } });
    session.actor = await createActor(arabic.owners[0]!.organisationId, "ORGANISER");
    const response = await post(arabic.id, { decisionMaker: person.id, locale: "en" });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // The pack's own words are English; the campaign's are its Arabic, each read from the right.
    expect(await pdfReadingText(bytes)).toContain("Arabic Recipient");
    const fromTheRight = await pdfReadingText(bytes, "rtl");
    expect(fromTheRight).toContain("أوقفوا القصف");
    expect(fromTheRight).toContain("وقف إطلاق النار في إدلب الآن");
  });

  it("sends a refused choice back to the delivery page and records nothing", async () => {
    session.actor = organiser;
    const before = await db.digest.count({ where: { campaignId: campaign.id } });
    const response = await post(campaign.id, { decisionMaker: "someone-else", locale: "en" });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`http://nida.test/en/organiser/campaigns/${campaign.id}/delivery?pack=decisionMakerRequired#pack-heading`);
    const badLocale = await post(campaign.id, { decisionMaker: minister, locale: "fr" });
    expect(badLocale.headers.get("Location")).toContain("?pack=localeInvalid");
    expect(await db.digest.count({ where: { campaignId: campaign.id } })).toBe(before);
  });

  it("answers 401 without a session, refuses a viewer (403) and hides the campaign from another organisation (404), recording nothing", async () => {
    const before = await db.digest.count({ where: { campaignId: campaign.id } });
    expect((await post(campaign.id, { decisionMaker: minister, locale: "en" })).status).toBe(401);
    session.actor = await createActor(campaign.owners[0]!.organisationId, "VIEWER");
    expect((await post(campaign.id, { decisionMaker: minister, locale: "en" })).status).toBe(403);
    const outside = await createCampaign();
    session.actor = await createActor(outside.owners[0]!.organisationId, "OWNER");
    const response = await post(campaign.id, { decisionMaker: minister, locale: "en" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND" });
    expect(await db.digest.count({ where: { campaignId: campaign.id } })).toBe(before);
  });
});
