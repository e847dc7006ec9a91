import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { signPetition } from "../../lib/signatures/sign-petition";
import { createCampaign, signInput } from "../fixtures/factories";
import { mailsTo, signatureOf } from "./abuse/helpers";

// What the answer waits for must not depend on whether the address signed before: the e-mail sent
// again to someone signing again is written once the answer has gone (app/ passes Next.js's
// after()), and a first signature is stored whole before its answer.
describe("signing again, answered before its e-mail is written", () => {
  function signing(campaign: { slug: string }, input: Record<string, unknown>, ip: string) {
    const later: (() => Promise<void>)[] = [];
    const answered = signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: ip, afterResponse: (task) => later.push(task) });
    return { answered, later };
  }

  it("stores a first signature and its e-mail before answering, and leaves nothing for afterwards", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    const first = signing(campaign, input, "198.51.100.31");
    await first.answered;
    expect(first.later).toHaveLength(0);
    expect((await signatureOf(campaign.id, input.email)).confirmationsSent).toBe(1);
    expect(await mailsTo(input.email)).toHaveLength(1);
  });

  it("answers someone signing again before writing the e-mail, which follows whole", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: "198.51.100.32" });

    const again = signing(campaign, input, "198.51.100.33");
    expect(await again.answered).toEqual({ campaignSlug: campaign.slug });
    // Answered: nothing of the second e-mail exists yet.
    expect(again.later).toHaveLength(1);
    const signature = await signatureOf(campaign.id, input.email);
    expect(signature.confirmationsSent).toBe(1);
    expect(await mailsTo(input.email)).toHaveLength(1);
    expect(await db.confirmationToken.count({ where: { signatureId: signature.id } })).toBe(1);

    // Then the e-mail, its new token and the count of e-mails, together.
    await again.later[0]!();
    expect((await signatureOf(campaign.id, input.email)).confirmationsSent).toBe(2);
    const mails = await mailsTo(input.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.template).toBe("confirm-signature");
    expect(await db.confirmationToken.count({ where: { signatureId: signature.id } })).toBe(2);
  });
});
