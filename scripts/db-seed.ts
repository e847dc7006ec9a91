// npm run db:seed: applies pending migrations and creates any missing seed content.
import { configuredTarget, openDatabase } from "../lib/db";
import { prepareDatabase } from "./prepare-database";

const database = openDatabase(configuredTarget());
try {
  const { migrations, campaignsCreated } = await prepareDatabase(database);
  console.log(`Migrations applied: ${migrations.length}; seed campaigns created: ${campaignsCreated.length}`);
} finally {
  await database.close();
}
