// npm run db:move -- postgresql://…: copies the embedded database (PGLITE_DATA_DIR; the server must
// be stopped) into an empty PostgreSQL database, in one transaction. Afterwards set DATABASE_URL to
// that database and start Nida; the embedded folder is left as it was.
import { moveToPostgres } from "../lib/backups/move-to-postgres";
import { env } from "../lib/env";

const targetUrl = process.argv[2];
if (!targetUrl || !/^postgres(ql)?:\/\//.test(targetUrl)) {
  console.error("Usage: npm run db:move -- postgresql://user:password@host:5432/database");
  process.exit(2);
}
try {
  const moved = await moveToPostgres({ pgliteDataDir: env.PGLITE_DATA_DIR, targetUrl, log: (line) => console.log(line) });
  const rows = moved.reduce((sum, table) => sum + table.rows, 0);
  console.log(`Moved ${rows} rows in ${moved.length} tables from ${env.PGLITE_DATA_DIR} to PostgreSQL. Set DATABASE_URL to that database and start Nida.`);
} catch (error) {
  console.error(`Move failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
