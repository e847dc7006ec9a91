// The production server on PostgreSQL that the browser benchmarks load a seed campaign from: the
// one the load benchmarks left running in this run (settled first), or a new one on a fresh
// database, kept for the next browser benchmark.
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { BenchContext } from "./context";
import type { BenchServer } from "./server";

export type CampaignServer = { server: BenchServer; slug: string; url: string };

const sharedKey = "postgres-server";

export function shareCampaignServer(context: BenchContext, campaignServer: CampaignServer): void {
  context.shared.set(sharedKey, campaignServer);
}

export async function campaignServer(context: BenchContext): Promise<CampaignServer> {
  const shared = context.shared.get(sharedKey) as CampaignServer | undefined;
  if (shared) {
    // The server the load benchmarks just wrote tens of thousands of signatures through: the
    // database finishes its vacuum and checkpoint now rather than while a page is being timed.
    const client = new pg.Client({ connectionString: shared.url });
    await client.connect();
    await client.query("VACUUM (ANALYZE)");
    await client.query("CHECKPOINT");
    await client.end();
    return shared;
  }
  const url = await context.postgresDatabase(`nida_bench_pages_${randomUUID().slice(0, 8)}`);
  const server = await context.server("postgres", { DATABASE_URL: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const slug = (await client.query<{ slug: string }>(`SELECT slug FROM campaigns WHERE status = 'OPEN' ORDER BY created_at LIMIT 1`)).rows[0]!.slug;
  await client.end();
  const created = { server, slug, url };
  shareCampaignServer(context, created);
  return created;
}
