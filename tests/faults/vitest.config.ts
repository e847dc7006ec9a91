import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// npm run test:faults: production servers on throwaway PostgreSQL clusters, with parts failing
// under load. Files run one at a time: each starts its own cluster and servers.
const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
    env: { NEXT_TELEMETRY_DISABLED: "1" },
  },
});
