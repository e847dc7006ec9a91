// A backup restores: taken while the database serves (PGlite: by the process that holds it, over
// its control socket; PostgreSQL: pg_dump), restored into an empty database, it holds every row of
// every table, and a signer can still confirm on the restored copy with the link they were sent.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ConfirmSignatureProps } from "../../emails/confirm-signature";
import { backupDatabase, restoreDatabase } from "../../lib/backups/backup-database";
import { moveToPostgres } from "../../lib/backups/move-to-postgres";
import { listenForBackupRequests } from "../../lib/backups/pglite-control";
import { database, db, openDatabase, type Database, type DatabaseTarget } from "../../lib/db";
import { env } from "../../lib/env";
import { emailHash } from "../../lib/sealing/lookup";
import { confirmSignature } from "../../lib/signatures/confirm-signature";
import { signPetition } from "../../lib/signatures/sign-petition";
import { applyMigrations } from "../../scripts/migrations/schema-engine";
import { createCampaign, signInput, uniqueEmail } from "../fixtures/factories";
import { createDatabase, dropDatabase } from "../fixtures/postgres-cluster";
import { latestMailTo, mailsTo } from "../fixtures/sealed-mail";
import { differingTables, tableRows } from "../fixtures/table-rows";

const cache = globalThis as unknown as { nidaDatabase?: Database };
const folder = mkdtempSync(join(tmpdir(), "nida-backup-test-"));
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(folder, { recursive: true, force: true });
}, 60_000);

// A new, empty database of the kind the tests run on, and where it is.
async function emptyDatabase(): Promise<DatabaseTarget> {
  if (database().kind === "pglite") return { pgliteDataDir: join(folder, `db-${randomUUID().slice(0, 8)}`) };
  const serverUrl = env.DATABASE_URL!;
  const name = `nida_backup_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const url = await createDatabase(serverUrl, name);
  cleanups.push(() => dropDatabase(serverUrl, name));
  return { databaseUrl: url, pgliteDataDir: "unused" };
}

// Makes `open` the application's database for what follows (lib/ reads it through `db`).
function makeCurrent(open: Database): void {
  cache.nidaDatabase = open;
}

describe("backup and restore", () => {
  it("restores every row, and a confirmation link sent before the backup still works", async () => {
    const shared = database();
    const sourceTarget = await emptyDatabase();
    const source = openDatabase(sourceTarget);
    cleanups.push(() => source.close());
    await applyMigrations(source.migrationAdapter());
    makeCurrent(source);
    try {
      if (source.kind === "pglite") {
        // The running server answers backup requests for the folder it holds.
        const control = await listenForBackupRequests(sourceTarget.pgliteDataDir, source.pglite!);
        cleanups.push(async () => control?.close());
      }
      const campaign = await createCampaign();
      const signers = [uniqueEmail("kept"), uniqueEmail("kept"), uniqueEmail("pending")];
      for (const email of signers) await signPetition({ campaignSlug: campaign.slug, input: signInput({ email }), locale: "en", ipAddress: "203.0.113.9" });
      const messages = await mailsTo(signers, { template: "confirm-signature" });
      const tokenOf = (email: string) => (messages.find((message) => message.toAddress === email)!.payload as unknown as ConfirmSignatureProps).confirmUrl.split("/confirm/")[1]!;
      await confirmSignature({ token: tokenOf(signers[0]!) });

      const file = join(folder, `backup-${randomUUID().slice(0, 8)}`);
      const backup = await backupDatabase({ target: sourceTarget, file });
      expect(backup.bytes).toBeGreaterThan(0);
      expect(backup.takenBy).toBe(source.kind === "pglite" ? "server" : "pg_dump");

      const copyTarget = await emptyDatabase();
      const restored = await restoreDatabase({ target: copyTarget, file });
      expect(restored.tables).toBeGreaterThan(30);
      const copy = openDatabase(copyTarget);
      cleanups.push(() => copy.close());

      // Row by row, every table.
      const before = await tableRows(source);
      expect(before.get("signatures")!.length).toBeGreaterThanOrEqual(3);
      expect(differingTables(before, await tableRows(copy))).toEqual([]);

      // The journey goes on on the restored copy: the pending signer confirms with their link.
      makeCurrent(copy);
      const confirmed = await confirmSignature({ token: tokenOf(signers[2]!) });
      expect(confirmed).toBeTruthy();
      const state = await db.signature.findFirst({ where: { campaignId: campaign.id, supporter: { emailHash: emailHash(signers[2]!) } }, select: { state: true } });
      expect(state?.state).toBe("CONFIRMED");
      // A restore goes only into an empty database.
      await expect(restoreDatabase({ target: copyTarget, file })).rejects.toThrow(/not empty|holds|running/);
    } finally {
      makeCurrent(shared);
    }
  }, 120_000);

  // An embedded install outgrows its machine: its folder is copied into an empty PostgreSQL database.
  it.skipIf(!env.DATABASE_URL)("moves an embedded database into PostgreSQL row by row, and the journey goes on there", async () => {
    const shared = database();
    const sourceTarget = { pgliteDataDir: join(folder, `move-${randomUUID().slice(0, 8)}`) };
    const source = openDatabase(sourceTarget);
    await applyMigrations(source.migrationAdapter());
    makeCurrent(source);
    let token: string;
    let campaignId: string;
    let pending: string;
    let before: Awaited<ReturnType<typeof tableRows>>;
    try {
      const campaign = await createCampaign();
      campaignId = campaign.id;
      pending = uniqueEmail("moved");
      await signPetition({ campaignSlug: campaign.slug, input: signInput({ email: pending }), locale: "ar", ipAddress: "203.0.113.10" });
      const message = await latestMailTo(pending, { template: "confirm-signature" });
      token = (message.payload as unknown as ConfirmSignatureProps).confirmUrl.split("/confirm/")[1]!;
      before = await tableRows(source);
    } finally {
      makeCurrent(shared);
      // The move needs the folder closed, as with the server stopped.
      await source.close();
    }

    const target = await emptyDatabase();
    const moved = await moveToPostgres({ pgliteDataDir: sourceTarget.pgliteDataDir, targetUrl: target.databaseUrl! });
    expect(moved.find((table) => table.table === "signatures")?.rows).toBe(1);
    const copy = openDatabase(target);
    cleanups.push(() => copy.close());
    // The target records its own application of the same migrations (its ids and times): every
    // other table is equal row by row, and the migrations applied are the same ones.
    const after = await tableRows(copy);
    // A row prints as (id,checksum,finished_at,migration_name,…).
    const names = (rows: string[] | undefined) => (rows ?? []).map((row) => row.split(",")[3]).sort();
    expect(names(after.get("_prisma_migrations"))).toEqual(names(before.get("_prisma_migrations")));
    before.delete("_prisma_migrations");
    after.delete("_prisma_migrations");
    expect(differingTables(before, after)).toEqual([]);

    makeCurrent(copy);
    try {
      await confirmSignature({ token });
      const state = await db.signature.findFirst({ where: { campaignId, supporter: { emailHash: emailHash(pending) } }, select: { state: true } });
      expect(state?.state).toBe("CONFIRMED");
    } finally {
      makeCurrent(shared);
    }
  }, 120_000);
});
