import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadActor } from "../../../lib/auth/authorize";
import { createCampaign } from "../../../lib/campaigns/editor/create-campaign";
import { getCampaignForEditing } from "../../../lib/campaigns/editor/get-campaign-for-editing";
import { updateCampaign } from "../../../lib/campaigns/editor/update-campaign";
import { db } from "../../../lib/db";
import { uniqueEmail } from "../../fixtures/factories";

async function organiser() {
  const suffix = randomUUID().slice(0, 8);
  const organisation = await db.organisation.create({ data: { slug: `retention-org-${suffix}`, name: { en: `Retention Org ${suffix}` } } });
  const user = await db.user.create({ data: { email: uniqueEmail("organiser"), memberships: { create: [{ organisationId: organisation.id, role: "ORGANISER" }] } } });
  return { organisation, actor: (await loadActor(user.id))! };
}

const form = (overrides: Record<string, unknown> = {}) => ({
  primaryLocale: "en",
  title: { en: `Retention ${randomUUID().slice(0, 8)}` },
  summary: { en: "A campaign." },
  goals: "100",
  demands: [],
  decisionMakerIds: [],
  ...overrides,
});

describe("the retention period in the campaign editor", () => {
  it("is 6 months unless the organiser sets another, and is saved with the campaign", async () => {
    const { organisation, actor } = await organiser();
    const { id } = await createCampaign({ actor, organisationId: organisation.id, input: form() });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).retentionMonths).toBe(6);

    await updateCampaign({ actor, campaignId: id, input: form({ retentionMonths: "18" }) });
    expect((await db.campaign.findUniqueOrThrow({ where: { id } })).retentionMonths).toBe(18);
    expect((await getCampaignForEditing({ actor, campaignId: id })).retentionMonths).toBe(18);
  });
});
