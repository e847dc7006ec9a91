// A client goes away in the middle of a large CSV export: the server stops reading the export's
// cursor and gives its connection back at once, rather than reading on for no one.
import pg from "pg";
import { openDatabase } from "../../lib/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelAfterFirstChunk, createCampaign, createOrganiserSession } from "../../bench/export";
import { BenchContext, uniqueName, type BenchServer } from "./support";

describe("client disconnects during an export", () => {
  const context = new BenchContext();
  let server: BenchServer;
  let client: pg.Client;
  let campaignId: string;
  let sessionToken: string;

  beforeAll(async () => {
    const url = await context.postgresDatabase(uniqueName("nida_fault_export"));
    client = new pg.Client({ connectionString: url, application_name: "nida-fault" });
    await client.connect();
    context.onCleanup(() => client.end());
    const organisationId = uniqueName("org");
    await client.query(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ($1, $1, '{"en": "Fault organisation"}', now())`, [organisationId]);
    const sealing = openDatabase({ databaseUrl: url, pgliteDataDir: "memory://", poolSize: 2 });
    context.onCleanup(() => sealing.close());
    campaignId = await createCampaign({ client, sealIn: sealing.prisma, organisationId }, 100_000);
    sessionToken = await createOrganiserSession(client, organisationId);
    server = await context.server("export", { DATABASE_URL: url });
  });

  afterAll(() => context.close());

  it("stops the export's query and releases its connection when the download is abandoned", async () => {
    const cancelled = await cancelAfterFirstChunk(server, client, campaignId, sessionToken);
    // While the client read, the export held exactly one connection (its cursor)...
    expect(cancelled.openWhileReading).toBe(1);
    // ...and once it went away, the connection was gone within seconds, with no query left running.
    expect(cancelled.releasedAfterMs).not.toBeNull();
    expect(cancelled.releasedAfterMs!).toBeLessThan(10_000);
    const running = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'nida-export%' AND pid <> pg_backend_pid()`,
    );
    expect(running.rows[0]!.n).toBe(0);
  });
});
