import { inBatches, keyWhenNeeded, plainSql, sealedOr, type SealingClient as Client } from "../sealing/batches";
import { mailScope, seal } from "../sealing/seal";

// Seals what the outbox of a database from before sealing holds in plain text: every row's
// addresses (to_address is kept after sending) and the props of mail not yet sent. A mail to a
// supporter (an update, a notice) takes their address as their row holds it, sealed. Batch by
// batch, each committed alone and safe to run again; a row changed between reading and sealing
// (sent meanwhile) is left for the next run. Runs after the supporters' addresses are sealed.

const batchSize = 2000;
const plain = (column: string) => plainSql(`o.${column}`);

type PlainMail = { id: string; key: string; to_address: string; reply_to: string | null; cc: string | null; payload: string | null; payload_sealed: boolean };

export async function sealPlainMail(client: Client): Promise<number> {
  const sealed = await client.$executeRawUnsafe(
    `UPDATE outbox_messages o SET to_address = s.email FROM supporters s WHERE s.id = o.supporter_id AND ${plain("to_address")} AND s.email LIKE 's1.%'`,
  );
  const key = keyWhenNeeded(mailScope, client);
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
        const sealingKey = await key();
        const values = rows.map((row) => ({
          id: row.id,
          was: [row.to_address, row.reply_to, row.cc, row.payload],
          to_address: sealedOr(sealingKey, "outbox_messages.to_address", row.key, row.to_address),
          reply_to: sealedOr(sealingKey, "outbox_messages.reply_to", row.key, row.reply_to),
          cc: sealedOr(sealingKey, "outbox_messages.cc", row.key, row.cc),
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
