import { getActor } from "@/lib/auth/session";
import { exportDirectoryCsv } from "@/lib/decision-makers/directory-csv";
import { errorResponse } from "@/lib/error-answers";
import { AppError } from "@/lib/errors";
import { listActorOrganisations } from "@/lib/organisations/list-organisations";

export const dynamic = "force-dynamic";

// GET: a download, no state change. The directory of one organisation as CSV.
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return errorResponse(new AppError("UNAUTHENTICATED"));
  const requested = new URL(request.url).searchParams.get("organisation");
  const organisations = await listActorOrganisations(actor);
  const organisation = requested ? organisations.find((o) => o.id === requested) : organisations[0];
  if (!organisation) return errorResponse(new AppError("NOT_FOUND"));
  try {
    const csv = await exportDirectoryCsv({ actor, organisationId: organisation.id });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="directory-${organisation.slug}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, { area: "directory.export" });
  }
}
