import type { PrismaClient } from "../db";
import { inBatches } from "./batches";
import { emailHash, nameWords } from "./lookup";
import { activeDataKey, campaignScope, isSealed, seal, supportersScope, type DataKey, type SealedField } from "./seal";

// Seals what a database from before sealing holds in plain text: supporters' addresses (their
// keyed hash replacing the canonical address), signatures' and paper signatures' names,
// postcodes and comments. Batch by batch, each committed alone, so a run cut short is continued
// by the next; a row already sealed is never touched, so it is safe to run at every start. A row
// changed between reading and sealing (erased meanwhile) is left as it now is.

const batchSize = 2000;
const plain = (column: string) => `(${column} IS NOT NULL AND ${column} <> '' AND ${column} NOT LIKE 's1.%')`;

type Client = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe" | "dataKey">;

export type SealedCounts = { supporters: number; signatures: number; paperSignatures: number };

// A value sealed, unless it is empty or sealed already.
function sealedOr(key: DataKey, field: SealedField, rowId: string, value: string | null): string | null {
  return value === null || value === "" || isSealed(value) ? value : seal(key, field, rowId, value);
}

function sealSupporters(client: Client): Promise<number> {
  // Taken only when there is something to seal: an empty database (a move's target) gets no key.
  let key: Promise<DataKey> | undefined;
  return inBatches(
    (after) => client.$queryRawUnsafe<{ id: string; email: string }[]>(`SELECT id, email FROM supporters WHERE id > $1 AND ${plain("email")} ORDER BY id LIMIT ${batchSize}`, after),
    async (rows) => {
      const sealing = await (key ??= activeDataKey(supportersScope, client));
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

type PlainSignature = { id: string; campaign_id: string; name: string; postcode: string | null; comment: string | null };

function sealSignatureRows(client: Client, keyOf: (campaignId: string) => Promise<DataKey>): Promise<number> {
  return inBatches(
    (after) =>
      client.$queryRawUnsafe<PlainSignature[]>(
        `SELECT id, campaign_id, name, postcode, comment FROM signatures
          WHERE id > $1 AND (${plain("name")} OR ${plain("postcode")} OR ${plain("comment")}) ORDER BY id LIMIT ${batchSize}`,
        after,
      ),
    async (rows) => {
      const values = [];
      for (const row of rows) {
        const key = await keyOf(row.campaign_id);
        values.push({
          id: row.id,
          was: [row.name, row.postcode, row.comment],
          name: sealedOr(key, "signatures.name", row.id, row.name),
          postcode: sealedOr(key, "signatures.postcode", row.id, row.postcode),
          comment: sealedOr(key, "signatures.comment", row.id, row.comment),
          words: isSealed(row.name) ? null : nameWords(row.name),
        });
      }
      return client.$executeRawUnsafe(
        `UPDATE signatures s SET name = v.name, postcode = v.postcode, comment = v.comment, name_words = coalesce(v.words, s.name_words)
           FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text[], name text, postcode text, comment text, words text[])
          WHERE s.id = v.id AND ARRAY[s.name, s.postcode, s.comment] IS NOT DISTINCT FROM v.was`,
        JSON.stringify(values),
      );
    },
  );
}

type PlainPaperSignature = { id: string; campaign_id: string; name: string; postcode: string | null; email_hash: string | null };

function sealPaperRows(client: Client, keyOf: (campaignId: string) => Promise<DataKey>): Promise<number> {
  return inBatches(
    // A canonical address still in email_hash has an "@"; a keyed hash never does.
    (after) =>
      client.$queryRawUnsafe<PlainPaperSignature[]>(
        `SELECT id, campaign_id, name, postcode, email_hash FROM paper_signatures
          WHERE id > $1 AND (${plain("name")} OR ${plain("postcode")} OR email_hash LIKE '%@%') ORDER BY id LIMIT ${batchSize}`,
        after,
      ),
    async (rows) => {
      const values = [];
      for (const row of rows) {
        const key = await keyOf(row.campaign_id);
        values.push({
          id: row.id,
          was: [row.name, row.postcode, row.email_hash],
          name: sealedOr(key, "paper_signatures.name", row.id, row.name),
          postcode: sealedOr(key, "paper_signatures.postcode", row.id, row.postcode),
          hash: row.email_hash?.includes("@") ? emailHash(row.email_hash) : row.email_hash,
        });
      }
      return client.$executeRawUnsafe(
        `UPDATE paper_signatures p SET name = v.name, postcode = v.postcode, email_hash = v.hash
           FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text[], name text, postcode text, hash text)
          WHERE p.id = v.id AND ARRAY[p.name, p.postcode, p.email_hash] IS NOT DISTINCT FROM v.was`,
        JSON.stringify(values),
      );
    },
  );
}

export async function sealPlainRows(client: Client): Promise<SealedCounts> {
  const keyOf = campaignKeys(client);
  return {
    supporters: await sealSupporters(client),
    signatures: await sealSignatureRows(client, keyOf),
    paperSignatures: await sealPaperRows(client, keyOf),
  };
}
