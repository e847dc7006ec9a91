// Runs the README's `npm start` on a fresh embedded database and checks that the home page
// serves the seed campaigns: the Quick start, as a newcomer would run it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../tests/fixtures/free-port";
import { campaigns } from "../prisma/seed-data";

const port = await freePort();
const dataDir = mkdtempSync(join(tmpdir(), "nida-quick-start-"));
const started = Date.now();
const server = spawn("npm", ["start"], {
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
  env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: join(dataDir, "pglite"), NEXT_TELEMETRY_DISABLED: "1" },
});

async function firstPage(): Promise<string> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "accept-language": "en" } });
      if (response.ok) return await response.text();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("npm start did not serve the home page within 5 minutes");
}

let failed = false;
try {
  const html = await firstPage();
  const missing = campaigns.filter((campaign) => !html.includes(`/en/campaigns/${campaign.slug}`));
  if (missing.length > 0) throw new Error(`home page lacks ${missing.map((campaign) => campaign.slug).join(", ")}`);
  console.log(`quick start: home page with ${campaigns.length} campaigns after ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  failed = true;
  console.error(`quick start failed: ${error instanceof Error ? error.message : error}`);
} finally {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)));
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
