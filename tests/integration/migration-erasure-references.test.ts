// Mail and webhook deliveries written before they carried their signature's id get it from the
// migration that adds it, so that erasing their signer finds them by reference too.
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../lib/db";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_FILE } from "../../scripts/migrations/schema-engine";

const migration = "20261206061323_erasure_references";

describe(`migration ${migration}`, () => {
  let database: Database;
  let before: string;

  beforeAll(async () => {
    database = openDatabase({ pgliteDataDir: "memory://" });
    // The migrations as they were before this one.
    before = await mkdtemp(path.join(tmpdir(), "nida-migrations-"));
    await cp(path.join(DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_FILE), path.join(before, MIGRATION_LOCK_FILE));
    for (const name of await readdir(DEFAULT_MIGRATIONS_DIR)) {
      if (/^\d{14}_/.test(name) && name < migration) await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    }
  });

  afterAll(async () => {
    await database?.close();
    if (before) await rm(before, { recursive: true, force: true });
  });

  it("links earlier confirmation mails and webhook deliveries to their signature and sets the signer's data apart", async () => {
    await applyMigrations(database.migrationAdapter(), { migrationsDir: before });
    const sql = (text: string) => database.prisma.$executeRawUnsafe(text);
    await sql(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ('o1', 'o1', 'O', now())`);
    await sql(`INSERT INTO campaigns (id, slug, title_en, summary_en, updated_at) VALUES ('c1', 'c1', 'C', 'S', now())`);
    await sql(`INSERT INTO supporters (id, canonical_email, email) VALUES ('p1', 'layla@example.org', 'layla@example.org')`);
    await sql(`INSERT INTO signatures (id, campaign_id, supporter_id, name, country, locale, updated_at) VALUES ('s1', 'c1', 'p1', 'Layla', 'SY', 'en', now())`);
    await sql(`INSERT INTO outbox_messages (id, idempotency_key, template, to_address, locale, payload) VALUES
      ('m1', 'confirm-signature:s1:1', 'confirm-signature', 'layla@example.org', 'en', '{"name": "Layla"}'),
      ('m2', 'confirm-signature:gone:1', 'confirm-signature', 'x@example.org', 'en', NULL),
      ('m3', 'digest:c1:d1:weekly:2026-W49', 'digest', 'minister@example.org', 'en', '{}')`);
    await sql(`INSERT INTO webhook_endpoints (id, organisation_id, url, secret, events, include_personal_data) VALUES ('e1', 'o1', 'https://hooks.example.org', 's', '{signature.confirmed}', true)`);
    await sql(`INSERT INTO webhook_deliveries (id, endpoint_id, event, idempotency_key, payload) VALUES
      ('w1', 'e1', 'signature.confirmed', 'e1:signature.confirmed:s1',
       '{"event": "signature.confirmed", "occurredAt": "2026-12-01T00:00:00.000Z", "data": {"campaign": "c1", "signature": "s1", "country": "SY", "name": "Layla", "email": "layla@example.org"}}'),
      ('w2', 'e1', 'milestone.reached', 'e1:milestone.reached:c1:10',
       '{"event": "milestone.reached", "occurredAt": "2026-12-01T00:00:00.000Z", "data": {"campaign": "c1", "goal": 10, "count": 10}}')`);

    expect(await applyMigrations(database.migrationAdapter())).toContain(migration);

    const mail = await database.prisma.$queryRawUnsafe<{ id: string; signature_id: string | null }[]>(`SELECT id, signature_id FROM outbox_messages ORDER BY id`);
    expect(mail).toEqual([
      { id: "m1", signature_id: "s1" },
      { id: "m2", signature_id: null },
      { id: "m3", signature_id: null },
    ]);
    const deliveries = await database.prisma.$queryRawUnsafe<{ id: string; signature_id: string | null; payload: unknown; personal_data: unknown }[]>(
      `SELECT id, signature_id, payload, personal_data FROM webhook_deliveries ORDER BY id`,
    );
    expect(deliveries).toEqual([
      {
        id: "w1",
        signature_id: "s1",
        payload: { event: "signature.confirmed", occurredAt: "2026-12-01T00:00:00.000Z", data: { campaign: "c1", signature: "s1", country: "SY" } },
        personal_data: { name: "Layla", email: "layla@example.org" },
      },
      {
        id: "w2",
        signature_id: null,
        payload: { event: "milestone.reached", occurredAt: "2026-12-01T00:00:00.000Z", data: { campaign: "c1", goal: 10, count: 10 } },
        personal_data: null,
      },
    ]);
  }, 120_000);
});
