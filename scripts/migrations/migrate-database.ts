import type { Database } from "../../lib/db";
import { sealPlainMail } from "../../lib/mail/seal-plain-mail";
import { sealPlainDeliveries } from "../../lib/sealing/seal-plain-deliveries";
import { sealPlainRows } from "../../lib/sealing/seal-plain-rows";
import { applyMigrations } from "./schema-engine";

// Brings a database to the current schema: the pending migrations, then what only the application
// can do because it holds the keys (sealing values a database from before sealing holds in plain
// text: the outbox's mail after the supporters' addresses it copies, webhook deliveries and the
// development mailbox). Returns the migrations applied.
export async function migrateDatabase(database: Database): Promise<string[]> {
  const applied = await applyMigrations(database.migrationAdapter());
  await sealPlainRows(database.prisma);
  await sealPlainMail(database.prisma);
  await sealPlainDeliveries(database.prisma);
  return applied;
}
