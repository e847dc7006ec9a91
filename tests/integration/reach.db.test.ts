import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../emails/confirm-signature";
import { getCampaignProgress } from "../../lib/campaigns/get-campaign-progress";
import { signatureSources } from "../../lib/campaigns/signature-sources";
import { db } from "../../lib/db";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { signPetition } from "../../lib/signatures/sign-petition";
import { expectAppError } from "../fixtures/app-errors";
import { createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { createMember, createOrganisationWithMembers } from "../fixtures/organisers";
import { openOutbox } from "../fixtures/sealed-mail";
import { supporterWithEmail } from "../fixtures/sealed-signers";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

let signers = 0;

async function signFrom(campaign: Campaign, source: string | null, options: { confirm?: boolean } = {}): Promise<void> {
  const email = uniqueEmail();
  // Each signer from an address of their own, well under the rate limits.
  signers += 1;
  await signPetition({ campaignSlug: campaign.slug, input: signInput({ email }), locale: "en", ipAddress: `203.0.113.${signers % 250}`, source });
  const signature = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporter: supporterWithEmail(email) }, select: { id: true } });
  if (options.confirm === false) return;
  const message = await openOutbox(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: `confirm-signature:${signature.id}:1` } }));
  const { confirmUrl } = message.payload as unknown as ConfirmSignatureProps;
  await confirmSignature({ token: confirmUrl.slice(confirmUrl.lastIndexOf("/") + 1) });
}

describe("signatureSources", () => {
  it("counts confirmed signatures per channel; untagged and unknown tags count as direct", async () => {
    const campaign = await createCampaign();
    const viewer = await createMember(campaign.owners[0]!.organisationId, "VIEWER");
    await signFrom(campaign, "whatsapp");
    await signFrom(campaign, "whatsapp");
    await signFrom(campaign, "embed");
    await signFrom(campaign, null);
    await signFrom(campaign, "not-a-channel");
    await signFrom(campaign, "telegram", { confirm: false });

    expect(await signatureSources({ actor: viewer, campaignId: campaign.id })).toEqual([
      { channel: "direct", count: 2 },
      { channel: "whatsapp", count: 2 },
      { channel: "embed", count: 1 },
    ]);
  });

  it("is only for members of the campaign's organisations", async () => {
    const campaign = await createCampaign();
    const { members } = await createOrganisationWithMembers({ outsider: "OWNER" });
    // As for every organiser read: to an outsider the campaign does not exist.
    await expectAppError(signatureSources({ actor: members.outsider, campaignId: campaign.id }), "NOT_FOUND");
  });
});

describe("getCampaignProgress", () => {
  it("follows confirmations, and has nothing for drafts or unknown campaigns", async () => {
    const campaign = await createCampaign({ goals: [2, 10] });
    expect(await getCampaignProgress(campaign.slug)).toEqual({ count: 0, goal: 2, percent: 0, reachedAll: false });
    await signFrom(campaign, null);
    await signFrom(campaign, null);
    expect(await getCampaignProgress(campaign.slug)).toEqual({ count: 2, goal: 10, percent: 20, reachedAll: false });

    const draft = await createCampaign({ status: "DRAFT" });
    expect(await getCampaignProgress(draft.slug)).toBeNull();
    expect(await getCampaignProgress("no-such-campaign")).toBeNull();
  });
});
