import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { db } from "../../../lib/db";
import { renderTemplate } from "../../../lib/mail/templates";
import { describeUnsubscribe, unsubscribeSupporter } from "../../../lib/privacy/unsubscribe";
import { emailHash } from "../../../lib/sealing/lookup";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { expectAppError } from "../../fixtures/app-errors";
import { createCampaign, signInput } from "../../fixtures/factories";
import { latestMailTo } from "../../fixtures/sealed-mail";

const { POST, GET } = await import("../../../app/api/unsubscribe/[token]/route");

async function signWithConsent(campaign: { slug: string }, consent = "on") {
  const input = signInput({ consent }) as { email: string };
  await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: "192.0.2.44" });
  const message = await latestMailTo(input.email, { template: "confirm-signature" });
  return { email: input.email, props: message.payload as unknown as ConfirmSignatureProps };
}

const tokenOf = (url: string) => url.split("/").pop()!;

// What a mail provider sends for RFC 8058: a POST from its own servers, no cookie, no Origin.
function oneClick(url: string) {
  const token = tokenOf(url);
  return POST(
    new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
    { params: Promise.resolve({ token }) },
  );
}

describe("one-click unsubscribe", () => {
  it("every confirmation e-mail carries List-Unsubscribe with a one-click POST and the erase link", async () => {
    const campaign = await createCampaign();
    const { props } = await signWithConsent(campaign);
    const rendered = await renderTemplate("confirm-signature", props);
    expect(rendered.headers).toEqual({
      "List-Unsubscribe": `<${props.supporterLinks!.oneClickUnsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(props.supporterLinks!.oneClickUnsubscribeUrl).toMatch(/^http:\/\/nida\.test\/api\/unsubscribe\/[A-Za-z0-9_-]{43}$/);
    expect(rendered.html).toContain(props.supporterLinks!.unsubscribeUrl);
    expect(rendered.html).toContain(props.supporterLinks!.eraseUrl);
    expect(rendered.text).toContain(props.supporterLinks!.eraseUrl);
  });

  it("a cookieless POST withdraws every consent, works twice, and keeps the signature counted", async () => {
    const campaign = await createCampaign({ coOwners: 1 });
    const other = await createCampaign();
    const { email, props } = await signWithConsent(campaign);
    await signPetition({ campaignSlug: other.slug, input: signInput({ email, consent: "on" }), locale: "en", ipAddress: "192.0.2.44" });
    await confirmSignature({ token: tokenOf(props.confirmUrl) });
    const supporter = await db.supporter.findFirstOrThrow({ where: { emailHash: emailHash(email) } });
    expect(await db.signatureConsent.count({ where: { signature: { supporterId: supporter.id } } })).toBe(3);
    expect(await describeUnsubscribe({ token: tokenOf(props.supporterLinks!.unsubscribeUrl) })).toEqual({ alreadyUnsubscribed: false, organisations: 3 });

    const first = await oneClick(props.supporterLinks!.oneClickUnsubscribeUrl);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const second = await oneClick(props.supporterLinks!.oneClickUnsubscribeUrl);
    expect(second.status).toBe(200);

    expect(await db.signatureConsent.count({ where: { signature: { supporterId: supporter.id } } })).toBe(0);
    const after = await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } });
    expect(after.unsubscribedAt).not.toBeNull();
    expect(await db.signature.count({ where: { supporterId: supporter.id } })).toBe(2);
    expect(await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporterId: supporter.id } })).toMatchObject({ state: "CONFIRMED" });
    expect(await describeUnsubscribe({ token: tokenOf(props.supporterLinks!.unsubscribeUrl) })).toEqual({ alreadyUnsubscribed: true, organisations: 0 });
    // The page's own button does the same, again without harm.
    expect(await unsubscribeSupporter({ token: tokenOf(props.supporterLinks!.unsubscribeUrl) })).toEqual({ withdrawn: 0 });
  });

  it("an unknown token is a 404 and a GET changes nothing", async () => {
    const response = await oneClick(`http://nida.test/api/unsubscribe/${"A".repeat(43)}`);
    expect(response.status).toBe(404);

    const campaign = await createCampaign();
    const { email, props } = await signWithConsent(campaign);
    const token = tokenOf(props.supporterLinks!.oneClickUnsubscribeUrl);
    const visit = await GET(new Request(props.supporterLinks!.oneClickUnsubscribeUrl), { params: Promise.resolve({ token }) });
    expect(visit.status).toBe(303);
    expect(visit.headers.get("location")).toBe(`http://nida.test/en/unsubscribe/${token}`);
    const supporter = await db.supporter.findFirstOrThrow({ where: { emailHash: emailHash(email) } });
    expect(await db.signatureConsent.count({ where: { signature: { supporterId: supporter.id } } })).toBe(1);
    expect(supporter.unsubscribedAt).toBeNull();
  });

  it("refuses an oversized body and a link of another purpose", async () => {
    const campaign = await createCampaign();
    const { props } = await signWithConsent(campaign);
    const token = tokenOf(props.supporterLinks!.oneClickUnsubscribeUrl);
    const big = await POST(new Request(props.supporterLinks!.oneClickUnsubscribeUrl, { method: "POST", body: "x".repeat(10_000) }), { params: Promise.resolve({ token }) });
    expect(big.status).toBe(413);
    await expectAppError(unsubscribeSupporter({ token: tokenOf(props.supporterLinks!.eraseUrl) }), "TOKEN_INVALID");
  });
});
