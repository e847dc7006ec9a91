import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { db } from "../../../lib/db";
import { setCommentApproval, updateDeliverySettings } from "../../../lib/deliveries/campaign-delivery";
import { runDigestJob } from "../../../lib/digests/run-digest-job";
import { sendLetter } from "../../../lib/letters/send-letter";
import { deliverDueMessages } from "../../../lib/mail/outbox-worker";
import { openMailAddress, openMailPayload } from "../../../lib/mail/sealed-mail";
import { mailboxTransport } from "../../../lib/mail/transport";
import { inviteMember } from "../../../lib/organisations/invite-member";
import { eraseSupporter } from "../../../lib/privacy/erase-supporter";
import { emailHash } from "../../../lib/sealing/lookup";
import { openText } from "../../../lib/sealing/seal";
import { hashIp } from "../../../lib/secrets";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { createWebhookEndpoint } from "../../../lib/webhooks/manage-endpoints";
import { createCampaign, signInput } from "../../fixtures/factories";
import { createMember } from "../../fixtures/organisers";
import { setUpOwnDatabase } from "../../fixtures/own-database";
import { findPersonalData } from "../../fixtures/personal-data-scan";
import { openOutbox } from "../../fixtures/sealed-mail";

// Whole tables are compared before and after: nothing else may write meanwhile.
setUpOwnDatabase();

const letterBody = "I am writing to ask you to press for the protection of civilians in northwest Syria.";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;
type Row = { table: string; text: string; value: Record<string, unknown> };

// Every row of every table, as PostgreSQL writes it out as JSON: two dumps that are equal hold
// the same bytes in every column.
async function dumpTables(): Promise<Row[]> {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
     ORDER BY 1`;
  const rows: Row[] = [];
  for (const { name } of tables) {
    const found = await db.$queryRawUnsafe<{ text: string }[]>(`SELECT row_to_json(t)::text AS text FROM "${name}" AS t`);
    for (const { text } of found) rows.push({ table: name, text, value: JSON.parse(text) as Record<string, unknown> });
  }
  return rows;
}

const sorted = (rows: Row[]) => rows.map((row) => `${row.table} ${row.text}`).sort();

async function signAs(campaign: Campaign, input: Record<string, unknown>, ip: string) {
  await signPetition({ campaignSlug: campaign.slug, input, locale: "en", ipAddress: ip });
  const signature = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporter: { emailHash: emailHash(input.email as string) } } });
  const mail = await openOutbox(await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: `confirm-signature:${signature.id}:1` } }));
  return { signature, props: mail.payload as unknown as ConfirmSignatureProps };
}

describe("erasing one signer", () => {
  it("removes exactly their data, found by reference, and leaves every byte of everyone else's", async () => {
    const tag = randomUUID().slice(0, 8);
    // Two organisations run the campaign; each has an owner.
    const campaign = await createCampaign({ coOwners: 1 });
    const [orgA, orgB] = campaign.owners.map((owner) => owner.organisationId) as [string, string];
    const ownerA = await createMember(orgA, "OWNER", "owner-a");
    const ownerB = await createMember(orgB, "OWNER", "owner-b");
    await db.campaign.update({ where: { id: campaign.id }, data: { letterSubjects: { en: ["Protect civilians"] }, letterBody: { en: letterBody } } });
    const minister = await db.decisionMaker.create({
      data: { organisationId: orgA, name: { en: "Foreign Minister" }, institution: { en: "Ministry" }, country: "GB", email: `minister.${tag}@gov.test` },
    });
    await updateDeliverySettings({ actor: ownerA, campaignId: campaign.id, cadence: "WEEKLY", milestoneDigests: false, decisionMakerIds: [minister.id] });
    await createWebhookEndpoint({ actor: ownerB, organisationId: orgB, url: "https://hooks.example.org/nida", events: ["signature.confirmed"], includePersonalData: true });
    // Audit entries in both organisations that read "newmember@example.org, as Organiser".
    for (const [actor, organisationId] of [[ownerA, orgA], [ownerB, orgB]] as const) {
      await inviteMember({ actor, organisationId, email: `newmember.${tag}@example.org`, role: "ORGANISER", locale: "en" });
    }

    // The signer who will erase: their name is a role in the audit log and a part of the other
    // signer's name; their comment is the other signer's e-mail domain.
    const erasedIp = `198.51.100.${1 + Number.parseInt(tag.slice(0, 2), 16) % 200}`;
    const erasedInput = signInput({ name: "Organiser", email: `layla.${tag}@nida.test`, postcode: `PC${tag}`, comment: "example.org", country: "GB" });
    const otherInput = signInput({ name: "Zed Organiser", email: `zed.${tag}@example.org`, postcode: `ZP${tag}`, comment: `Open the crossings ${tag}`, country: "GB" });
    const erased = await signAs(campaign, erasedInput, erasedIp);
    const other = await signAs(campaign, otherInput, "203.0.113.77");
    // Their confirmations and the invitations go to the development mailbox.
    await deliverDueMessages({ transport: mailboxTransport() });
    const tokenOf = (props: ConfirmSignatureProps) => props.confirmUrl.split("/").pop()!;
    const erasedLetters = (await confirmSignature({ token: tokenOf(erased.props) })).letterToken!;
    const otherLetters = (await confirmSignature({ token: tokenOf(other.props) })).letterToken!;
    for (const { signature } of [erased, other]) await setCommentApproval({ actor: ownerA, campaignId: campaign.id, signatureId: signature.id, approved: true });

    // Each writes to the minister; the letters reach the mailbox too.
    const written = [];
    for (const [token, name, place] of [[erasedLetters, "Organiser", "Idlib"], [otherLetters, "Zed Organiser", "Aleppo"]]) {
      const personal = `My family in ${place} needs protection now, writes ${name} (${tag}).`;
      await sendLetter({ campaignSlug: campaign.slug, token: token!, locale: "en", input: { recipient: minister.id, name, body: letterBody, personal } });
      written.push(personal);
    }
    const letterKeys = (await db.letter.findMany({ where: { campaignId: campaign.id }, orderBy: { createdAt: "asc" } })).map((letter) => letter.outboxKey);
    await deliverDueMessages({ transport: mailboxTransport(), onlyKeys: letterKeys });

    // Still waiting: a digest quoting both comments, and a second confirmation mail to each.
    expect((await runDigestJob({ campaignId: campaign.id })).queued).toBe(1);
    await signAs(campaign, erasedInput, erasedIp);
    await signAs(campaign, otherInput, "203.0.113.77");

    // The rows that are the erased signer's own, as this test knows them (not as erasure finds them).
    const erasedSupporterId = erased.signature.supporterId!;
    const erasedIpHash = hashIp(erasedIp)!;
    const erasedMail = await db.outboxMessage.findMany({
      where: { OR: [{ idempotencyKey: { startsWith: `confirm-signature:${erased.signature.id}:` } }, { idempotencyKey: letterKeys[0] }] },
    });
    expect(erasedMail).toHaveLength(3);
    const erasedMailKeys = new Set(erasedMail.map((mail) => mail.idempotencyKey));
    const erasedDevMails = new Set(erasedMail.flatMap((mail) => (mail.providerId?.startsWith("mailbox:") ? [mail.providerId.slice("mailbox:".length)] : [])));
    expect(erasedDevMails.size).toBe(2);
    const isErasedRow = (row: Row): boolean => {
      const v = row.value;
      switch (row.table) {
        case "supporters":
          return v.id === erasedSupporterId;
        case "supporter_tokens":
          return v.supporter_id === erasedSupporterId;
        case "signatures":
          return v.id === erased.signature.id;
        case "confirmation_tokens":
        case "signature_consents":
          return v.signature_id === erased.signature.id;
        case "outbox_messages":
          return erasedMailKeys.has(v.idempotency_key as string);
        case "dev_mails":
          return erasedDevMails.has(v.id as string);
        case "letters":
          return v.outbox_key === letterKeys[0];
        case "webhook_deliveries":
          return (v.idempotency_key as string).endsWith(`:signature.confirmed:${erased.signature.id}`);
        case "sign_attempt_windows":
          return v.campaign_id === campaign.id && v.ip_hash === erasedIpHash;
        // What the erasure tells the organisations the signer had consented to hear from.
        case "signer_events":
          return v.kind === "ERASED";
        default:
          return false;
      }
    };
    const digestKey = (await db.digest.findFirstOrThrow({ where: { campaignId: campaign.id } })).outboxKey;
    const isDigest = (row: Row) => row.table === "outbox_messages" && row.value.idempotency_key === digestKey;

    const before = await dumpTables();
    const beforeOwn = before.filter(isErasedRow);
    // Everything the test means to check is there to be checked.
    expect(new Set(beforeOwn.map((row) => row.table))).toEqual(
      new Set(["supporters", "supporter_tokens", "signatures", "signature_consents", "outbox_messages", "dev_mails", "letters", "webhook_deliveries", "sign_attempt_windows"]),
    );
    const digestBefore = before.find(isDigest)!;
    // The digest's props, opened (they are sealed until sent).
    const digestProps = async (row: Row) => (await openMailPayload(row.value.payload, digestKey)) as { comments: { text: string; signature: string }[] };
    const quoted = async (row: Row) => (await digestProps(row)).comments.map((comment) => comment.text);
    expect((await quoted(digestBefore)).sort()).toEqual(["example.org", `Open the crossings ${tag}`].sort());
    const otherWebhook = before.find((row) => row.table === "webhook_deliveries" && (row.value.idempotency_key as string).endsWith(`:${other.signature.id}`))!;
    const otherPersonalData = (otherWebhook.value.personal_data as { sealed: string }).sealed;
    expect(await openText(otherPersonalData, "webhook_deliveries.personal_data", otherWebhook.value.idempotency_key as string)).toContain(`zed.${tag}@example.org`);

    const eraseToken = erased.props.supporterLinks!.eraseUrl.split("/").pop()!;
    expect(await eraseSupporter({ token: eraseToken })).toEqual({ signatures: 1 });
    const after = await dumpTables();

    // Every other row, every byte: audit entries, the other signer's mail, letter, webhook
    // delivery, mailbox copies and rate-limit row, the organisers' invitations.
    const untouched = (rows: Row[]) => sorted(rows.filter((row) => !isErasedRow(row) && !isDigest(row)));
    const [kept, now] = [new Set(untouched(before)), new Set(untouched(after))];
    const glimpse = (row: string) => row.slice(0, 240);
    expect({ changedOrGone: [...kept].filter((row) => !now.has(row)).map(glimpse), appeared: [...now].filter((row) => !kept.has(row)).map(glimpse) }).toEqual({ changedOrGone: [], appeared: [] });
    expect(untouched(after)).toEqual(untouched(before));
    // The digest not yet sent no longer quotes the erased signer; the rest of it is as it was.
    const digestAfter = after.find(isDigest)!;
    expect(await quoted(digestAfter)).toEqual([`Open the crossings ${tag}`]);
    const propsBefore = await digestProps(digestBefore);
    const withoutErased = { ...propsBefore, comments: propsBefore.comments.filter((comment) => comment.signature !== erased.signature.id) };
    expect({ ...digestAfter.value, payload: await digestProps(digestAfter) }).toEqual({ ...digestBefore.value, payload: withoutErased });

    // Their own rows that remain hold none of their values, not even the ones others share.
    const afterOwn = after.filter(isErasedRow);
    expect(afterOwn.map((row) => row.table).sort()).toEqual(["letters", "outbox_messages", "outbox_messages", "outbox_messages", "signatures", "signer_events", "signer_events", "webhook_deliveries"]);
    for (const row of afterOwn) {
      for (const value of ["Organiser", "example.org", erasedInput.email as string, `PC${tag}`, erasedIpHash, written[0]!]) {
        expect(row.text.toLowerCase(), `${row.table} holds ${value}`).not.toContain(value.toLowerCase());
      }
    }
    // And their values that no one else has appear nowhere at all.
    expect(await findPersonalData([erasedInput.email as string, `PC${tag}`, erasedIpHash, written[0]!])).toEqual([]);
    // The letter they sent still shows whom it went to; mail still waiting for them is not sent.
    const letterMail = after.find((row) => row.table === "outbox_messages" && row.value.idempotency_key === letterKeys[0])!;
    expect(letterMail.value).toMatchObject({ reply_to: null, cc: null, payload: null });
    expect(await openMailAddress(letterMail.value.to_address as string, "outbox_messages.to_address", letterKeys[0]!)).toBe(minister.email);
    const waiting = after.find((row) => row.table === "outbox_messages" && row.value.idempotency_key === `confirm-signature:${erased.signature.id}:2`)!;
    expect(waiting.value).toMatchObject({ to_address: "", payload: null, status: "FAILED" });
  }, 180_000);
});
