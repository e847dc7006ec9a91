import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { confirmedCount } from "../../../lib/campaigns/counters";
import { db } from "../../../lib/db";
import { Prisma } from "../../../lib/generated/prisma/client";
import { renderTemplate } from "../../../lib/mail/templates";
import { sealMail } from "../../../lib/mail/sealed-mail";
import { mailboxTransport } from "../../../lib/mail/transport";
import { describeErasure, eraseSupporter } from "../../../lib/privacy/erase-supporter";
import { emailHash } from "../../../lib/sealing/lookup";
import { openSignature, openSupporterEmail } from "../../../lib/sealing/signer-data";
import { hashIp } from "../../../lib/secrets";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { expectAppError } from "../../fixtures/app-errors";
import { createCampaign, signInput, uniqueEmail } from "../../fixtures/factories";
import { campaignCounts, findPersonalData } from "../../fixtures/personal-data-scan";
import { latestMailTo, openOutbox } from "../../fixtures/sealed-mail";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

// A signer with values found nowhere else in the database, so a scan for them means something.
function uniqueSigner() {
  const tag = randomUUID().slice(0, 8);
  // An address from a block no other file signs from (100.64.0.0/11): other files sign from
  // 198.51.100.x on the same PostgreSQL database, and a signer of theirs with this address would
  // leave its rate-limit window, on another campaign, holding the same IP hash.
  const ip = `100.${64 + (Number.parseInt(tag.slice(0, 2), 16) % 32)}.${Number.parseInt(tag.slice(2, 4), 16)}.${Number.parseInt(tag.slice(4, 6), 16)}`;
  return {
    input: signInput({ name: `Layla Erasable${tag}`, email: uniqueEmail("erase"), postcode: `PC${tag.slice(0, 6)}`, comment: `Stop the bombing of Idlib ${tag}` }),
    ip,
    tag,
  };
}

type Signer = ReturnType<typeof uniqueSigner>;

function personalValues(signer: Signer): string[] {
  const input = signer.input as { name: string; email: string; postcode: string; comment: string };
  return [input.name, input.email, input.postcode, input.comment, hashIp(signer.ip)!];
}

async function latestConfirmationProps(email: string): Promise<ConfirmSignatureProps> {
  const message = await latestMailTo(email, { template: "confirm-signature" });
  return message.payload as unknown as ConfirmSignatureProps;
}

const tokenOf = (url: string) => url.split("/").pop()!;

// An endpoint of the campaign's organisation that receives signers' names and e-mails.
async function addPersonalDataWebhook(campaign: Campaign) {
  await db.webhookEndpoint.create({
    data: { organisationId: campaign.owners[0]!.organisationId, url: "https://hooks.example.org/nida", secret: "s", events: ["signature.confirmed"], includePersonalData: true },
  });
}

// Signs, confirms, and leaves the signer's traces wherever Nida can hold them: the outbox, the
// development mailbox, a webhook delivery with personal data, a letter, a digest quoting them.
async function signConfirmAndSpread(campaign: Campaign, signer: Signer) {
  const input = signer.input as { name: string; email: string; comment: string };
  await signPetition({ campaignSlug: campaign.slug, input: signer.input, locale: "en", ipAddress: signer.ip });
  const props = await latestConfirmationProps(input.email);
  const rendered = await renderTemplate("confirm-signature", props);
  const signed = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporter: { emailHash: emailHash(input.email) } } });
  // The development mailbox's copy, as the outbox worker would make it (without sending other tests' mail).
  await mailboxTransport().deliver({ ...rendered, to: input.email, from: "Nida <noreply@nida.test>", idempotencyKey: `confirm-signature:${signed.id}:1` });
  expect(await db.devMail.count({ where: { outboxKey: `confirm-signature:${signed.id}:1` } })).toBe(1);
  await confirmSignature({ token: tokenOf(props.confirmUrl) });
  const signature = await db.signature.findUniqueOrThrow({ where: { id: signed.id } });
  expect(await db.webhookDelivery.count({ where: { signatureId: signature.id, personalData: { not: Prisma.DbNull } } })).toBe(1);

  const decisionMaker = await db.decisionMaker.create({
    data: { name: { en: "A Minister" }, institution: { en: "A Ministry" }, country: "DE", email: uniqueEmail("minister") },
  });
  const letterKey = `letter:${randomUUID()}`;
  await db.letter.create({
    data: { campaignId: campaign.id, decisionMakerId: decisionMaker.id, signatureId: signature.id, supporterId: signature.supporterId, locale: "en", subject: "Protect civilians", outboxKey: letterKey },
  });
  await db.outboxMessage.create({
    data: await sealMail({
      idempotencyKey: letterKey,
      template: "letter",
      toAddress: decisionMaker.email,
      replyTo: input.email,
      cc: input.email,
      locale: "en" as const,
      payload: { from: input.name, personalLine: input.comment },
    }),
  });
  // A digest to a decision-maker that quotes the signer's comment.
  const digestKey = `digest:${randomUUID()}`;
  await db.outboxMessage.create({
    data: await sealMail({
      idempotencyKey: digestKey,
      template: "digest",
      toAddress: decisionMaker.email,
      locale: "en" as const,
      payload: { totalSignatures: 2, comments: [{ text: input.comment, country: "SY", signature: signature.id }] },
    }),
  });
  return { props, signature, letterKey, digestKey, decisionMaker };
}

describe("erasing one's data", () => {
  it("removes the signer's personal data from every table at once and keeps the counts", async () => {
    const campaign = await createCampaign();
    const other = await createCampaign();
    const signer = uniqueSigner();
    const bystander = uniqueSigner();
    await addPersonalDataWebhook(campaign);
    const { props, signature, letterKey, digestKey, decisionMaker } = await signConfirmAndSpread(campaign, signer);
    // The same person on a second campaign: erasure covers every campaign they signed.
    await signPetition({ campaignSlug: other.slug, input: { ...signer.input, comment: "" }, locale: "en", ipAddress: signer.ip });
    const bystanderSpread = await signConfirmAndSpread(campaign, bystander);

    const before = await campaignCounts(campaign.id);
    expect(before.counted).toBe(2);
    expect(await findPersonalData(personalValues(signer))).not.toEqual([]);

    const eraseToken = tokenOf(props.supporterLinks!.eraseUrl);
    expect(await describeErasure({ token: eraseToken })).toEqual({ signatures: 2 });
    // Showing the page changes nothing.
    expect(await findPersonalData(personalValues(signer))).not.toEqual([]);

    expect(await eraseSupporter({ token: eraseToken })).toEqual({ signatures: 2 });

    expect(await findPersonalData(personalValues(signer))).toEqual([]);
    // Sealed, their webhook data and mailbox copy would escape the scan: they are gone too.
    expect(await db.webhookDelivery.count({ where: { signatureId: signature.id, personalData: { not: Prisma.DbNull } } })).toBe(0);
    expect(await db.devMail.count({ where: { outboxKey: `confirm-signature:${signature.id}:1` } })).toBe(0);
    expect(await campaignCounts(campaign.id)).toEqual(before);
    expect(await confirmedCount(campaign.id)).toBe(2);
    const kept = await db.signature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(kept).toMatchObject({ supporterId: null, state: "CONFIRMED", country: "SY", name: "", nameWords: [], postcode: null, comment: null, ipHash: null });
    expect(await db.supporter.count({ where: { emailHash: emailHash((signer.input as { email: string }).email) } })).toBe(0);
    expect(kept.anonymisedAt).not.toBeNull();
    expect(kept.confirmedAt).toEqual(signature.confirmedAt);
    // The letter still shows who it went to; the decision-maker's address was never the signer's.
    const letterMail = await openOutbox(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: letterKey } }));
    expect(letterMail).toMatchObject({ toAddress: decisionMaker.email, replyTo: null, cc: null, payload: null, status: "FAILED" });
    // The digest not yet sent (sealed, so only opened can tell) no longer quotes them; the other signer's still does.
    const quoted = async (key: string) => ((await openOutbox(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: key } }))).payload as { comments: { text: string }[] }).comments.map((comment) => comment.text);
    expect(await quoted(digestKey)).toEqual([]);
    expect(await quoted(bystanderSpread.digestKey)).toEqual([(bystander.input as { comment: string }).comment]);
    // The other signer is untouched: their letter, their signature and their address still open to what they gave.
    const bystanderInput = bystander.input as { name: string; email: string; postcode: string; comment: string };
    expect(await openOutbox(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: bystanderSpread.letterKey } }))).toMatchObject({
      toAddress: bystanderSpread.decisionMaker.email,
      replyTo: bystanderInput.email,
      cc: bystanderInput.email,
      payload: { from: bystanderInput.name, personalLine: bystanderInput.comment },
    });
    const bystanderRow = await db.signature.findFirstOrThrow({
      where: { campaignId: campaign.id, supporter: { emailHash: emailHash(bystanderInput.email) } },
      select: { id: true, name: true, postcode: true, comment: true, supporter: { select: { email: true, emailHash: true } } },
    });
    expect(await openSignature(bystanderRow)).toMatchObject({ name: bystanderInput.name, postcode: bystanderInput.postcode, comment: bystanderInput.comment });
    expect(await openSupporterEmail(bystanderRow.supporter!)).toBe(bystanderInput.email);

    // The link is spent with the data: it now says it does not work, and erasing again does nothing.
    await expectAppError(describeErasure({ token: eraseToken }), "TOKEN_INVALID");
    await expectAppError(eraseSupporter({ token: eraseToken }), "TOKEN_INVALID");
  }, 120_000);

  it("stops mail that was still waiting to be sent", async () => {
    const campaign = await createCampaign();
    const signer = uniqueSigner();
    const email = (signer.input as { email: string }).email;
    await signPetition({ campaignSlug: campaign.slug, input: signer.input, locale: "ar", ipAddress: signer.ip });
    const props = await latestConfirmationProps(email);
    // An update to them waits too, addressed to them as a supporter (their address sealed).
    const supporter = await db.supporter.findUniqueOrThrow({ where: { emailHash: emailHash(email) } });
    const updateKey = `update:${randomUUID()}:${supporter.id}`;
    await db.outboxMessage.create({
      data: { idempotencyKey: updateKey, template: "supporter-update", toAddress: supporter.email, supporterId: supporter.id, locale: "ar", payload: { updateId: "u", locale: "ar" } },
    });
    await eraseSupporter({ token: tokenOf(props.supporterLinks!.eraseUrl) });
    const signatures = await db.signature.findMany({ where: { campaignId: campaign.id } });
    expect(signatures).toHaveLength(1);
    const messages = await db.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: `confirm-signature:${signatures[0]!.id}:` } } });
    expect(messages.map((m) => [m.status, m.toAddress, m.payload])).toEqual([["FAILED", "", null]]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: updateKey } })).toMatchObject({ status: "FAILED", toAddress: "", payload: null, supporterId: null });
    expect(await findPersonalData(personalValues(signer))).toEqual([]);
  });

  it("refuses a link that is not an erase link", async () => {
    await expectAppError(eraseSupporter({ token: "x".repeat(43) }), "TOKEN_INVALID");
    await expectAppError(eraseSupporter({ token: "short" }), "TOKEN_INVALID");
  });
});
