// npm run db:seed: applies pending migrations and creates any missing seed content.
import { openDatabase } from "../lib/db";
import { env } from "../lib/env";
import { prepareDatabase } from "./prepare-database";

const database = openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
try {
  const { migrations, campaignsCreated } = await prepareDatabase(database);
  console.log(`Migrations applied: ${migrations.length}; seed campaigns created: ${campaignsCreated.length}`);
} finally {
  await database.close();
}
