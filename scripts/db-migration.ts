// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL
// that takes the existing migrations to the current prisma/schema.prisma (like `prisma migrate dev --create-only`).
import { createMigration, MIGRATION_NAME_PATTERN } from "./migrations/schema-engine";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const name = args[0];
if (args.length !== 1 || !name || !MIGRATION_NAME_PATTERN.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (snake_case letters and digits, e.g. add_campaign_tags)");
  process.exit(2);
}

try {
  const folder = await createMigration(name);
  if (folder === null) {
    console.log("No changes: the migrations already match prisma/schema.prisma; nothing written.");
  } else {
    console.log(folder);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
