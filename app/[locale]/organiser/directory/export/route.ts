import { getActor } from "@/lib/auth/session";
import { exportDirectoryCsv } from "@/lib/decision-makers/directory-csv";
import { isAppError } from "@/lib/errors";
import { listActorOrganisations } from "@/lib/organisations/list-organisations";

export const dynamic = "force-dynamic";

// GET: a download, no state change. The directory of one organisation as CSV.
export async function GET(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const requested = new URL(request.url).searchParams.get("organisation");
  const organisations = await listActorOrganisations(actor);
  const organisation = requested ? organisations.find((o) => o.id === requested) : organisations[0];
  if (!organisation) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
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
    if (isAppError(error)) return Response.json({ error: error.code }, { status: error.status });
    throw error;
  }
}
