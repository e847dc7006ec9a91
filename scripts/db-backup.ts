// npm run db:backup [-- FILE]: a backup of the configured database, written to FILE (default
// nida-<database>-<UTC time>.tar.gz or .dump in the working directory). PGlite: taken by the
// running server, or from its folder when no server runs. PostgreSQL: pg_dump's custom format,
// from DIRECT_DATABASE_URL when set. Restore with npm run db:restore.
import { backupDatabase, backupExtension } from "../lib/backups/backup-database";
import { configuredTarget } from "../lib/db";

const target = configuredTarget();
const kind = target.databaseUrl ? "postgres" : "pglite";
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
const file = process.argv[2] ?? `nida-${kind}-${stamp}${backupExtension[kind]}`;
try {
  const backup = await backupDatabase({ target, file });
  console.log(`Backed up the ${kind === "pglite" ? "embedded database" : "PostgreSQL database"} to ${backup.file} (${backup.bytes} bytes, taken by ${backup.takenBy}).`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
