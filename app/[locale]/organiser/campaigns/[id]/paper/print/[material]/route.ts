import { getActor } from "@/lib/auth/session";
import { errorResponse } from "@/lib/error-answers";
import { AppError } from "@/lib/errors";
import { paperMaterial } from "@/lib/paper-materials/paper-materials";

export const dynamic = "force-dynamic";

// GET /:locale/organiser/campaigns/:id/paper/print/:material?language=en|ar (sign-sheet or
// poster): the PDF to print. A GET, since drawing it changes nothing; organisers only. It reads
// no body.
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; id: string; material: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return errorResponse(new AppError("UNAUTHENTICATED"));
  const { id, material } = await params;
  const language = new URL(request.url).searchParams.get("language");
  try {
    const file = await paperMaterial({ actor, campaignId: id, values: { material, language } });
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${file.fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error, { area: "paper-materials" });
  }
}
