import { randomUUID } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";
import { database, db } from "../../lib/db";
import { exportColumns } from "../../lib/exports/csv";
import { exportSignaturesCsv } from "../../lib/exports/export-signatures-csv";
import { csvRecordCounter, insertConfirmedSignatures, streamChunks } from "../fixtures/bulk-signatures";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { megabytes, memoryStatus, resetPeak, samplePeakRss } from "../fixtures/process-memory";

const rows = 100_000;
// Holding 100,000 rows as JavaScript objects takes well over this (about 10 MB of CSV, several
// times that as strings and objects); streaming them in chunks needs a few MB. The
// margin is wide so a noisy machine (or a garbage collector in no hurry) does not fail the test.
const maxGrowthBytes = 150 * 1024 * 1024;

// Minutes of database work: run with `npm run test:volume`, not in every `npm test`.
const enabled = process.env.NIDA_VOLUME_TESTS === "1";

describe.skipIf(!enabled)("exporting 100,000 confirmed signatures", () => {
  it(
    "streams every row with the process's peak memory barely above where it started",
    async () => {
      // If the test is about to time out, say where it stands and what the database is doing.
      let phase = "creating the campaign";
      const watchdog = setTimeout(() => void reportProgress(() => phase), 150_000);
      onTestFinished(() => clearTimeout(watchdog));
      const campaign = await createCampaign();
      const organisationId = campaign.owners[0]!.organisationId;
      phase = "inserting rows";
      const insertStarted = performance.now();
      await insertConfirmedSignatures((text, params) => db.$executeRawUnsafe(text, ...params), {
        campaignId: campaign.id,
        count: rows,
        prefix: `v${randomUUID().slice(0, 8)}`,
        consentTo: organisationId,
      });
      const insertMs = performance.now() - insertStarted;
      const user = await db.user.create({ data: { email: uniqueEmail("organiser") } });
      await db.membership.create({ data: { userId: user.id, organisationId, role: "ORGANISER" } });
      const actor = { userId: user.id, email: user.email, memberships: [{ organisationId, role: "ORGANISER" as const }] };

      phase = "opening the export";
      const baseline = memoryStatus()!.rssBytes;
      const kernelPeak = resetPeak();
      const sampler = samplePeakRss(() => [process.pid], 10);
      const started = performance.now();
      const csv = await exportSignaturesCsv({ actor, campaignId: campaign.id });
      const counter = csvRecordCounter();
      let bytes = 0;
      let firstChunk: string | undefined;
      let firstByteMs = 0;
      for await (const chunk of streamChunks(csv.stream)) {
        if (firstChunk === undefined) {
          firstByteMs = performance.now() - started;
          firstChunk = new TextDecoder("utf-8", { ignoreBOM: true }).decode(chunk.subarray(0, 200));
        }
        counter.push(chunk);
        bytes += chunk.byteLength;
        phase = `exporting (${counter.records} records read)`;
      }
      const totalMs = performance.now() - started;
      const sampledPeak = sampler.stop();
      const peak = Math.max(sampledPeak, kernelPeak ? memoryStatus()!.peakBytes : 0);
      const growth = peak - baseline;

      console.log(
        `[export-volume] ${database().kind}: ${rows} rows, ${megabytes(bytes)} MB in ${Math.round(totalMs)} ms ` +
          `(first byte ${Math.round(firstByteMs)} ms; insert ${Math.round(insertMs)} ms); ` +
          `RSS ${megabytes(baseline)} MB before, peak ${megabytes(peak)} MB (+${megabytes(growth)} MB, ` +
          `${kernelPeak ? "VmHWM reset before the export" : "sampled every 10 ms"})`,
      );

      expect(firstChunk!.startsWith(`\uFEFF${exportColumns.join(",")}\r\n`)).toBe(true);
      expect(csv.expectedRows).toBe(rows);
      expect(counter.records - 1).toBe(rows);
      const audit = await db.auditEntry.findFirst({ where: { campaignId: campaign.id, action: "signatures.export" } });
      expect(audit).toMatchObject({ affected: rows, details: { status: "completed" } });
      expect(growth).toBeLessThan(maxGrowthBytes);
    },
    180_000,
  );
});

async function reportProgress(phase: () => string): Promise<void> {
  console.error(`[export-volume] still running after 150 s: ${phase()}`);
  if (database().kind !== "postgres") return;
  const activity = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT pid, application_name, state, wait_event_type, wait_event, now() - query_start AS running_for, left(query, 120) AS query
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  console.error(`[export-volume] pg_stat_activity:\n${activity.map((row) => JSON.stringify(row)).join("\n")}`);
}
