import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// npm run test:topology: the production topology on loopback (Caddy, two app servers, PgBouncer,
// a PostgreSQL primary and its streaming replica), with parts failing under load.
const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    include: ["tests/topology/**/*.test.ts"],
    globalSetup: ["tests/topology/build.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 240_000,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
