import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { getApiCampaign } from "../../lib/api/get-campaign";
import { campaignDetail } from "../../lib/api/schema";
import { addConfirmed } from "../../lib/campaigns/counters";
import { loadCampaignPage } from "../../lib/campaigns/get-campaign";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import type { DigestProps } from "../../emails/digest";
import { isolate } from "../../lib/i18n/isolate";
import { renderTemplate } from "../../lib/mail/templates";
import { getOrganisationProfile, updateOrganisationProfile } from "../../lib/organisations/profile";
import { expectAppError } from "../fixtures/app-errors";
import { insertConfirmedSignatures } from "../fixtures/bulk-signatures";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { createMember, createOrganisationWithMembers } from "../fixtures/organisers";
import { latestMailTo } from "../fixtures/sealed-mail";

// The session is next-auth's business (and needs a Next request); here it is whoever the test says.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
// Next.js's page cache exists only inside its server: here, what the route asks it to forget.
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));

const { POST } = await import("../../app/api/organiser/organisations/[id]/logo/route");
const { GET } = await import("../../app/media/org-logos/[file]/route");

beforeEach(() => {
  session.actor = null;
  revalidated.length = 0;
});

const profile = {
  name: "Syrian Civil Defence",
  nameAr: "الدفاع المدني السوري",
  description: "Volunteer rescue workers in Syria.",
  descriptionAr: "متطوّعو إنقاذ في سوريا.",
  website: "https://civil-defence.example.org",
  contactEmail: "contact@civil-defence.example.org",
  senderName: "Syrian Civil Defence via Nida",
};

// The form's English and Arabic fields, as stored: one text per language.
const storedProfile = {
  name: { en: profile.name, ar: profile.nameAr },
  description: { en: profile.description, ar: profile.descriptionAr },
  website: profile.website,
  contactEmail: profile.contactEmail,
  senderName: profile.senderName,
};
const profileColumns = { name: true, description: true, website: true, contactEmail: true, senderName: true } as const;
const stored = (organisationId: string) => db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: profileColumns });
const auditOf = (organisationId: string) => db.auditEntry.findMany({ where: { organisationId }, orderBy: { createdAt: "asc" } });

function png(size = 40): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 4, background: { r: 11, g: 93, b: 59, alpha: 1 } } }).png().toBuffer();
}

// The logo form as a browser posts it, from Nida's own origin unless said otherwise.
function upload(organisationId: string, file: { bytes: Uint8Array; name: string; type: string } | null, options: { origin?: string; intent?: string } = {}) {
  const form = new FormData();
  if (file) form.append("logo", new Blob([file.bytes as BlobPart], { type: file.type }), file.name);
  if (options.intent) form.append("intent", options.intent);
  const request = new Request(`${env.APP_URL}/api/organiser/organisations/${organisationId}/logo?locale=ar`, { method: "POST", body: form, headers: { origin: options.origin ?? env.APP_URL } });
  return POST(request, { params: Promise.resolve({ id: organisationId }) });
}

function outcome(response: Response): Record<string, string> {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location")!);
  expect(location.pathname).toBe("/ar/organiser/organisation");
  return Object.fromEntries(location.searchParams);
}

const logoRow = (organisationId: string) => db.organisationLogo.findUnique({ where: { organisationId } });

describe("updateOrganisationProfile", () => {
  it("lets an owner set the profile in both languages, and records what changed in the audit log", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    await updateOrganisationProfile({ actor: members.owner, organisationId: organisation.id, input: { ...profile, contactEmail: " Contact@Civil-Defence.example.org " } });

    expect(await stored(organisation.id)).toEqual(storedProfile);
    const [entry, ...others] = await auditOf(organisation.id);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ action: "organisation.profile", userId: members.owner.userId, affected: 1 });
    expect((entry!.details as { changed: string[] }).changed.sort()).toEqual(["contactEmail", "description", "descriptionAr", "name", "nameAr", "senderName", "website"]);

    // Saving the same profile again changes nothing and records nothing.
    await updateOrganisationProfile({ actor: members.owner, organisationId: organisation.id, input: profile });
    expect(await auditOf(organisation.id)).toHaveLength(1);
    // Clearing a field stores nothing for it: pages then fall back (to English, to the name).
    await updateOrganisationProfile({ actor: members.owner, organisationId: organisation.id, input: { ...profile, nameAr: "", senderName: " " } });
    expect(await stored(organisation.id)).toEqual({ ...storedProfile, name: { en: profile.name }, senderName: null });
    expect((await auditOf(organisation.id))[1]).toMatchObject({ details: { changed: ["nameAr", "senderName"], values: { nameAr: null, senderName: null } } });
  });

  it("shows and saves the name and description in every language, and clears one left blank", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    await db.organisation.update({ where: { id: organisation.id }, data: { name: { en: "Old name", tr: "Suriye Sivil Savunma" }, description: { tr: "Suriye'deki gönüllü kurtarma ekipleri." } } });
    const shown = await getOrganisationProfile({ actor: members.owner, organisationId: organisation.id });
    expect(shown).toMatchObject({ name: "Old name", nameTr: "Suriye Sivil Savunma", descriptionTr: "Suriye'deki gönüllü kurtarma ekipleri.", nameFr: null });

    // The form sends back every language it shows, and a French name added to them.
    await updateOrganisationProfile({ actor: members.owner, organisationId: organisation.id, input: { ...profile, nameTr: shown.nameTr, descriptionTr: shown.descriptionTr, nameFr: "Défense civile syrienne" } });
    expect(await stored(organisation.id)).toEqual({
      ...storedProfile,
      name: { ...storedProfile.name, tr: "Suriye Sivil Savunma", fr: "Défense civile syrienne" },
      description: { ...storedProfile.description, tr: "Suriye'deki gönüllü kurtarma ekipleri." },
    });
    // A language left blank is cleared: its pages then show the English.
    await updateOrganisationProfile({ actor: members.owner, organisationId: organisation.id, input: { ...profile, nameFr: "Défense civile syrienne" } });
    expect(await stored(organisation.id)).toEqual({ ...storedProfile, name: { ...storedProfile.name, fr: "Défense civile syrienne" } });
    expect((await auditOf(organisation.id)).at(-1)).toMatchObject({ details: { changed: ["nameTr", "descriptionTr"] } });
  });

  it("refuses bad input per field and changes nothing", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    const before = await stored(organisation.id);
    await expectAppError(
      updateOrganisationProfile({
        actor: members.owner,
        organisationId: organisation.id,
        input: { ...profile, name: "", website: "http://civil-defence.example.org", contactEmail: "not an address", senderName: 'Bank" <security@bank.example>' },
      }),
      "VALIDATION",
      { name: "nameRequired", website: "websiteHttps", contactEmail: "emailInvalid", senderName: "senderInvalid" },
    );
    await expectAppError(updateOrganisationProfile({ actor: members.owner, organisationId: organisation.id, input: { ...profile, senderName: "Org\r\nBcc: x@example.org" } }), "VALIDATION", { senderName: "lineBreak" });
    expect(await stored(organisation.id)).toEqual(before);
    expect(await auditOf(organisation.id)).toEqual([]);
  });

  it("is for owners only: organisers, viewers and other organisations' owners are refused", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ organiser: "ORGANISER", viewer: "VIEWER" });
    const stranger = await createOrganisationWithMembers({ owner: "OWNER" });
    const before = await stored(organisation.id);
    for (const actor of [members.organiser, members.viewer, stranger.members.owner]) {
      await expectAppError(updateOrganisationProfile({ actor, organisationId: organisation.id, input: profile }), "FORBIDDEN");
      await expectAppError(getOrganisationProfile({ actor, organisationId: organisation.id }), "FORBIDDEN");
    }
    expect(await stored(organisation.id)).toEqual(before);
    expect(await auditOf(organisation.id)).toEqual([]);
  });
});

describe("POST /api/organiser/organisations/:id/logo", () => {
  it("takes an owner's PNG, keeps two WebP squares, and serves them at their hash for good", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    session.actor = members.owner;
    // Sent as something else entirely: the bytes decide.
    expect(outcome(await upload(organisation.id, { bytes: await png(300), name: "logo.bin", type: "application/octet-stream" }))).toEqual({ organisation: organisation.id, logo: "saved" });

    // Every public page that shows the organisation renders again with the logo.
    expect(revalidated).toEqual(["/"]);
    const row = (await logoRow(organisation.id))!;
    expect(row.largeSha256).toMatch(/^[0-9a-f]{64}$/);
    const { logo } = await getOrganisationProfile({ actor: members.owner, organisationId: organisation.id });
    expect(logo).toEqual({ large: `/media/org-logos/${row.largeSha256}.webp`, small: `/media/org-logos/${row.smallSha256}.webp` });

    for (const [sha, size] of [[row.largeSha256, 256], [row.smallSha256, 64]] as const) {
      const response = await GET(new Request(`${env.APP_URL}/media/org-logos/${sha}.webp`), { params: Promise.resolve({ file: `${sha}.webp` }) });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const bytes = new Uint8Array(await response.arrayBuffer());
      const { createHash } = await import("node:crypto");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha);
      expect(await sharp(bytes).metadata()).toMatchObject({ format: "webp", width: size, height: size });
    }
    const unknown = "0".repeat(64);
    expect((await GET(new Request(`${env.APP_URL}/media/org-logos/${unknown}.webp`), { params: Promise.resolve({ file: `${unknown}.webp` }) })).status).toBe(404);
    expect((await GET(new Request(`${env.APP_URL}/media/org-logos/x.svg`), { params: Promise.resolve({ file: "x.svg" }) })).status).toBe(404);

    expect((await auditOf(organisation.id)).map((entry) => entry.action)).toEqual(["organisation.logo"]);

    // Removed: the address no longer serves it.
    expect(outcome(await upload(organisation.id, null, { intent: "remove" }))).toMatchObject({ logo: "removed" });
    expect(await logoRow(organisation.id)).toBeNull();
    expect((await GET(new Request(`${env.APP_URL}/media/org-logos/${row.largeSha256}.webp`), { params: Promise.resolve({ file: `${row.largeSha256}.webp` }) })).status).toBe(404);
    expect((await auditOf(organisation.id)).map((entry) => entry.action)).toEqual(["organisation.logo", "organisation.logoRemove"]);
  });

  it("refuses an SVG, whatever it is called, and anything that only starts like an image; nothing is written", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    session.actor = members.owner;
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    expect(outcome(await upload(organisation.id, { bytes: svg, name: "logo.png", type: "image/png" }))).toMatchObject({ logoError: "logoType" });
    expect(outcome(await upload(organisation.id, { bytes: svg, name: "logo.svg", type: "image/svg+xml" }))).toMatchObject({ logoError: "logoType" });
    const fake = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode("not really a png")]);
    expect(outcome(await upload(organisation.id, { bytes: fake, name: "logo.png", type: "image/png" }))).toMatchObject({ logoError: "logoUnreadable" });
    expect(outcome(await upload(organisation.id, null))).toMatchObject({ logoError: "logoRequired" });
    expect(await logoRow(organisation.id)).toBeNull();
    expect(revalidated).toEqual([]);
    expect(await auditOf(organisation.id)).toEqual([]);
  });

  it("refuses a file over 1 MB, and a body over the upload's bound without reading past it; nothing is written", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ owner: "OWNER" });
    session.actor = members.owner;
    const big = new Uint8Array(1_000_100);
    big.set(await png(), 0);
    expect(outcome(await upload(organisation.id, { bytes: big, name: "logo.png", type: "image/png" }))).toMatchObject({ logoError: "logoTooLarge" });

    // A 3 MiB body with no declared length is cut off at the bound: the rest is never read.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 3 * 1024 * 1024) return controller.close();
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const request = new Request(`${env.APP_URL}/api/organiser/organisations/${organisation.id}/logo?locale=ar`, {
      method: "POST",
      body: endless,
      headers: { origin: env.APP_URL, "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    expect(outcome(await POST(request, { params: Promise.resolve({ id: organisation.id }) }))).toMatchObject({ logoError: "logoTooLarge" });
    expect(pulled).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024);
    // A declared length over the bound is refused before anything is read.
    const declared = new Request(`${env.APP_URL}/api/organiser/organisations/${organisation.id}/logo?locale=ar`, { method: "POST", body: "x", headers: { origin: env.APP_URL, "content-length": String(2 * 1024 * 1024) } });
    expect(outcome(await POST(declared, { params: Promise.resolve({ id: organisation.id }) }))).toMatchObject({ logoError: "logoTooLarge" });

    expect(await logoRow(organisation.id)).toBeNull();
    expect(await auditOf(organisation.id)).toEqual([]);
  });

  it("is for owners only, from Nida's own pages only", async () => {
    const { organisation, members } = await createOrganisationWithMembers({ organiser: "ORGANISER", viewer: "VIEWER" });
    const owner = await createMember(organisation.id, "OWNER", "owner");
    const file = { bytes: await png(), name: "logo.png", type: "image/png" };
    for (const actor of [members.organiser, members.viewer]) {
      session.actor = actor;
      expect((await upload(organisation.id, file)).status).toBe(403);
    }
    session.actor = null;
    const anonymous = await upload(organisation.id, file);
    expect(anonymous.status).toBe(303);
    expect(new URL(anonymous.headers.get("location")!).pathname).toBe("/ar/organiser/sign-in");
    session.actor = owner;
    expect((await upload(organisation.id, file, { origin: "https://attacker.example" })).status).toBe(403);
    expect(await logoRow(organisation.id)).toBeNull();
    expect(await auditOf(organisation.id)).toEqual([]);
  });
});

describe("where the profile is shown", () => {
  it("campaign page, open API and digests carry the profile; the digest's replies go to the public contact address", async () => {
    const campaign = await createCampaign({ digestCadence: "WEEKLY", goals: [1_000_000] });
    const organisationId = campaign.owners[0]!.organisationId;
    const owner = await createMember(organisationId, "OWNER", "owner");
    await updateOrganisationProfile({ actor: owner, organisationId, input: { ...profile, nameAr: "" } });
    session.actor = owner;
    outcome(await upload(organisationId, { bytes: await png(), name: "logo.png", type: "image/png" }));
    const logo = (await logoRow(organisationId))!;

    const page = (await loadCampaignPage({ id: campaign.id }))!;
    expect(page.owners[0]!.name).toEqual({ en: profile.name });
    expect(page.owners[0]).toMatchObject({
      name: { en: profile.name },
      description: { en: profile.description, ar: profile.descriptionAr },
      website: profile.website,
      contactEmail: profile.contactEmail,
      logo: { large: `/media/org-logos/${logo.largeSha256}.webp`, small: `/media/org-logos/${logo.smallSha256}.webp` },
      lead: true,
    });

    const api = await getApiCampaign({ slug: campaign.slug });
    expect(campaignDetail.safeParse(api).success).toBe(true);
    expect(api.owners).toEqual([
      {
        slug: page.owners[0]!.slug,
        name: { en: profile.name },
        description: { en: profile.description, ar: profile.descriptionAr },
        website: profile.website,
        contactEmail: profile.contactEmail,
        logo: { large: `${env.APP_URL}/media/org-logos/${logo.largeSha256}.webp`, small: `${env.APP_URL}/media/org-logos/${logo.smallSha256}.webp` },
        lead: true,
      },
    ]);

    const recipient = await db.decisionMaker.create({
      data: { organisationId, name: { ar: "وزير الخارجية" }, title: { en: "Minister" }, institution: { en: "Ministry" }, country: "GB", email: uniqueEmail("dm"), preferredLocale: "ar" },
    });
    await db.campaignTarget.create({ data: { campaignId: campaign.id, decisionMakerId: recipient.id } });
    await insertConfirmedSignatures((text, params) => db.$executeRawUnsafe(text, ...params), { campaignId: campaign.id, count: 3, prefix: `op-${randomUUID().slice(0, 8)}`, firstConfirmedAt: new Date(Date.now() - 3_600_000), secondsApart: 0 });
    await db.$transaction((tx) => addConfirmed(tx, campaign.id, 3));
    await runDigestJob({ campaignId: campaign.id });

    const message = await latestMailTo(recipient.email, { template: "digest" });
    expect(message.replyTo).toBe(profile.contactEmail);
    const mail = await renderTemplate("digest", message.payload as DigestProps);
    expect(mail.text).toContain(profile.contactEmail);
    expect(mail.text).toContain(profile.website);
    expect(mail.text).toContain(`تصل الردود على هذه الرسالة إلى ${isolate(profile.contactEmail)}`);
    // No Arabic name: the English one, marked as English, inside the Arabic mail.
    expect(mail.html).toContain(`<bdi lang="en" dir="ltr">${profile.name}</bdi>`);
  });
});
