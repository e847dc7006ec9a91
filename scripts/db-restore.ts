// npm run db:restore -- FILE: restores a backup from npm run db:backup into the configured
// database, which must be empty: a new PGLITE_DATA_DIR folder (no server running on it), or a new
// PostgreSQL database (DIRECT_DATABASE_URL when set, else DATABASE_URL).
import { restoreDatabase } from "../lib/backups/backup-database";
import { configuredTarget } from "../lib/db";

const file = process.argv[2];
if (!file) {
  console.error("Usage: npm run db:restore -- FILE");
  process.exit(2);
}
try {
  const restored = await restoreDatabase({ target: configuredTarget(), file });
  console.log(`Restored ${file} into the ${restored.kind === "pglite" ? "embedded database" : "PostgreSQL database"} (${restored.tables} tables). Start Nida to apply any newer migrations.`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
