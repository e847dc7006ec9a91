import type { Database } from "../lib/db";
import { migrateDatabase } from "./migrations/migrate-database";
import { seedDatabase } from "../prisma/seed";

// Brings a database to the current schema and makes sure the seed campaigns exist.
export async function prepareDatabase(database: Database): Promise<{ migrations: string[]; campaignsCreated: string[] }> {
  const migrations = await migrateDatabase(database);
  const { campaignsCreated } = await seedDatabase(database.prisma);
  return { migrations, campaignsCreated };
}
