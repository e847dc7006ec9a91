// Builds the production app once before the test (when the sources changed since the last build),
// so the test's own time is the topology's, not the compiler's.
import { benchEnv } from "../../bench/support/server";
import { buildIfNeeded } from "../../scripts/build-state";

export default function setup(): void {
  if (!buildIfNeeded(benchEnv, "[topology] building the production app (the code changed since the last build)…")) throw new Error("next build failed");
}
