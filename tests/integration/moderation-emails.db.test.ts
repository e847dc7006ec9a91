import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "../../lib/auth/authorize";
import { db } from "../../lib/db";
import { exportColumns } from "../../lib/exports/csv";
import { exportSignaturesCsv } from "../../lib/exports/export-signatures-csv";
import type { MemberRole } from "../../lib/generated/prisma/enums";
import { maskEmail } from "../../lib/moderation/mask-email";
import { searchSignatures } from "../../lib/moderation/search-signatures";
import { sealSignatureFields, sealSupporterEmail } from "../../lib/sealing/signer-data";
import { streamChunks } from "../fixtures/bulk-signatures";
import { createCampaign, uniqueEmail } from "../fixtures/factories";

// The signatures table shows an organiser a signer's address only where the CSV export would give
// it to them: the signer agreed to hear from the organiser's organisation and has not unsubscribed
// or been erased since. Everyone else's address is masked, and an address typed in the search box
// finds only addresses the organiser may see.

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function memberOf(organisationId: string, role: MemberRole): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail(role.toLowerCase()) } });
  await db.membership.create({ data: { userId: user.id, organisationId, role } });
  return (await loadActor(user.id))!;
}

async function signer(campaign: Campaign, name: string, options: { consentTo?: string[]; unsubscribed?: boolean; erased?: boolean } = {}) {
  const tag = randomUUID().slice(0, 8);
  // The address's local part is not made of the name's words: searching by it must not find the name.
  const email = `${name.toLowerCase()}.${randomUUID().slice(0, 8)}@example.org`;
  const supporter = await db.supporter.create({
    data: { ...(await sealSupporterEmail(email)), unsubscribedAt: options.unsubscribed ? new Date() : null, erasedAt: options.erased ? new Date() : null },
  });
  const id = randomUUID();
  await db.signature.create({
    data: {
      id,
      campaignId: campaign.id,
      supporterId: supporter.id,
      state: "CONFIRMED",
      confirmedAt: new Date(),
      ...(await sealSignatureFields(campaign.id, id, { name: `${name} ${tag}` })),
      country: "SY",
      locale: "en",
      emailDomain: "example.org",
      consents: { create: (options.consentTo ?? []).map((organisationId) => ({ organisationId })) },
    },
  });
  return { email, name: `${name} ${tag}` };
}

async function exportedEmails(actor: Actor, campaign: Campaign): Promise<Map<string, string>> {
  const csv = await exportSignaturesCsv({ actor, campaignId: campaign.id });
  const chunks: Uint8Array[] = [];
  for await (const chunk of streamChunks(csv.stream)) chunks.push(chunk);
  const records = parse(Buffer.concat(chunks).toString("utf8").slice(1)) as string[][];
  const name = exportColumns.indexOf("name");
  const email = exportColumns.indexOf("email");
  return new Map(records.slice(1).map((record) => [record[name]!, record[email]!]));
}

async function tableEmails(actor: Actor, campaign: Campaign, filters: Record<string, unknown> = {}): Promise<Map<string, string>> {
  const result = await searchSignatures({ actor, campaignId: campaign.id, filters, pageSize: 100 });
  return new Map(result.rows.map((row) => [row.name, row.email]));
}

describe("e-mail addresses in the signatures table", () => {
  let campaign: Campaign;
  let lead: string;
  let partner: string;
  let signers: Record<"consented" | "partnerOnly" | "noConsent" | "unsubscribed" | "erased" | "both", Awaited<ReturnType<typeof signer>>>;

  beforeAll(async () => {
    campaign = await createCampaign({ coOwners: 1 });
    lead = campaign.owners[0]!.organisationId;
    partner = campaign.owners[1]!.organisationId;
    signers = {
      consented: await signer(campaign, "Layla", { consentTo: [lead] }),
      partnerOnly: await signer(campaign, "Omar", { consentTo: [partner] }),
      noConsent: await signer(campaign, "Maryam"),
      unsubscribed: await signer(campaign, "Yusuf", { consentTo: [lead], unsubscribed: true }),
      erased: await signer(campaign, "Huda", { consentTo: [lead], erased: true }),
      both: await signer(campaign, "Rami", { consentTo: [lead, partner] }),
    };
  });

  it("shows an organiser the address of a signer who agreed to hear from their organisation, and masks the others", async () => {
    const organiser = await memberOf(lead, "ORGANISER");
    const shown = await tableEmails(organiser, campaign);
    expect(Object.fromEntries(Object.entries(signers).map(([key, s]) => [key, shown.get(s.name)]))).toEqual({
      consented: signers.consented.email,
      partnerOnly: maskEmail(signers.partnerOnly.email),
      noConsent: maskEmail(signers.noConsent.email),
      unsubscribed: maskEmail(signers.unsubscribed.email),
      erased: maskEmail(signers.erased.email),
      both: signers.both.email,
    });
  });

  it("gives each organisation of a coalition its own consenters' addresses, as the export does", async () => {
    for (const organisationId of [lead, partner]) {
      const organiser = await memberOf(organisationId, "OWNER");
      const shown = await tableEmails(organiser, campaign);
      const exported = await exportedEmails(organiser, campaign);
      expect([...exported.keys()].sort()).toEqual([...shown.keys()].sort());
      for (const [name, email] of exported) {
        // Where the export leaves the address out, the table masks it; where it gives it, so does the table.
        expect(shown.get(name), name).toBe(email === "" ? maskEmail(addressOf(name)) : email);
      }
    }
    const partnerOrganiser = await memberOf(partner, "ORGANISER");
    const partnerView = await tableEmails(partnerOrganiser, campaign);
    expect(partnerView.get(signers.partnerOnly.name)).toBe(signers.partnerOnly.email);
    expect(partnerView.get(signers.consented.name)).toBe(maskEmail(signers.consented.email));
  });

  it("finds by a whole address typed in the search box only the addresses the organiser may see; the e-mail filter still finds its row, masked", async () => {
    const organiser = await memberOf(lead, "ORGANISER");
    expect([...(await tableEmails(organiser, campaign, { text: signers.consented.email.toUpperCase() })).values()]).toEqual([signers.consented.email]);
    // An address nobody let this organisation see finds nothing, whole or in part.
    for (const key of ["partnerOnly", "noConsent", "unsubscribed"] as const) {
      const email = signers[key].email;
      expect((await tableEmails(organiser, campaign, { text: email })).size, key).toBe(0);
      expect((await tableEmails(organiser, campaign, { text: email.split("@")[0]! })).size, key).toBe(0);
    }
    // The name still finds the signer, with the address masked.
    expect([...(await tableEmails(organiser, campaign, { text: signers.noConsent.name })).values()]).toEqual([maskEmail(signers.noConsent.email)]);
    // A moderator who already knows a whole address (a signer asking to withdraw) finds its row, and learns nothing new from it.
    expect([...(await tableEmails(organiser, campaign, { email: signers.noConsent.email.toUpperCase() })).values()]).toEqual([maskEmail(signers.noConsent.email)]);
  });

  it("still masks every address for a viewer, consenting or not", async () => {
    const viewer = await memberOf(lead, "VIEWER");
    const shown = await tableEmails(viewer, campaign);
    for (const s of Object.values(signers)) expect(shown.get(s.name)).toBe(maskEmail(s.email));
    expect((await tableEmails(viewer, campaign, { text: signers.consented.email })).size).toBe(0);
  });

  function addressOf(name: string): string {
    return Object.values(signers).find((s) => s.name === name)!.email;
  }
});
