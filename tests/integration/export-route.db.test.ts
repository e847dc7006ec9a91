import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { sealSignatureFields, sealSupporterEmail } from "../../lib/sealing/signer-data";
import { createCampaign, uniqueEmail } from "../fixtures/factories";

// The session is next-auth's business (and needs a Next request); here it is whoever the test says.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));

const { GET } = await import("../../app/api/organiser/campaigns/[id]/export/route");

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function createActor(organisationId: string, role: MemberRole): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return { userId: user.id, email: user.email, memberships: [{ organisationId, role }] };
}

function get(campaignId: string, query = "") {
  return GET(new Request(`http://nida.test/api/organiser/campaigns/${campaignId}/export${query}`), { params: Promise.resolve({ id: campaignId }) });
}

describe("GET /api/organiser/campaigns/:id/export", () => {
  let campaign: Campaign;
  let organiser: Actor;

  beforeAll(async () => {
    campaign = await createCampaign();
    organiser = await createActor(campaign.owners[0]!.organisationId, "ORGANISER");
    const supporter = await db.supporter.create({ data: await sealSupporterEmail(uniqueEmail()) });
    const id = randomUUID();
    await db.signature.create({
      data: { id, campaignId: campaign.id, supporterId: supporter.id, state: "CONFIRMED", ...(await sealSignatureFields(campaign.id, id, { name: "ليلى حداد" })), country: "SY", locale: "ar", confirmedAt: new Date() },
    });
  });

  beforeEach(() => {
    session.actor = null;
  });

  it("streams the CSV as an uncached attachment named after the campaign", async () => {
    session.actor = organiser;
    const response = await get(campaign.id, "?country=SY&from=&to=");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`^attachment; filename="${campaign.slug}-signatures-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(response.headers.get("X-Expected-Rows")).toBe("1");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    // The columns named in English when the query names no language; the signer's language last but one.
    expect(text.startsWith("\uFEFFName,E-mail,Country,Postcode,Comment,Signed (UTC),Confirmed (UTC),Language,Channel\r\nليلى حداد,,SY,")).toBe(true);
    expect(text.split("\r\n")[1]).toMatch(/,ar,$/);
  });

  it("names the columns in the exporter's language, or by their fixed names when asked", async () => {
    session.actor = organiser;
    const header = async (query: string) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await (await get(campaign.id, query)).arrayBuffer()).slice(1).split("\r\n")[0];
    expect(await header("?locale=ar")).toBe("الاسم,البريد الإلكتروني,البلد,الرمز البريدي,التعليق,وقت التوقيع (UTC),وقت التأكيد (UTC),اللغة,القناة");
    expect(await header("?locale=de")).toBe("Name,E-Mail,Land,Postleitzahl,Kommentar,Unterzeichnet (UTC),Bestätigt (UTC),Sprache,Kanal");
    expect(await header("?locale=ar&header=machine")).toBe("name,email,country,postcode,comment,signed_at,confirmed_at,language,channel");
    // A language that is not one of ours: English.
    expect(await header("?locale=xx")).toMatch(/^Name,E-mail,/);
  });

  it("answers 401 without a session, before looking at anything else", async () => {
    const response = await get(campaign.id, "?from=nonsense");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "UNAUTHENTICATED" });
  });

  it("answers 400 with the field errors of bad filters", async () => {
    session.actor = organiser;
    const response = await get(campaign.id, "?from=2025-13-01&to=2025-01-01&country=ZZ");
    expect(response.status).toBe(400);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: "VALIDATION", fields: { from: "dateInvalid", country: "countryInvalid" } });
  });

  it("refuses a viewer (403) and hides the campaign from another organisation (404)", async () => {
    session.actor = await createActor(campaign.owners[0]!.organisationId, "VIEWER");
    expect((await get(campaign.id)).status).toBe(403);
    const elsewhere = await createCampaign();
    session.actor = await createActor(elsewhere.owners[0]!.organisationId, "OWNER");
    const response = await get(campaign.id);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "NOT_FOUND" });
  });
});
