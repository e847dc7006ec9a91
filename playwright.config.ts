import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/fixtures/provision";

// Run through `npm test` (scripts/test.ts), which starts one server per database and passes
// their addresses here. E2E_TARGETS is "name=url,name=url".
const targets = (process.env.E2E_TARGETS ?? "pglite=http://127.0.0.1:3000")
  .split(",")
  .map((pair) => pair.split("=") as [string, string]);

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
    use: { ...devices["Pixel 7"], defaultBrowserType: "chromium", baseURL, launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } },
  })),
});
