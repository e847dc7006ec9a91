import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { setCommentApproval, updateDeliverySettings } from "../../lib/deliveries/campaign-delivery";
import { runDigestJob } from "../../lib/digests/run-digest-job";
import { sendLetter } from "../../lib/letters/send-letter";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { isSealed } from "../../lib/sealing/seal";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { signPetition } from "../../lib/signatures/sign-petition";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { createMember } from "../fixtures/organisers";
import { supporterWithEmail } from "../fixtures/sealed-signers";

// Mail on its way holds nothing of a signer in plain text: not their address (to, Reply-To, copy),
// nor their name, comment or letter, in any column of any outbox row. The mail they and the
// decision-maker receive carries all of it.

const provider = capturedMailForTests({ clearBeforeEach: true });
const noPace = { acquire: async () => {} };
const letterBody = "I am writing to ask you to press for the protection of civilians in northwest Syria.";

// The outbox rows, every column as text, that hold any of these values (ignoring case).
async function outboxRowsHolding(values: string[]): Promise<string[]> {
  const patterns = values.map((value) => `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = await db.$queryRaw<{ text: string }[]>`
    SELECT row_to_json(m)::text AS text FROM outbox_messages m WHERE lower(row_to_json(m)::text) LIKE ANY(${patterns})`;
  return rows.map((row) => row.text.slice(0, 240));
}

describe("mail on its way", () => {
  it("holds no signer's name, address, comment or letter in plain text, and delivers them all", async () => {
    const tag = randomUUID().slice(0, 8);
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const owner = await createMember(organisationId, "OWNER", "owner");
    await db.campaign.update({ where: { id: campaign.id }, data: { letterSubjects: { en: ["Protect civilians"] }, letterBody: { en: letterBody } } });
    const minister = await db.decisionMaker.create({ data: { organisationId, name: { en: "Foreign Minister" }, institution: { en: "Ministry" }, country: "GB", email: uniqueEmail("minister") } });
    await updateDeliverySettings({ actor: owner, campaignId: campaign.id, cadence: "WEEKLY", milestoneDigests: false, decisionMakerIds: [minister.id] });

    const signer = { name: `Layla Sealed${tag}`, email: `layla.${tag}@nida.test`, postcode: `PC${tag}`, comment: `Open the crossings ${tag}` };
    const personal = `My family in Idlib needs protection now (${tag}).`;
    const personalValues = [signer.name, signer.email, signer.postcode, signer.comment, personal];

    // Signing: the confirmation e-mail waits in the outbox.
    await signPetition({ campaignSlug: campaign.slug, input: signInput({ ...signer, country: "GB" }), locale: "en", ipAddress: "203.0.113.61" });
    const signature = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporter: supporterWithEmail(signer.email) } });
    const confirmationKey = `confirm-signature:${signature.id}:1`;
    expect(await db.outboxMessage.count({ where: { idempotencyKey: confirmationKey, status: "PENDING" } })).toBe(1);
    expect(await outboxRowsHolding(personalValues)).toEqual([]);

    // It reaches the signer, greets them by name, and its link confirms.
    await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: [confirmationKey] });
    const [confirmation] = provider.capture.messages({ to: signer.email });
    expect(confirmation!.to).toEqual([signer.email]);
    expect(confirmation!.text).toContain(signer.name);
    const { letterToken } = await confirmSignature({ token: /\/confirm\/([\w-]{43})/.exec(confirmation!.text ?? "")![1]! });
    await setCommentApproval({ actor: owner, campaignId: campaign.id, signatureId: signature.id, approved: true });

    // A letter whose writer asked for replies and a copy, a digest quoting their comment, and an
    // e-mail sent again: all waiting, none holding them in plain text.
    await sendLetter({
      campaignSlug: campaign.slug,
      token: letterToken!,
      locale: "en",
      input: { recipient: minister.id, name: signer.name, body: letterBody, personal, replyToMe: "yes", copyToMe: "yes" },
    });
    expect((await runDigestJob({ campaignId: campaign.id })).queued).toBe(1);
    await signPetition({ campaignSlug: campaign.slug, input: signInput({ ...signer, country: "GB" }), locale: "en", ipAddress: "203.0.113.61" });
    const letterKey = (await db.letter.findFirstOrThrow({ where: { signatureId: signature.id } })).outboxKey;
    const digestKey = (await db.digest.findFirstOrThrow({ where: { campaignId: campaign.id } })).outboxKey;
    const waiting = [letterKey, digestKey, `confirm-signature:${signature.id}:2`];
    const rows = await db.outboxMessage.findMany({ where: { idempotencyKey: { in: waiting } }, orderBy: { idempotencyKey: "asc" } });
    expect(rows.map((row) => row.status)).toEqual(["PENDING", "PENDING", "PENDING"]);
    for (const row of rows) {
      expect(isSealed(row.toAddress), row.idempotencyKey).toBe(true);
      expect(Object.keys(row.payload as object), row.idempotencyKey).toEqual(["sealed"]);
    }
    const letterRow = rows.find((row) => row.idempotencyKey === letterKey)!;
    expect([letterRow.replyTo, letterRow.cc].every((address) => address !== null && isSealed(address))).toBe(true);
    expect(await outboxRowsHolding(personalValues)).toEqual([]);
    // (The scan does see these rows: by what they hold in plain text, their keys.)
    expect(await outboxRowsHolding(waiting)).toHaveLength(3);

    // Sent: the decision-maker reads the letter and the comment, replies reach the writer, who
    // has a copy; the signer has the e-mail sent again.
    expect(await deliverDueMessages({ transport: provider.transport, pace: noPace, onlyKeys: waiting })).toMatchObject({ sent: 3, failed: 0 });
    const toMinister = provider.capture.messages({ to: minister.email });
    expect(toMinister).toHaveLength(2);
    const letter = toMinister.find((mail) => mail.subject === "Protect civilians")!;
    expect(letter).toMatchObject({ to: [minister.email], reply_to: [signer.email], cc: [signer.email] });
    expect(letter.text).toContain(personal);
    expect(letter.text).toContain(signer.name);
    const digest = toMinister.find((mail) => mail !== letter)!;
    expect(digest.text).toContain(signer.comment);
    const toSigner = provider.capture.messages({ to: signer.email }).filter((mail) => mail.to.includes(signer.email));
    expect(toSigner).toHaveLength(2);
    expect(toSigner[1]!.text).toContain(signer.name);
    // Their payloads are gone now; their addresses stay sealed.
    expect(await outboxRowsHolding(personalValues)).toEqual([]);
  });
});
