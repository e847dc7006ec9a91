import type { PrismaClient } from "../db";
import { inBatches } from "../sealing/batches";
import { activeDataKey, mailScope, seal, type DataKey } from "../sealing/seal";

// Seals what the outbox of a database from before sealing holds in plain text: every row's
// addresses (to_address is kept after sending) and the props of mail not yet sent. A mail to a
// supporter (an update, a notice) takes their address as their row holds it, sealed. Batch by
// batch, each committed alone and safe to run again; a row changed between reading and sealing
// (sent meanwhile) is left for the next run. Runs after the supporters' addresses are sealed.

const batchSize = 2000;
const plain = (column: string) => `(o.${column} IS NOT NULL AND o.${column} <> '' AND o.${column} NOT LIKE 's1.%')`;

type Client = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe" | "dataKey">;

type PlainMail = { id: string; key: string; to_address: string; reply_to: string | null; cc: string | null; payload: string | null; payload_sealed: boolean };

export async function sealPlainMail(client: Client): Promise<number> {
  const sealed = await client.$executeRawUnsafe(
    `UPDATE outbox_messages o SET to_address = s.email FROM supporters s WHERE s.id = o.supporter_id AND ${plain("to_address")} AND s.email LIKE 's1.%'`,
  );
  // Taken only when there is something to seal: an empty database (a move's target) gets no key.
  let key: Promise<DataKey> | undefined;
  return (
    sealed +
    (await inBatches(
      (after) =>
        client.$queryRawUnsafe<PlainMail[]>(
          `SELECT o.id, o.idempotency_key AS key, o.to_address, o.reply_to, o.cc, o.payload::text AS payload,
                  o.payload->>'sealed' IS NOT NULL AS payload_sealed
             FROM outbox_messages o
            WHERE o.id > $1 AND o.supporter_id IS NULL
              AND (${plain("to_address")} OR ${plain("reply_to")} OR ${plain("cc")} OR (o.payload IS NOT NULL AND o.payload->>'sealed' IS NULL))
            ORDER BY o.id LIMIT ${batchSize}`,
          after,
        ),
      async (rows) => {
        const sealingKey = await (key ??= activeDataKey(mailScope, client));
        const sealedOr = (field: "outbox_messages.to_address" | "outbox_messages.reply_to" | "outbox_messages.cc", row: PlainMail, value: string | null) =>
          value === null || value === "" || value.startsWith("s1.") ? value : seal(sealingKey, field, row.key, value);
        const values = rows.map((row) => ({
          id: row.id,
          was: [row.to_address, row.reply_to, row.cc, row.payload],
          to_address: sealedOr("outbox_messages.to_address", row, row.to_address),
          reply_to: sealedOr("outbox_messages.reply_to", row, row.reply_to),
          cc: sealedOr("outbox_messages.cc", row, row.cc),
          payload: row.payload === null || row.payload_sealed ? row.payload : JSON.stringify({ sealed: seal(sealingKey, "outbox_messages.payload", row.key, row.payload) }),
        }));
        return client.$executeRawUnsafe(
          `UPDATE outbox_messages o SET to_address = v.to_address, reply_to = v.reply_to, cc = v.cc, payload = v.payload::jsonb
             FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text[], to_address text, reply_to text, cc text, payload text)
            WHERE o.id = v.id AND ARRAY[o.to_address, o.reply_to, o.cc, o.payload::text] IS NOT DISTINCT FROM v.was`,
          JSON.stringify(values),
        );
      },
    ))
  );
}
