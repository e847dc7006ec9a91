import { describe, expect, it } from "vitest";
import { issueFormToken } from "../../../lib/abuse/form-guard";
import { db } from "../../../lib/db";
import { messages } from "../../../lib/i18n/translator";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { expectAppError } from "../../fixtures/app-errors";
import { createCampaign, signInput } from "../../fixtures/factories";
import { expectNothingStoredFor, signatureOf } from "./helpers";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;
const seconds = 1000;

function sign(campaign: Campaign, input: Record<string, unknown>, extra: { ip?: string; formGuard?: { honeypot: unknown; token: unknown } } = {}) {
  return signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: extra.ip ?? null, formGuard: extra.formGuard });
}

describe("bot defences", () => {
  it("discards a filled honeypot and a forged form, silently: the usual result and nothing stored", async () => {
    const campaign = await createCampaign();
    const honeypot = signInput();
    const forged = signInput();
    const person = signInput();
    const expected = { campaignSlug: campaign.slug };
    expect(await sign(campaign, honeypot, { formGuard: { honeypot: "http://spam.test", token: issueFormToken(campaign.slug, Date.now() - 60 * seconds) } })).toEqual(expected);
    expect(await sign(campaign, forged, { formGuard: { honeypot: "", token: `${Date.now() - 60 * seconds}.${"A".repeat(32)}` } })).toEqual(expected);
    expect(await sign(campaign, person, { formGuard: { honeypot: "", token: issueFormToken(campaign.slug, Date.now() - 20 * seconds) } })).toEqual(expected);

    for (const input of [honeypot, forged]) await expectNothingStoredFor(input.email);
    expect((await signatureOf(campaign.id, person.email)).state).toBe("PENDING");
  });

  // A campaign page comes from a cache, so the time it was rendered is no measure of how long its
  // reader took: a form sent back the moment the page was rendered is signed like any other.
  it("keeps a signature sent back at once after the page was rendered", async () => {
    const campaign = await createCampaign();
    const quick = signInput();
    await sign(campaign, quick, { formGuard: { honeypot: "", token: issueFormToken(campaign.slug, Date.now()) } });
    expect((await signatureOf(campaign.id, quick.email)).state).toBe("PENDING");
  });

  it("refuses an address at a disposable-mail provider with a clear message on the e-mail field", async () => {
    const campaign = await createCampaign();
    const input = signInput({ email: `someone.${Date.now()}@mailinator.com` });
    const error = await expectAppError(sign(campaign, input), "VALIDATION", { email: "emailDisposable" });
    expect(error.status).toBe(400);
    await expectNothingStoredFor(input.email);
    expect(messages.en.SignFormAbuse.errors.emailDisposable).toMatch(/permanent e-mail address/);
    expect(messages.ar.SignFormAbuse.errors.emailDisposable).toMatch(/البريد المؤقت/);
  });

  it("honours block and allow lists, global and the organisation's own", async () => {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const tag = campaign.slug;
    await db.accessRule.createMany({
      data: [
        { organisationId, kind: "IP_RANGE", effect: "BLOCK", pattern: "192.0.2.0/24" },
        { organisationId, kind: "EMAIL_DOMAIN", effect: "BLOCK", pattern: `*.${tag}.test` },
        { organisationId, kind: "EMAIL_ADDRESS", effect: "ALLOW", pattern: `ok@mail.${tag}.test` },
        // A disposable domain the organisation trusts (a partner's forwarding service, say).
        { organisationId, kind: "EMAIL_DOMAIN", effect: "ALLOW", pattern: "mailinator.com" },
        { organisationId: null, kind: "EMAIL_ADDRESS", effect: "BLOCK", pattern: `global.${tag}@example.org` },
      ],
    });
    const blockedIp = signInput();
    const blockedDomain = signInput({ email: `x@mail.${tag}.test` });
    const blockedGlobally = signInput({ email: `global.${tag}@example.org` });
    const allowed = signInput({ email: `ok@mail.${tag}.test` });
    const allowedDisposable = signInput({ email: `${tag}@mailinator.com` });
    for (const input of [blockedIp, blockedDomain, blockedGlobally, allowed, allowedDisposable]) {
      expect(await sign(campaign, input, { ip: input === blockedIp ? "192.0.2.44" : `198.51.100.${Math.floor(Math.random() * 200)}` })).toEqual({ campaignSlug: campaign.slug });
    }
    for (const input of [blockedIp, blockedDomain, blockedGlobally]) await expectNothingStoredFor(input.email);
    expect(await signatureOf(campaign.id, allowed.email)).toBeDefined();
    expect(await signatureOf(campaign.id, allowedDisposable.email)).toBeDefined();

    // Another organisation's campaign is not bound by these rules (the global one still holds).
    const other = await createCampaign();
    await sign(other, blockedIp, { ip: "192.0.2.44" });
    expect(await signatureOf(other.id, blockedIp.email)).toBeDefined();
    await db.accessRule.deleteMany({ where: { organisationId: null, pattern: `global.${tag}@example.org` } });
  });

  it("lets an allowed address range sign without rate limits", async () => {
    const campaign = await createCampaign();
    await db.accessRule.create({ data: { organisationId: campaign.owners[0]!.organisationId, kind: "IP_RANGE", effect: "ALLOW", pattern: "198.51.100.0/24" } });
    const inputs = [signInput(), signInput(), signInput()];
    for (const input of inputs) await sign(campaign, input, { ip: "198.51.100.99" });
    for (const input of inputs) expect((await signatureOf(campaign.id, input.email)).state).toBe("PENDING");
  });
});

describe("rules for every organisation", () => {
  it("are added once, validated, listed and removed from the command line's functions", async () => {
    const { addGlobalAccessRule, listGlobalAccessRules, removeGlobalAccessRule } = await import("../../../lib/abuse/global-rules");
    const pattern = `*.global-${Date.now()}-${Math.floor(Math.random() * 1e6)}.test`;
    await addGlobalAccessRule({ kind: "EMAIL_DOMAIN", effect: "BLOCK", pattern });
    await expectAppError(addGlobalAccessRule({ kind: "EMAIL_DOMAIN", effect: "BLOCK", pattern }), "VALIDATION", { pattern: "ruleExists" });
    await expectAppError(addGlobalAccessRule({ kind: "IP_RANGE", effect: "BLOCK", pattern: "not-a-range" }), "VALIDATION", { pattern: "ipRangeInvalid" });
    expect((await listGlobalAccessRules()).map((rule) => rule.pattern)).toContain(pattern);

    const campaign = await createCampaign();
    const input = signInput({ email: `x@a${pattern.slice(1)}` });
    await sign(campaign, input);
    await expectNothingStoredFor(input.email);
    expect(await removeGlobalAccessRule({ pattern })).toBe(1);
  });
});
