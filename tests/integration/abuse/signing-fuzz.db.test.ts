import fc from "fast-check";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { db } from "../../../lib/db";
import { isAppError } from "../../../lib/errors";
import { openSignatures, openSupporterEmail } from "../../../lib/sealing/signer-data";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { createCampaign } from "../../fixtures/factories";
import { mailsTo } from "../../fixtures/sealed-mail";
import { signPayload } from "../../fixtures/sign-payloads";

// The share of the fuzzing that goes through the database (the 10,000 pure-validation runs are in
// tests/unit/abuse/sign-input-fuzz.test.ts).
describe("signing with hostile input, through the database", () => {
  it("never fails with anything but a validation error, stores nothing for invalid input, and stores values that render inert", async () => {
    const campaign = await createCampaign();
    let run = 0;
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(signPayload, async (payload) => {
        run++;
        const before = await db.signature.count({ where: { campaignId: campaign.id } });
        const started = new Date(Date.now() - 1_000);
        let refused = false;
        try {
          const result = await signPetition({ campaignSlug: campaign.slug, input: payload, locale: run % 2 ? "en" : "ar", ipAddress: `10.9.${Math.floor(run / 256) % 256}.${run % 256}` });
          expect(result).toEqual({ campaignSlug: campaign.slug });
        } catch (error) {
          // Anything else would be a 500 for the signer.
          if (!isAppError(error, "VALIDATION")) throw error;
          refused = true;
        }
        const after = await db.signature.count({ where: { campaignId: campaign.id } });
        if (refused) {
          expect(after).toBe(before);
          // (An empty address is what erasure leaves in the outbox, so there is nothing to look for.)
          if (typeof payload.email === "string" && payload.email.trim() !== "" && !/[\u0000\p{Cs}]/u.test(payload.email)) expect(await mailsTo(payload.email, { createdAt: { gte: started } })).toHaveLength(0);
        } else if (after > before) {
          stored++;
        }
      }),
      { numRuns: 300 },
    );
    expect(stored).toBeGreaterThan(3);

    // Whatever was stored, opened and shown the way pages show it, is text.
    const sealed = await db.signature.findMany({ where: { campaignId: campaign.id }, select: { id: true, name: true, comment: true, postcode: true, supporter: { select: { email: true, emailHash: true } } } });
    const rows = await Promise.all((await openSignatures(sealed)).map(async (row) => ({ ...row, email: row.supporter ? await openSupporterEmail(row.supporter) : "" })));
    const html = renderToString(createElement("ul", null, ...rows.map((row, index) => createElement("li", { key: index, title: row.name }, row.name, row.comment ?? "", row.postcode ?? "", row.email))));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
  }, 180_000);
});
