import { describe, expect, it } from "vitest";
import { confirmedCount } from "../../lib/campaigns/counters";
import { db } from "../../lib/db";
import { signPetition } from "../../lib/signatures/sign-petition";
import { createCampaign, signInput } from "../fixtures/factories";

describe("signPetition", () => {
  it("stores one pending signature and one outbox message, without counting it", async () => {
    const campaign = await createCampaign();
    const input = signInput();
    await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: "203.0.113.9" });
    const signatures = await db.signature.findMany({ where: { campaignId: campaign.id } });
    expect(signatures).toHaveLength(1);
    expect(signatures[0]?.state).toBe("PENDING");
    const outbox = await db.outboxMessage.findMany({ where: { toAddress: input.email } });
    expect(outbox).toHaveLength(1);
    expect(await confirmedCount(campaign.id)).toBe(0);
  });
});
