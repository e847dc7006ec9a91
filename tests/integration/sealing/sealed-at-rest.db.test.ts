// A copy of the database names no signer. After a signature, its confirmation, a letter with a
// reply address and a copy, an update to supporters and a webhook delivery with personal data,
// with mail both waiting and sent, no column of any table and no byte of a dump (pg_dump on
// PostgreSQL, the data folder on PGlite) holds the signer's name, address, postcode, comment or
// letter, in any encoding tried: as written, lower-cased, JSON-escaped, base64 at any alignment.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../../emails/confirm-signature";
import { database, db } from "../../../lib/db";
import { env } from "../../../lib/env";
import { issueLetterToken } from "../../../lib/letters/letter-token";
import { sendLetter } from "../../../lib/letters/send-letter";
import { deliverDueMessages } from "../../../lib/mail/outbox-worker";
import { confirmSignature } from "../../../lib/signatures/confirm-signature";
import { signPetition } from "../../../lib/signatures/sign-petition";
import { countUpdateRecipients, createUpdate, sendUpdate } from "../../../lib/updates/manage-update";
import { runUpdateRound } from "../../../lib/updates/update-queue";
import { deliverDueWebhooks } from "../../../lib/webhooks/delivery-worker";
import { capturedMailForTests } from "../../fixtures/captured-mail";
import { createCampaign, signInput, uniqueEmail } from "../../fixtures/factories";
import { createMember } from "../../fixtures/organisers";
import { setUpOwnDatabase } from "../../fixtures/own-database";
import { findPersonalData } from "../../fixtures/personal-data-scan";
import { findPostgresBinDir } from "../../fixtures/postgres-cluster";
import { openOutbox } from "../../fixtures/sealed-mail";
import { supporterWithEmail } from "../../fixtures/sealed-signers";
import { startWebhookReceiver } from "../../fixtures/webhook-receiver";

setUpOwnDatabase();

const provider = capturedMailForTests();
const noPace = { acquire: async () => {} };
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});

afterAll(async () => {
  await receiver?.stop();
});

// Every way the test can think of that a value could sit in a column or a file.
function encodings(value: string): string[] {
  const forms = new Set([value, value.toLowerCase(), JSON.stringify(value).slice(1, -1), JSON.stringify(value.toLowerCase()).slice(1, -1)]);
  const bytes = Buffer.from(value);
  for (const shift of [0, 1, 2]) {
    // The value after `shift` other bytes: the characters that depend on it alone.
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const start = shift === 0 ? 0 : Math.ceil((shift * 4) / 3) + 1;
    const end = Math.floor(((shift + bytes.length) * 4) / 3) - 1;
    const middle = encoded.slice(start, end);
    if (middle.length >= 8) {
      forms.add(middle);
      forms.add(middle.replace(/\+/g, "-").replace(/\//g, "_"));
    }
  }
  return [...forms];
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

// The bytes a thief would take: PostgreSQL's dump of the database, or the embedded database's folder.
async function dumpOfTheDatabase(): Promise<Buffer> {
  const current = database();
  if (current.kind === "postgres") {
    const bin = findPostgresBinDir();
    if (!bin) throw new Error("pg_dump not found");
    const dump = spawnSync(path.join(bin, "pg_dump"), ["--no-owner", "--dbname", current.connectionString!], { maxBuffer: 512 * 1024 * 1024 });
    if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString()}`);
    return dump.stdout;
  }
  await db.$executeRawUnsafe("CHECKPOINT");
  return Buffer.concat(filesUnder(env.PGLITE_DATA_DIR).map((file) => readFileSync(file)));
}

describe("sealed signer data at rest", () => {
  it("leaves no signer's value in any column or in a dump of the database", async () => {
    const tag = randomUUID().replace(/-/g, "").slice(0, 10);
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    await db.campaign.update({ where: { id: campaign.id }, data: { letterSubjects: { en: ["Protect civilians"] }, letterBody: { en: "Please act." }, letterDailyCap: 20 } });
    const minister = await db.decisionMaker.create({ data: { organisationId, name: { en: "A Minister" }, institution: { en: "A Ministry" }, country: "SY", email: uniqueEmail("minister") } });
    const endpoint = await db.webhookEndpoint.create({ data: { organisationId, url: receiver.url, secret: "whsec_c2VhbGVkLWF0LXJlc3Qtc2VjcmV0LWZvci10ZXN0cw==", events: ["signature.confirmed"], includePersonalData: true } });

    const signer = {
      name: `Layla Sealed${tag} ليلى`,
      email: `sealed.${tag}@example.org`,
      postcode: `PC${tag.slice(0, 6)}`,
      comment: `Stop the bombing of Idlib ${tag}`,
      letter: `My cousin teaches in a school in Idlib that was damaged last spring ${tag}`,
    };
    const values = [signer.name, `Sealed${tag}`, signer.email, `sealed.${tag}`, signer.postcode, signer.comment, signer.letter];

    await signPetition({
      campaignSlug: campaign.slug,
      input: signInput({ name: signer.name, email: signer.email, postcode: signer.postcode, comment: signer.comment, country: "SY" }),
      locale: "en",
      ipAddress: "100.97.1.1",
    });
    const signature = await db.signature.findFirstOrThrow({ where: { campaignId: campaign.id, supporter: supporterWithEmail(signer.email) } });
    const confirmation = await openOutbox(await db.outboxMessage.findFirstOrThrow({ where: { idempotencyKey: `confirm-signature:${signature.id}:1` } }));
    await confirmSignature({ token: (confirmation.payload as ConfirmSignatureProps).confirmUrl.split("/confirm/")[1]! });
    const letterToken = await db.$transaction((tx) => issueLetterToken(tx, signature.supporterId!));
    await sendLetter({
      campaignSlug: campaign.slug,
      token: letterToken,
      input: { recipient: minister.id, name: signer.name, body: "Please act.", personal: signer.letter, replyToMe: "on", copyToMe: "on" },
      locale: "en",
    });
    const organiser = await createMember(organisationId, "OWNER");
    const update = await createUpdate({ actor: organiser, campaignId: campaign.id, input: { scope: "campaign", subject: { en: "Delivered" }, body: { en: "Thank you." }, mailed: "on" } });
    await countUpdateRecipients({ actor: organiser, campaignId: campaign.id, updateId: update.id });
    await sendUpdate({ actor: organiser, campaignId: campaign.id, updateId: update.id });
    for (let round = 0; round < 20 && (await runUpdateRound()).queued > 0; round++);

    const scan = async (when: string) => {
      const wanted = values.flatMap(encodings);
      expect(await findPersonalData(wanted), `${when}: columns`).toEqual([]);
      const dump = await dumpOfTheDatabase();
      expect(wanted.filter((form) => dump.includes(Buffer.from(form))), `${when}: dump`).toEqual([]);
      // The same scans do find what is stored in clear: the minister's address and the organiser's.
      expect(await findPersonalData([minister.email, organiser.email])).toHaveLength(2);
      expect([minister.email, organiser.email].filter((address) => dump.includes(Buffer.from(address)))).toHaveLength(2);
    };

    // Everything waiting: the confirmation sent again would be too, and the letter, the update, the delivery.
    const waiting = await db.outboxMessage.count({ where: { status: "PENDING", OR: [{ signatureId: signature.id }, { supporterId: signature.supporterId }] } });
    expect(waiting).toBeGreaterThanOrEqual(2);
    expect(await db.webhookDelivery.count({ where: { signatureId: signature.id, status: "PENDING" } })).toBe(1);
    await scan("with mail waiting");

    // Sent: the signer, the minister and the endpoint received them, in clear, as they must.
    for (let round = 0; round < 20 && (await deliverDueMessages({ transport: provider.transport, pace: noPace })).claimed > 0; round++);
    const received = provider.capture.messages().map((message) => `${message.to} ${message.subject} ${message.text}`).join("\n");
    expect(received).toContain(signer.email);
    expect(received).toContain(signer.letter);
    expect(await deliverDueWebhooks({ endpointId: endpoint.id })).toMatchObject({ delivered: 1 });
    const [delivered] = await receiver.waitFor(1);
    expect(delivered!.body).toContain(signer.email);
    await scan("with mail sent");
  });
});
