import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/fixtures/provision";

// Run through `npm test` (scripts/test.ts), which starts one server per database and passes
// their addresses here. E2E_TARGETS is "name=url,name=url".
const targets = (process.env.E2E_TARGETS ?? "pglite=http://127.0.0.1:3000")
  .split(",")
  .map((pair) => pair.split("=") as [string, string]);

// Every journey runs on PGlite, the database of `npm start`. On PostgreSQL run the journeys whose
// work the two engines do differently: concurrent signing on a pool of connections, exports through
// COPY, the outbox and the update worker claiming rows with SKIP LOCKED, erasure, the open API; and
// those of delivery (packs, paper signatures, the map), whose counts come from hand-written SQL.
// Every query of the other journeys runs on both engines in the integration tests (tests/integration).
const postgresJourneys = [
  "sign-and-confirm",
  "sign-from-a-shared-connection",
  "sign-twice",
  "live-count",
  "supporter-erases-their-data",
  "supporter-writes-letter",
  "fresh-install-sends-nothing",
  "organiser-journey",
  "organiser-delivers-digest",
  "organiser-sends-update",
  "developer-reads-api",
  "organiser-enters-paper-signatures",
  "organiser-prints-paper-materials",
  "reader-sees-signers-map",
  "turkish-visitor-signs",
  "arabic-only-campaign",
].map((journey) => `**/${journey}.spec.ts`);

const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? "test-results/playwright.json" }]],
  use: {
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: "retain-on-failure",
  },
  projects: targets.map(([name, baseURL]) => ({
    name,
    ...(name === "postgres" ? { testMatch: postgresJourneys } : {}),
    use: { ...devices["Pixel 7"], defaultBrowserType: "chromium", baseURL, launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } },
  })),
});
