import { inBatches, keyWhenNeeded, sealedOr, type SealingClient as Client } from "./batches";
import { mailScope, seal, type DataKey } from "./seal";

// Seals what a database from before sealing holds in plain text on its way out, besides the
// outbox (lib/mail/seal-plain-mail.ts): the personal data of webhook deliveries not yet sent, and
// the development mailbox's copies of mail. As the other sealing steps: batch by batch, each
// committed alone, a row changed meanwhile left for the next run, safe to run at every start.

const batchSize = 200;

function sealPlainWebhookData(client: Client, key: () => Promise<DataKey>): Promise<number> {
  return inBatches(
    (after) =>
      client.$queryRawUnsafe<{ id: string; idempotency_key: string; personal_data: string }[]>(
        `SELECT id, idempotency_key, personal_data::text AS personal_data FROM webhook_deliveries
          WHERE id > $1 AND personal_data IS NOT NULL AND personal_data->>'sealed' IS NULL ORDER BY id LIMIT ${batchSize}`,
        after,
      ),
    async (rows) => {
      const sealing = await key();
      const values = rows.map((row) => ({
        id: row.id,
        was: row.personal_data,
        now: JSON.stringify({ sealed: seal(sealing, "webhook_deliveries.personal_data", row.idempotency_key, row.personal_data) }),
      }));
      return client.$executeRawUnsafe(
        `UPDATE webhook_deliveries w SET personal_data = v.now::jsonb
           FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text, now text)
          WHERE w.id = v.id AND w.personal_data::text = v.was`,
        JSON.stringify(values),
      );
    },
  );
}

type PlainDevMail = { id: string; to_address: string; subject: string; html: string; text: string; headers: Record<string, string> | null };

function sealPlainDevMail(client: Client, key: () => Promise<DataKey>): Promise<number> {
  return inBatches(
    (after) =>
      client.$queryRawUnsafe<PlainDevMail[]>(
        `SELECT id, to_address, subject, html, text, headers FROM dev_mails WHERE id > $1 AND to_address NOT LIKE 's1.%' ORDER BY id LIMIT ${batchSize}`,
        after,
      ),
    async (rows) => {
      const sealing = await key();
      const values = rows.map((row) => {
        const headers = { ...row.headers };
        for (const header of ["Reply-To", "Cc"]) {
          if (headers[header]) headers[header] = sealedOr(sealing, "dev_mails.headers", `${row.id}#${header}`, headers[header])!;
        }
        return {
          id: row.id,
          was: row.to_address,
          to_address: seal(sealing, "dev_mails.to_address", row.id, row.to_address),
          subject: seal(sealing, "dev_mails.subject", row.id, row.subject),
          html: seal(sealing, "dev_mails.html", row.id, row.html),
          text: seal(sealing, "dev_mails.text", row.id, row.text),
          headers: row.headers ? JSON.stringify(headers) : null,
        };
      });
      return client.$executeRawUnsafe(
        `UPDATE dev_mails d SET to_address = v.to_address, subject = v.subject, html = v.html, text = v.text, headers = v.headers::jsonb
           FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text, to_address text, subject text, html text, text text, headers text)
          WHERE d.id = v.id AND d.to_address = v.was`,
        JSON.stringify(values),
      );
    },
  );
}

export async function sealPlainDeliveries(client: Client): Promise<{ webhookDeliveries: number; devMails: number }> {
  const mailKey = keyWhenNeeded(mailScope, client);
  return { webhookDeliveries: await sealPlainWebhookData(client, mailKey), devMails: await sealPlainDevMail(client, mailKey) };
}
