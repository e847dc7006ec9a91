import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { db } from "../../../lib/db";
import { listPublicSigners } from "../../../lib/privacy/public-signers";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { createCampaign, signInput } from "../../fixtures/factories";
import { latestMailTo } from "../../fixtures/sealed-mail";

async function signAndConfirm(campaign: { slug: string }, overrides: Record<string, unknown>) {
  const input = signInput(overrides) as { email: string };
  await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: "192.0.2.80" });
  const message = await latestMailTo(input.email, { template: "confirm-signature" });
  await confirmSignature({ token: (message.payload as unknown as ConfirmSignatureProps).confirmUrl.split("/").pop()! });
}

describe("recent signers", () => {
  it("lists only confirmed signers who opted in, by first name and country", async () => {
    const campaign = await createCampaign();
    await signAndConfirm(campaign, { name: "Layla Haddad", country: "SY", showPublicly: "on" });
    await signAndConfirm(campaign, { name: "Omar Khalil", country: "DE" });
    await signPetition({ campaignSlug: campaign.slug, input: signInput({ name: "Pending Person", showPublicly: "on" }), locale: "en", ipAddress: "192.0.2.81" });

    const signers = await listPublicSigners({ campaignId: campaign.id });
    expect(signers.map(({ firstName, country }) => ({ firstName, country }))).toEqual([{ firstName: "Layla", country: "SY" }]);
  });

  it("an anonymised signer is no longer listed", async () => {
    const campaign = await createCampaign();
    await signAndConfirm(campaign, { name: "سارة العلي", country: "TR", showPublicly: "on" });
    expect((await listPublicSigners({ campaignId: campaign.id })).map((s) => s.firstName)).toEqual(["سارة"]);
    await db.signature.updateMany({ where: { campaignId: campaign.id }, data: { anonymisedAt: new Date() } });
    expect(await listPublicSigners({ campaignId: campaign.id })).toEqual([]);
  });
});
