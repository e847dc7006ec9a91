// npm run keys:reseal: after a new generation of data keys, every lasting value is sealed again
// under it and still opens to what the signer wrote; the older keys, held by nothing any more, are
// destroyed; and running it again finds nothing left to do.
import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { emailHash } from "../../../lib/sealing/lookup";
import { beginResealing, resealRows, retireResealedKeys } from "../../../lib/sealing/reseal";
import { campaignScope } from "../../../lib/sealing/seal";
import { openSignatures, openSupporterEmails } from "../../../lib/sealing/signer-data";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { createCampaign, signInput, uniqueEmail } from "../../fixtures/factories";
import { setUpOwnDatabase } from "../../fixtures/own-database";

setUpOwnDatabase();

const keyIdOf = (sealed: string) => sealed.split(".")[1];

describe("npm run keys:reseal", () => {
  it("seals every signature and address again under the new generation, then destroys the old keys", async () => {
    const campaign = await createCampaign();
    const signers = [
      signInput({ name: "ليلى حداد", email: uniqueEmail("reseal"), postcode: "A1 1AA", comment: "أوقفوا القصف" }),
      signInput({ name: "Omar Khalil", email: uniqueEmail("reseal") }),
    ];
    for (const [index, input] of signers.entries()) {
      await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: `100.96.7.${index + 1}` });
    }
    const read = async () => ({
      signatures: await db.signature.findMany({ where: { campaignId: campaign.id }, select: { id: true, name: true, postcode: true, comment: true }, orderBy: { createdAt: "asc" } }),
      supporters: await db.supporter.findMany({ where: { emailHash: { in: signers.map((input) => emailHash(input.email)) } }, select: { emailHash: true, email: true } }),
    });
    const before = await read();
    const firstKey = (await db.dataKey.findFirstOrThrow({ where: { scope: campaignScope(campaign.id) } })).id;
    expect(before.signatures.map((row) => keyIdOf(row.name))).toEqual([firstKey, firstKey]);

    expect(await beginResealing(db)).toBeGreaterThanOrEqual(2);
    const resealed = await resealRows(db);
    expect(resealed.signatures).toBe(2);
    expect(resealed.supporters).toBe(2);

    const after = await read();
    const newKey = (await db.dataKey.findFirstOrThrow({ where: { scope: campaignScope(campaign.id), generation: 2 } })).id;
    expect(after.signatures.map((row) => keyIdOf(row.name))).toEqual([newKey, newKey]);
    expect(keyIdOf(after.signatures[0]!.comment!)).toBe(newKey);
    const opened = await openSignatures(after.signatures);
    expect(opened.map((row) => [row.name, row.postcode, row.comment])).toEqual([
      ["ليلى حداد", "A1 1AA", "أوقفوا القصف"],
      ["Omar Khalil", null, null],
    ]);
    expect((await openSupporterEmails(after.supporters)).map((row) => row.email).sort()).toEqual(signers.map((input) => input.email).sort());

    // The campaign's first key holds nothing any more: destroyed, with what it sealed in any copy.
    await retireResealedKeys(db);
    expect((await db.dataKey.findUniqueOrThrow({ where: { id: firstKey } })).wrapped).toBeNull();
    expect(await resealRows(db)).toEqual({ signatures: 0, paper_signatures: 0, supporters: 0 });

    // New signatures are sealed under the new generation.
    await signPetition({ campaignSlug: campaign.slug, input: signInput({ email: uniqueEmail("reseal") }), locale: "en", ipAddress: "100.96.7.9" });
    const latest = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id }, orderBy: { createdAt: "desc" } });
    expect(keyIdOf(latest.name)).toBe(newKey);
  });
});
