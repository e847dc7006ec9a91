import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../lib/db";
import { deliverDueMessages } from "../../lib/mail/outbox-worker";
import { sealPlainMail } from "../../lib/mail/seal-plain-mail";
import { sendEmail } from "../../lib/mail/send-email";
import { capturedMailForTests } from "../fixtures/captured-mail";
import { confirmationEmailProps, uniqueEmail } from "../fixtures/factories";
import { setUpOwnDatabase } from "../fixtures/own-database";
import { openOutboxRows } from "../fixtures/sealed-mail";
import { createSealedSupporter } from "../fixtures/sealed-signers";

// Sealing seals every outbox row of the database: nothing else may write to it meanwhile.
setUpOwnDatabase();

const provider = capturedMailForTests();

type Raw = { idempotency_key: string; to_address: string; reply_to: string | null; cc: string | null; payload: unknown; status: string };

const rawRows = () => db.$queryRaw<Raw[]>`SELECT idempotency_key, to_address, reply_to, cc, payload, status::text AS status FROM outbox_messages ORDER BY idempotency_key`;

describe("sealing the outbox of a database from before sealing", () => {
  it("seals every address and the props of mail not yet sent, which the worker then opens to send", async () => {
    const signer = uniqueEmail("plain-signer");
    const writer = uniqueEmail("plain-writer");
    const minister = uniqueEmail("plain-minister");
    const supporter = await createSealedSupporter({ email: uniqueEmail("plain-supporter"), locale: "en" });
    const waiting = { key: `confirm-signature:${randomUUID()}:1`, props: confirmationEmailProps(signer) };
    const letter = { key: `letter:${randomUUID()}` };
    const update = { key: `update:${randomUUID()}:${supporter.id}`, props: { updateId: "u", locale: "en" } };
    await db.$executeRaw`
      INSERT INTO outbox_messages (id, idempotency_key, template, to_address, reply_to, cc, supporter_id, locale, payload, status, created_at, next_attempt_at) VALUES
        (${randomUUID()}, ${waiting.key}, 'confirm-signature', ${signer}, NULL, NULL, NULL, 'en', ${JSON.stringify(waiting.props)}::jsonb, 'PENDING', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'),
        (${randomUUID()}, ${letter.key}, 'letter', ${minister}, ${writer}, ${writer}, NULL, 'en', NULL, 'SENT', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'),
        (${randomUUID()}, ${update.key}, 'supporter-update', ${supporter.email}, NULL, NULL, ${supporter.id}, 'en', ${JSON.stringify(update.props)}::jsonb, 'FAILED', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`;
    // Mail written since sealing is left as it is, byte for byte.
    const sealedKey = `test-sealed:${randomUUID()}`;
    await db.$transaction((tx) => sendEmail(tx, { template: "confirm-signature", to: uniqueEmail("sealed"), locale: "en", idempotencyKey: sealedKey, props: confirmationEmailProps("x@example.org") }));
    const sealedBefore = (await rawRows()).find((row) => row.idempotency_key === sealedKey);

    expect(await sealPlainMail(db)).toBe(3);
    expect(await sealPlainMail(db)).toBe(0);

    const raw = await rawRows();
    expect(raw.find((row) => row.idempotency_key === sealedKey)).toEqual(sealedBefore);
    const text = JSON.stringify(raw).toLowerCase();
    for (const address of [signer, writer, minister, supporter.email]) expect(text).not.toContain(address.toLowerCase());
    expect(text).not.toContain(waiting.props.confirmUrl.toLowerCase());
    // An update's props hold nobody's data: they stay as the worker reads them.
    expect(raw.find((row) => row.idempotency_key === update.key)!.payload).toEqual(update.props);

    const opened = await openOutboxRows(await db.outboxMessage.findMany({ where: { idempotencyKey: { in: [waiting.key, letter.key, update.key] } } }));
    const byKey = new Map(opened.map((row) => [row.idempotencyKey, row]));
    expect(byKey.get(waiting.key)).toMatchObject({ toAddress: signer, replyTo: null, cc: null, payload: waiting.props });
    expect(byKey.get(letter.key)).toMatchObject({ toAddress: minister, replyTo: writer, cc: writer, payload: null });
    expect(byKey.get(update.key)).toMatchObject({ toAddress: supporter.email, payload: update.props });

    // The mail still waiting reaches the signer, with its link.
    expect(await deliverDueMessages({ transport: provider.transport, pace: { acquire: async () => {} }, onlyKeys: [waiting.key] })).toMatchObject({ sent: 1 });
    const [received] = provider.capture.messages({ to: signer });
    expect(received!.text).toContain(waiting.props.confirmUrl);
  });
});
