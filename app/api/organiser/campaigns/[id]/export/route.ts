import { getActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/error-answers";
import { AppError } from "@/lib/errors";
import { exportSignaturesCsv } from "@/lib/exports/export-signatures-csv";
import { exportHeader } from "@/lib/exports/header";
import { parseExportQuery } from "@/lib/exports/schema";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

// An ASCII name for every client, and the exact one (RFC 6266's filename*) for those that read it.
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]+/g, "-");
  return ascii === fileName
    ? `attachment; filename="${fileName}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// GET /api/organiser/campaigns/:id/export?from=YYYY-MM-DD&to=YYYY-MM-DD&country=SY&consented=on&locale=ar[&header=machine]
// The confirmed signatures as a CSV download, streamed from the database as the client reads it,
// its columns named in the exporter's language (or by their fixed names, with header=machine).
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return errorResponse(new AppError("UNAUTHENTICATED"));
  const { id } = await params;
  const { searchParams } = new URL(request.url);
  const query = parseExportQuery(searchParams);
  if (!query.success) return errorResponse(new AppError("VALIDATION", { fields: query.fields }));
  try {
    // The request's signal aborts when the client goes away: the export then releases its cursor.
    const csv = await exportSignaturesCsv({ actor, campaignId: id, filters: query.filters, header: exportHeader(searchParams), signal: request.signal });
    return new Response(csv.stream, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": contentDisposition(csv.fileName),
        "X-Expected-Rows": String(csv.expectedRows),
        ...noStore,
      },
    });
  } catch (error) {
    return errorResponse(error, { area: "export" });
  }
}
