import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = { "@": root };
// Domain tests that touch the database run twice: on PGlite and on a throwaway PostgreSQL.
const databaseTests = ["tests/integration/**/*.db.test.ts"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: databaseTests,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "pglite",
          include: databaseTests,
          globalSetup: ["tests/setup/pglite-global.ts"],
          setupFiles: ["tests/setup/database.ts"],
          env: { NIDA_ENV: "test", JOBS_ENABLED: "false", APP_URL: "http://nida.test", SIGNER_FEED_SETTLE_SECONDS: "0" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "postgres",
          include: databaseTests,
          globalSetup: ["tests/setup/postgres-global.ts"],
          setupFiles: ["tests/setup/database.ts"],
          env: { NIDA_ENV: "test", JOBS_ENABLED: "false", APP_URL: "http://nida.test", SIGNER_FEED_SETTLE_SECONDS: "0" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
