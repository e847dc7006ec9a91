import { inBatches, keyWhenNeeded, plainSql as plain, sealedOr, type SealingClient as Client } from "./batches";
import { emailHash, nameWords } from "./lookup";
import { activeDataKey, campaignScope, isSealed, seal, supportersScope, type DataKey } from "./seal";

// Seals what a database from before sealing holds in plain text: supporters' addresses (their
// keyed hash replacing the canonical address), signatures' and paper signatures' names,
// postcodes and comments. Batch by batch, each committed alone, so a run cut short is continued
// by the next; a row already sealed is never touched, so it is safe to run at every start. A row
// changed between reading and sealing (erased meanwhile) is left as it now is.

const batchSize = 2000;

export type SealedCounts = { supporters: number; signatures: number; paperSignatures: number };

function sealSupporters(client: Client): Promise<number> {
  const key = keyWhenNeeded(supportersScope, client);
  return inBatches(
    (after) => client.$queryRawUnsafe<{ id: string; email: string }[]>(`SELECT id, email FROM supporters WHERE id > $1 AND ${plain("email")} ORDER BY id LIMIT ${batchSize}`, after),
    async (rows) => {
      const sealing = await key();
      const values = rows.map((row) => {
        const hash = emailHash(row.email);
        return { id: row.id, plain: row.email, email: seal(sealing, "supporters.email", hash, row.email), hash };
      });
      return client.$executeRawUnsafe(
        `UPDATE supporters s SET email = v.email, email_hash = v.hash
           FROM jsonb_to_recordset($1::jsonb) AS v (id text, plain text, email text, hash text)
          WHERE s.id = v.id AND s.email = v.plain`,
        JSON.stringify(values),
      );
    },
  );
}

// Each campaign's key, taken once per run.
function campaignKeys(client: Client): (campaignId: string) => Promise<DataKey> {
  const keys = new Map<string, Promise<DataKey>>();
  return (campaignId) => {
    let key = keys.get(campaignId);
    if (!key) keys.set(campaignId, (key = activeDataKey(campaignScope(campaignId), client)));
    return key;
  };
}

// The rows of a table whose values are sealed under their campaign's key: read batch by batch by
// `select` (after the last id, LIMIT batchSize), each sealed by `sealRow` with its campaign's key,
// and written back by `update` from the JSON records, which compares each row with what was read.
function sealCampaignRows<Row extends { id: string; campaign_id: string }>(
  client: Client,
  keyOf: (campaignId: string) => Promise<DataKey>,
  table: { select: string; sealRow: (row: Row, key: DataKey) => object; update: string },
): Promise<number> {
  return inBatches(
    (after) => client.$queryRawUnsafe<Row[]>(`${table.select} ORDER BY id LIMIT ${batchSize}`, after),
    async (rows) => {
      const values = [];
      for (const row of rows) values.push(table.sealRow(row, await keyOf(row.campaign_id)));
      return client.$executeRawUnsafe(table.update, JSON.stringify(values));
    },
  );
}

type PlainSignature = { id: string; campaign_id: string; name: string; postcode: string | null; comment: string | null };

function sealSignatureRows(client: Client, keyOf: (campaignId: string) => Promise<DataKey>): Promise<number> {
  return sealCampaignRows<PlainSignature>(client, keyOf, {
    select: `SELECT id, campaign_id, name, postcode, comment FROM signatures
              WHERE id > $1 AND (${plain("name")} OR ${plain("postcode")} OR ${plain("comment")})`,
    sealRow: (row, key) => ({
      id: row.id,
      was: [row.name, row.postcode, row.comment],
      name: sealedOr(key, "signatures.name", row.id, row.name),
      postcode: sealedOr(key, "signatures.postcode", row.id, row.postcode),
      comment: sealedOr(key, "signatures.comment", row.id, row.comment),
      words: isSealed(row.name) ? null : nameWords(row.name),
    }),
    update: `UPDATE signatures s SET name = v.name, postcode = v.postcode, comment = v.comment, name_words = coalesce(v.words, s.name_words)
               FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text[], name text, postcode text, comment text, words text[])
              WHERE s.id = v.id AND ARRAY[s.name, s.postcode, s.comment] IS NOT DISTINCT FROM v.was`,
  });
}

type PlainPaperSignature = { id: string; campaign_id: string; name: string; postcode: string | null; email_hash: string | null };

function sealPaperRows(client: Client, keyOf: (campaignId: string) => Promise<DataKey>): Promise<number> {
  return sealCampaignRows<PlainPaperSignature>(client, keyOf, {
    // A canonical address still in email_hash has an "@"; a keyed hash never does.
    select: `SELECT id, campaign_id, name, postcode, email_hash FROM paper_signatures
              WHERE id > $1 AND (${plain("name")} OR ${plain("postcode")} OR email_hash LIKE '%@%')`,
    sealRow: (row, key) => ({
      id: row.id,
      was: [row.name, row.postcode, row.email_hash],
      name: sealedOr(key, "paper_signatures.name", row.id, row.name),
      postcode: sealedOr(key, "paper_signatures.postcode", row.id, row.postcode),
      hash: row.email_hash?.includes("@") ? emailHash(row.email_hash) : row.email_hash,
    }),
    update: `UPDATE paper_signatures p SET name = v.name, postcode = v.postcode, email_hash = v.hash
               FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text[], name text, postcode text, hash text)
              WHERE p.id = v.id AND ARRAY[p.name, p.postcode, p.email_hash] IS NOT DISTINCT FROM v.was`,
  });
}

export async function sealPlainRows(client: Client): Promise<SealedCounts> {
  const keyOf = campaignKeys(client);
  return {
    supporters: await sealSupporters(client),
    signatures: await sealSignatureRows(client, keyOf),
    paperSignatures: await sealPaperRows(client, keyOf),
  };
}
