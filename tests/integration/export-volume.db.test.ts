import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database, db } from "../../lib/db";
import { exportColumns } from "../../lib/exports/csv";
import { exportSignaturesCsv } from "../../lib/exports/export-signatures-csv";
import { csvRecordCounter, insertConfirmedSignatures, streamChunks } from "../fixtures/bulk-signatures";
import { createCampaign, uniqueEmail } from "../fixtures/factories";
import { megabytes, memoryStatus, resetPeak, samplePeakRss } from "../fixtures/process-memory";

const rows = 100_000;
// Holding 100,000 rows as JavaScript objects takes well over this (about 10 MB of CSV, several
// times that as strings and objects); streaming them in batches of 1,000 needs a few MB. The
// margin is wide so a noisy machine (or a garbage collector in no hurry) does not fail the test.
const maxGrowthBytes = 150 * 1024 * 1024;

// Minutes of database work: run with `npm run test:volume`, not in every `npm test`.
const enabled = process.env.NIDA_VOLUME_TESTS === "1";

describe.skipIf(!enabled)("exporting 100,000 confirmed signatures", () => {
  it(
    "streams every row with the process's peak memory barely above where it started",
    async () => {
      const campaign = await createCampaign();
      const organisationId = campaign.owners[0]!.organisationId;
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
