import { defineConfig } from "prisma/config";

// Used by the native Prisma CLI where it is available (`prisma migrate deploy`).
// Nida's own `npm run db:migrate` applies the same folder without it.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/nida" },
});
