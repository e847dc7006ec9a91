// PostgreSQL restarts while people sign: requests fail fast with "try again shortly" (503 and
// Retry-After from the API), nothing is half-written, and the app recovers without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailHash } from "../../lib/sealing/lookup";
import type { PostgresCluster } from "../fixtures/postgres-cluster";
import {
  BenchContext,
  campaignIntegrity,
  distinctIp,
  openSeedCampaign,
  sign,
  signatureEmailHashes,
  signForm,
  startPostgres,
  stopPostgres,
  sustain,
  uniqueName,
  waitFor,
  type BenchServer,
  type FormFields,
  type SignOutcome,
} from "./support";

describe("PostgreSQL restarted under load", () => {
  const context = new BenchContext();
  let cluster: PostgresCluster;
  let server: BenchServer;
  let url: string;
  let campaign: { id: string; slug: string };
  let form: FormFields;

  beforeAll(async () => {
    url = await context.postgresDatabase(uniqueName("nida_fault_restart"));
    cluster = await context.postgresCluster();
    server = await context.server("postgres-restart", { DATABASE_URL: url, DATABASE_CONNECT_TIMEOUT_MS: "3000" });
    campaign = await openSeedCampaign(url);
    form = await signForm(server.url, campaign.slug);
  });

  afterAll(async () => {
    // The cluster must be running for its own clean-up.
    try {
      startPostgres(cluster);
    } catch {
      // already running
    }
    await context.close();
  });

  it("answers fast while the database is away, loses nothing half-written, and recovers", async () => {
    const run = uniqueName("restart");
    type Attempt = SignOutcome & { email: string; phase: "up" | "down" | "back" };
    let phase: Attempt["phase"] = "up";
    const load = sustain(6, async (n): Promise<Attempt> => {
      const email = `${run}-${n}@example.org`;
      const started = phase;
      const outcome = await sign(server, form, email, distinctIp(n), 20_000);
      return { ...outcome, email, phase: started === phase ? phase : "back" };
    });
    await waitFor("signing to be under way", async () => load.results.filter((r) => r.outcome === "signed").length >= 10, 60_000);

    stopPostgres(cluster);
    phase = "down";
    // The health check and the API say so at once, with when to come back.
    const healthStarted = performance.now();
    const health = await fetch(`${server.url}/api/health`);
    const healthMs = performance.now() - healthStarted;
    expect(health.status).toBe(503);
    expect(health.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(healthMs).toBeLessThan(3_000);
    const downSince = load.count();
    await waitFor("sign requests answered while the database is away", async () => load.results.slice(downSince).filter((r) => r.phase === "down").length >= 12, 60_000);

    startPostgres(cluster);
    phase = "back";
    await waitFor("the health check to pass again", async () => (await fetch(`${server.url}/api/health`)).ok, 30_000, 200);
    const backSince = load.count();
    await waitFor("signing to succeed again", async () => load.results.slice(backSince).filter((r) => r.outcome === "signed").length >= 5, 30_000);
    const attempts = await load.stop();

    const down = attempts.filter((attempt) => attempt.phase === "down");
    // Every answer while the database was away said "try again shortly" (or had already been
    // recorded), and came quickly rather than hanging.
    expect(down.filter((attempt) => attempt.outcome !== "unavailable" && attempt.outcome !== "signed")).toEqual([]);
    expect(down.filter((attempt) => attempt.outcome === "unavailable").length).toBeGreaterThan(0);
    // "Shortly" is said in HTTP too: 503 with Retry-After.
    expect(down.filter((attempt) => attempt.outcome === "unavailable" && (attempt.status !== 503 || !attempt.retryAfter))).toEqual([]);
    expect(Math.max(...down.map((attempt) => attempt.ms))).toBeLessThan(5_000);

    // Everyone told "signed" is there, with the confirmation e-mail queued; no signature lacks it.
    const stored = await signatureEmailHashes(url, campaign.id);
    const signed = attempts.filter((attempt) => attempt.outcome === "signed").map((attempt) => attempt.email);
    expect(signed.filter((email) => !stored.has(emailHash(email)))).toEqual([]);
    const integrity = await campaignIntegrity(url, campaign.id);
    expect(integrity.withoutMessage).toBe(0);
    expect(integrity.counted).toBe(integrity.confirmed);
  });
});
