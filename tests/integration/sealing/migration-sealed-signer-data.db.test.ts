// A database from before sealing comes through the migration and the sealing step with every
// signer's value sealed and nothing lost: names, postcodes, comments and addresses open to what
// they were, the same person is still found by any spelling of their address, and paper
// signatures still match their online twins.
import { describe, expect, it } from "vitest";
import { emailHash, nameWords } from "../../../lib/sealing/lookup";
import { loadDataKeys, open } from "../../../lib/sealing/seal";
import { migrateDatabase } from "../../../scripts/migrations/migrate-database";
import { databaseBeforeMigration } from "../../fixtures/database-before-migration";

const migration = "20261207093702_sealed_signer_data";

describe(`migration ${migration} and the sealing step`, () => {
  const { own: opened, migrateToBefore } = databaseBeforeMigration(migration);

  it("seals every signer's value, keeps each readable, and finds people as before", async () => {
    await migrateToBefore();
    const own = opened();
    const sql = (text: string) => own.prisma.$executeRawUnsafe(text);
    await sql(`INSERT INTO campaigns (id, slug, title_en, summary_en, updated_at) VALUES ('c1', 'c1', 'C', 'S', now())`);
    await sql(`INSERT INTO paper_imports (id, campaign_id, label, signature_count) VALUES ('i1', 'c1', 'Idlib vigil', 2)`);
    await sql(`INSERT INTO paper_signatures (id, campaign_id, import_id, name, country, postcode, canonical_email, identity_hash) VALUES
      ('q1', 'c1', 'i1', 'Layla H', 'SY', 'A1 1AA', 'layla@example.org', NULL),
      ('q2', 'c1', 'i1', 'Samir', 'LB', NULL, NULL, 'keyed-identity')`);
    await sql(`INSERT INTO supporters (id, canonical_email, email) VALUES
      ('p1', 'layla@example.org', 'Layla@Example.org'),
      ('p2', 'omar@gmail.com', 'O.mar+syria@gmail.com')`);
    await sql(`INSERT INTO signatures (id, campaign_id, supporter_id, name, country, postcode, comment, locale, updated_at) VALUES
      ('s1', 'c1', 'p1', 'ليلى حدّاد', 'SY', NULL, 'أوقفوا القصف', 'ar', now()),
      ('s2', 'c1', 'p2', 'Omar Haddad', 'DE', '10115', NULL, 'en', now()),
      ('s3', 'c1', NULL, '', 'TR', NULL, NULL, 'en', now())`);

    await sql(`INSERT INTO organisations (id, slug, name, updated_at) VALUES ('o1', 'o1', 'O', now())`);
    await sql(`INSERT INTO webhook_endpoints (id, organisation_id, url, secret, events, include_personal_data) VALUES ('e1', 'o1', 'https://hooks.example.org', 's', '{signature.confirmed}', true)`);
    await sql(`INSERT INTO webhook_deliveries (id, endpoint_id, event, idempotency_key, payload, signature_id, personal_data) VALUES
      ('w1', 'e1', 'signature.confirmed', 'e1:signature.confirmed:s2', '{"event": "signature.confirmed"}', 's2', '{"name": "Omar Haddad", "email": "O.mar+syria@gmail.com"}')`);
    await sql(`INSERT INTO dev_mails (id, to_address, from_address, subject, html, text, headers) VALUES
      ('d1', 'Layla@Example.org', 'Nida <noreply@nida.test>', 'Confirm, Layla', '<p>Dear Layla</p>', 'Dear Layla', '{"Reply-To": "layla@example.org", "X-Other": "kept"}')`);

    const applied = await migrateDatabase(own);
    expect(applied).toEqual([...applied.filter((name) => name < migration), migration, ...applied.filter((name) => name > migration)]);
    expect(applied).toContain(migration);

    const supporters = await own.prisma.$queryRawUnsafe<{ id: string; email: string; email_hash: string }[]>(`SELECT id, email, email_hash FROM supporters ORDER BY id`);
    const signatures = await own.prisma.$queryRawUnsafe<{ id: string; name: string; postcode: string | null; comment: string | null; name_words: string[] }[]>(
      `SELECT id, name, postcode, comment, name_words FROM signatures ORDER BY id`,
    );
    const stored = JSON.stringify([supporters, signatures]);
    for (const value of ["Layla", "layla@example.org", "O.mar", "omar@gmail.com", "ليلى", "حدّاد", "Haddad", "10115", "أوقفوا"]) {
      expect(stored.toLowerCase()).not.toContain(value.toLowerCase());
    }

    await loadDataKeys([...supporters.map((row) => row.email), ...signatures.flatMap((row) => [row.name, row.postcode, row.comment])], own.prisma);
    expect(supporters.map((row) => open(row.email, "supporters.email", row.email_hash))).toEqual(["Layla@Example.org", "O.mar+syria@gmail.com"]);
    // Any spelling of an address finds its supporter, as the canonical address did.
    expect(supporters.map((row) => row.email_hash)).toEqual([emailHash("LAYLA@example.org"), emailHash("omar+other@googlemail.com")]);
    expect(signatures.map((row) => [open(row.name, "signatures.name", row.id), row.postcode && open(row.postcode, "signatures.postcode", row.id), row.comment && open(row.comment, "signatures.comment", row.id)])).toEqual([
      ["ليلى حدّاد", null, "أوقفوا القصف"],
      ["Omar Haddad", "10115", null],
      ["", null, null],
    ]);
    expect(signatures[1]!.name_words).toEqual(nameWords("omar HADDAD"));
    // A value moved to another row no longer opens.
    expect(() => open(signatures[0]!.name, "signatures.name", "s2")).toThrow();

    const paper = await own.prisma.$queryRawUnsafe<{ id: string; name: string; postcode: string | null; email_hash: string | null; identity_hash: string | null }[]>(
      `SELECT id, name, postcode, email_hash, identity_hash FROM paper_signatures ORDER BY id`,
    );
    expect(JSON.stringify(paper)).not.toMatch(/Layla|Samir|A1 1AA|example\.org/i);
    await loadDataKeys(paper.flatMap((row) => [row.name, row.postcode]), own.prisma);
    expect(paper.map((row) => [open(row.name, "paper_signatures.name", row.id), row.postcode && open(row.postcode, "paper_signatures.postcode", row.id)])).toEqual([
      ["Layla H", "A1 1AA"],
      ["Samir", null],
    ]);
    // The paper signature still names the same person as the online one.
    expect(paper.map((row) => [row.email_hash, row.identity_hash])).toEqual([
      [supporters[0]!.email_hash, null],
      [null, "keyed-identity"],
    ]);

    // Mail on its way: a webhook delivery's personal data and the development mailbox.
    const [delivery] = await own.prisma.$queryRawUnsafe<{ personal_data: { sealed: string } }[]>(`SELECT personal_data FROM webhook_deliveries`);
    const [devMail] = await own.prisma.$queryRawUnsafe<{ to_address: string; subject: string; html: string; text: string; headers: Record<string, string> }[]>(`SELECT to_address, subject, html, text, headers FROM dev_mails`);
    expect(JSON.stringify([delivery, devMail])).not.toMatch(/Layla|Omar|example\.org|gmail/i);
    expect(devMail!.headers["X-Other"]).toBe("kept");
    await loadDataKeys([delivery!.personal_data.sealed, devMail!.to_address, devMail!.subject, devMail!.html, devMail!.text, devMail!.headers["Reply-To"]], own.prisma);
    expect(JSON.parse(open(delivery!.personal_data.sealed, "webhook_deliveries.personal_data", "e1:signature.confirmed:s2")!)).toEqual({ name: "Omar Haddad", email: "O.mar+syria@gmail.com" });
    expect([open(devMail!.to_address, "dev_mails.to_address", "d1"), open(devMail!.subject, "dev_mails.subject", "d1"), open(devMail!.text, "dev_mails.text", "d1"), open(devMail!.headers["Reply-To"]!, "dev_mails.headers", "d1#Reply-To")]).toEqual([
      "Layla@Example.org",
      "Confirm, Layla",
      "Dear Layla",
      "layla@example.org",
    ]);

    // Running it again changes nothing.
    expect(await migrateDatabase(own)).toEqual([]);
    const again = await own.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM signatures UNION ALL SELECT name FROM paper_signatures UNION ALL SELECT email FROM supporters`);
    expect(again.map((row) => row.name).sort()).toEqual([...signatures.map((row) => row.name), ...paper.map((row) => row.name), ...supporters.map((row) => row.email)].sort());
  });
});
