import { requireCampaignRole, type Actor } from "../auth/authorize";
import { database, readDatabase } from "../db";
import { AppError } from "../errors";
import { encodeCsvRows } from "./csv";
import { describeFilters, type ExportFilters } from "./schema";
import { openKeysetPages, openPostgresCursor, type RawQuery, type RowQuery, type SignatureRowSource } from "./signature-rows";

export type SignatureExport = {
  // The CSV file, produced as it is read: UTF-8 with a BOM, a header row, then one row per signature.
  stream: ReadableStream<Uint8Array>;
  // "<campaign slug>-signatures-<YYYY-MM-DD>.csv"
  fileName: string;
  // Rows the file should hold, counted when the export was opened.
  expectedRows: number;
};

type ExportStatus = "completed" | "cancelled" | "failed";

// The confirmed signatures of a campaign as CSV, for an organiser (or owner) of an organisation
// that owns it. Viewers are refused: the file holds signers' personal data.
//
// E-mail addresses appear only for signers who consented to hear from the organisation through
// which the actor has access (their highest role among the campaign's owners), so each coalition
// partner exports only its own consenters.
//
// No row is read before the caller pulls: the stream passes on one chunk of rows per pull while the
// next is read, and cancelling it (or aborting `signal`) releases the database connection at once. The audit entry
// "signatures.export" is written before the first byte (with the filters and the expected count)
// and updated when the stream ends with the rows actually sent and how it ended.
export async function exportSignaturesCsv(options: {
  actor: Actor;
  campaignId: string;
  filters?: ExportFilters;
  // The header row's names, in column order: the fixed ones (exportColumns) unless given.
  header?: readonly string[];
  signal?: AbortSignal;
  batchSize?: number;
  now?: Date;
}): Promise<SignatureExport> {
  const filters = options.filters ?? {};
  const access = await requireCampaignRole(options.actor, options.campaignId, "ORGANISER");
  const { prisma, kind } = database();
  const campaign = await prisma.campaign.findUnique({ where: { id: options.campaignId }, select: { slug: true } });
  if (!campaign) throw new AppError("NOT_FOUND");
  options.signal?.throwIfAborted();

  const query: RowQuery = { campaignId: options.campaignId, organisationId: access.organisationId, filters };
  const source = await openRowSource(kind, query, options.batchSize);
  const details = { filters: describeFilters(filters), expectedRows: source.expectedRows };
  let auditId: string;
  try {
    const entry = await prisma.auditEntry.create({
      data: {
        organisationId: access.organisationId,
        userId: options.actor.userId,
        action: "signatures.export",
        campaignId: options.campaignId,
        affected: 0,
        details: { ...details, status: "started" },
      },
      select: { id: true },
    });
    auditId = entry.id;
  } catch (error) {
    await source.close();
    throw error;
  }

  const encoder = new TextEncoder();
  // The batch after the one being written is already on its way from the database, so reading
  // and writing overlap; at most two batches are held at once.
  let ahead: ReturnType<SignatureRowSource["next"]> | undefined;
  const readAhead = () => {
    const next = source.next();
    // A read cut short by a cancelled download is nobody's error.
    next.catch(() => undefined);
    return next;
  };
  let rowsSent = 0;
  let headerSent = false;
  let finished: Promise<void> | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const onAbort = () => {
    void finish("cancelled").then(() => {
      try {
        controllerRef?.error(options.signal?.reason);
      } catch {
        // already closed or errored
      }
    });
  };

  // Release the source first (the database connection), then record the outcome.
  function finish(status: ExportStatus): Promise<void> {
    finished ??= (async () => {
      options.signal?.removeEventListener("abort", onAbort);
      await source.close();
      await prisma.auditEntry
        .update({ where: { id: auditId }, data: { affected: rowsSent, details: { ...details, status } } })
        .catch((error: unknown) => console.error("export: could not update the audit entry", error));
    })();
    return finished;
  }

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        options.signal?.addEventListener("abort", onAbort, { once: true });
      },
      async pull(controller) {
        try {
          // The byte-order mark and header go at once: the download starts before any row is read.
          if (!headerSent) {
            headerSent = true;
            controller.enqueue(encoder.encode(encodeCsvRows([], { header: options.header ?? true })));
            return;
          }
          const batch = await (ahead ?? readAhead());
          ahead = batch ? readAhead() : undefined;
          if (finished) return;
          if (!batch) {
            await finish("completed");
            controller.close();
            return;
          }
          controller.enqueue(encoder.encode(encodeCsvRows(batch, { header: false })));
          rowsSent += batch.length;
        } catch (error) {
          // A read that fails because the download was cancelled meanwhile is not an error.
          if (finished) return;
          await finish("failed");
          controller.error(error);
        }
      },
      async cancel() {
        await finish("cancelled");
      },
    },
    // Nothing is queued in the stream: a chunk is read only when the consumer pulls.
    { highWaterMark: 0 },
  );
  if (options.signal?.aborted) onAbort();

  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  return { stream, fileName: `${campaign.slug}-signatures-${date}.csv`, expectedRows: source.expectedRows };
}

// On PostgreSQL the rows come from the replica when there is one (an export may be a moment behind;
// its audit entry is written to the primary).
function openRowSource(kind: "postgres" | "pglite", query: RowQuery, batchSize?: number): Promise<SignatureRowSource> {
  const rows = readDatabase();
  if (kind === "postgres" && rows.connectionString) return openPostgresCursor(rows.connectionString, query, { batchSize });
  const { prisma } = database();
  const runQuery: RawQuery = <T>(text: string, params: unknown[]) => prisma.$queryRawUnsafe<T[]>(text, ...params);
  return openKeysetPages(runQuery, query, { batchSize });
}
