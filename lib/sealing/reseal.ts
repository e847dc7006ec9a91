import { inBatches, type SealingClient as Client } from "./batches";
import { activeDataKey, forgetActiveKeys, isSealed, loadDataKeys, mailScope, newDataKey, open, seal, supportersScope, type DataKey, type SealedField } from "./seal";

// Re-sealing under new data keys, for when a data key may have leaked: a new generation of each
// scope seals what is written from then on (servers take it up within a minute), the rows sealed
// under an older one are sealed again batch by batch (each committed alone, each row only if it
// still holds what was read, so a run cut short is continued by the next and running servers are
// never overwritten), and an older key that nothing holds any more is destroyed.

const batchSize = 1000;
const keyIdSql = (column: string) => `split_part(${column}, '.', 2)`;

// The newest live key of each scope, as SQL: the key a value should be sealed under.
const newestKeySql = (scope: string) =>
  `(SELECT k.id FROM data_keys k WHERE k.scope = ${scope} AND k.wrapped IS NOT NULL ORDER BY k.generation DESC LIMIT 1)`;

// Starts a new generation of every scope that has a live key (or of `scopes`). Returns how many.
export async function beginResealing(client: Client, scopes?: string[]): Promise<number> {
  const live = await client.dataKey.findMany({ where: { wrapped: { not: null }, ...(scopes ? { scope: { in: scopes } } : {}) }, distinct: ["scope"], select: { scope: true } });
  for (const { scope } of live) {
    const newest = await client.dataKey.findFirst({ where: { scope }, orderBy: { generation: "desc" } });
    await client.dataKey.createMany({ data: [newDataKey(scope, newest!.generation + 1).row], skipDuplicates: true });
  }
  forgetActiveKeys(client);
  return live.length;
}

// A table whose rows hold sealed values that last (mail on its way is cleared once sent, and its
// keys retire when it is).
type SealedTable = { table: "signatures" | "paper_signatures" | "supporters"; columns: string[]; scope: string; rowId: string; field: (column: string) => SealedField };

const lastingTables: SealedTable[] = [
  { table: "signatures", columns: ["name", "postcode", "comment"], scope: `'campaign:' || t.campaign_id`, rowId: "id", field: (column) => `signatures.${column}` as SealedField },
  { table: "paper_signatures", columns: ["name", "postcode"], scope: `'campaign:' || t.campaign_id`, rowId: "id", field: (column) => `paper_signatures.${column}` as SealedField },
  { table: "supporters", columns: ["email"], scope: `'${supportersScope}'`, rowId: "email_hash", field: () => "supporters.email" },
];

function resealTable(client: Client, spec: SealedTable): Promise<number> {
  const stale = spec.columns.map((column) => `(t.${column} LIKE 's1.%' AND ${keyIdSql(`t.${column}`)} <> n.id)`).join(" OR ");
  return inBatches(
    (after) =>
      client.$queryRawUnsafe<(Record<string, string | null> & { id: string })[]>(
        `SELECT t.id, t.${spec.rowId} AS row_id, ${spec.scope} AS scope, ${spec.columns.map((column) => `t.${column}`).join(", ")}
           FROM ${spec.table} t CROSS JOIN LATERAL (SELECT ${newestKeySql(spec.scope)} AS id) n
          WHERE t.id > $1 AND n.id IS NOT NULL AND (${stale})
          ORDER BY t.id LIMIT ${batchSize}`,
        after,
      ),
    async (rows) => {
      await loadDataKeys(rows.flatMap((row) => spec.columns.map((column) => row[column])), client);
      const keys = new Map<string, DataKey>();
      const values = [];
      for (const row of rows) {
        const scope = row.scope!;
        if (!keys.has(scope)) keys.set(scope, await activeDataKey(scope, client));
        const key = keys.get(scope)!;
        const next: Record<string, string | null> = {};
        for (const column of spec.columns) {
          const value = row[column] ?? null;
          if (value === null || !isSealed(value) || value.startsWith(`s1.${key.id}.`)) next[column] = value;
          else {
            const plain = open(value, spec.field(column), row.row_id!);
            next[column] = plain === null ? value : seal(key, spec.field(column), row.row_id!, plain);
          }
        }
        values.push({ id: row.id, was: spec.columns.map((column) => row[column] ?? null), now: spec.columns.map((column) => next[column]) });
      }
      const assignments = spec.columns.map((column, index) => `${column} = v.now[${index + 1}]`).join(", ");
      const current = `ARRAY[${spec.columns.map((column) => `t.${column}`).join(", ")}]`;
      return client.$executeRawUnsafe(
        `UPDATE ${spec.table} t SET ${assignments}
           FROM jsonb_to_recordset($1::jsonb) AS v (id text, was text[], now text[])
          WHERE t.id = v.id AND ${current} IS NOT DISTINCT FROM v.was`,
        JSON.stringify(values),
      );
    },
  );
}

// Seals again every lasting value held under an older generation of its scope.
export async function resealRows(client: Client): Promise<Record<SealedTable["table"], number>> {
  const counts = { signatures: 0, paper_signatures: 0, supporters: 0 };
  for (const spec of lastingTables) counts[spec.table] = await resealTable(client, spec);
  return counts;
}

// Where each scope's values may be: the columns to search for a key before destroying it.
function holdersSql(scope: string, keyId: string): string[] {
  const held = (table: string, column: string, where = "") => `SELECT 1 FROM ${table} WHERE ${where}${column}::text LIKE '%s1.${keyId}.%'`;
  if (scope.startsWith("campaign:")) {
    const campaign = `campaign_id = '${scope.slice("campaign:".length).replace(/'/g, "''")}' AND `;
    return [...["name", "postcode", "comment"].map((column) => held("signatures", column, campaign)), ...["name", "postcode"].map((column) => held("paper_signatures", column, campaign))];
  }
  // Mail already sent keeps its sealed address, which nothing reads again: once its key is
  // destroyed that address is gone for good, as it should be.
  const unsent = "status IN ('PENDING', 'SENDING') AND ";
  if (scope === supportersScope) return [held("supporters", "email"), held("outbox_messages", "to_address", unsent)];
  if (scope === mailScope) {
    return [
      ...["to_address", "reply_to", "cc", "payload"].map((column) => held("outbox_messages", column, unsent)),
      ...["to_address", "subject", "html", "text", "headers"].map((column) => held("dev_mails", column)),
      held("webhook_deliveries", "personal_data"),
      held("letters", "subject"),
    ];
  }
  return [];
}

// Destroys each key older than its scope's newest that no row holds any more. Returns how many.
export async function retireResealedKeys(client: Client): Promise<number> {
  const older = await client.$queryRawUnsafe<{ id: string; scope: string }[]>(
    `SELECT k.id, k.scope FROM data_keys k
      WHERE k.wrapped IS NOT NULL AND k.generation < (SELECT max(n.generation) FROM data_keys n WHERE n.scope = k.scope AND n.wrapped IS NOT NULL)`,
  );
  let retired = 0;
  for (const key of older) {
    if (!/^[A-Za-z0-9_-]+$/.test(key.id)) continue;
    const holders = holdersSql(key.scope, key.id);
    if (holders.length === 0) continue;
    const [held] = await client.$queryRawUnsafe<{ held: boolean }[]>(`SELECT EXISTS (${holders.join(" UNION ALL ")}) AS held`);
    if (held?.held) continue;
    retired += await client.$executeRawUnsafe(`UPDATE data_keys SET wrapped = NULL, destroyed_at = now() AT TIME ZONE 'UTC' WHERE id = $1 AND wrapped IS NOT NULL`, key.id);
  }
  return retired;
}
