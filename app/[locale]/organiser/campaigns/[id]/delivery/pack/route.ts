import { revalidateCampaignPages } from "@/app/[locale]/campaigns/[slug]/revalidate-campaign";
import { getActor } from "@/lib/auth/session";
import { generateDeliveryPack } from "@/lib/delivery-pack/generate-delivery-pack";
import { errorResponse } from "@/lib/error-answers";
import { AppError } from "@/lib/errors";
import { payloadTooLargeResponse, readLimitedText } from "@/lib/http/body-limit";
import { isLocale } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

// The form has three short fields.
const maxBodyBytes = 4_096;

// POST /:locale/organiser/campaigns/:id/delivery/pack (decisionMaker, locale, includeNames):
// records an in-person delivery and answers with the PDF, drawn as it is read. A POST because it
// changes the public record; a refused choice goes back to the delivery page, which says why.
export async function POST(request: Request, { params }: { params: Promise<{ locale: string; id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return errorResponse(new AppError("UNAUTHENTICATED"));
  const { locale, id } = await params;
  const body = await readLimitedText(request, maxBodyBytes);
  if (body === null) return payloadTooLargeResponse();
  const form = new URLSearchParams(body);
  const values = { decisionMaker: form.get("decisionMaker") ?? "", locale: form.get("locale") ?? "", includeNames: form.get("includeNames") === "on" };
  try {
    const pack = await generateDeliveryPack({ actor, campaignId: id, values, signal: request.signal });
    // The campaign page's public record names the hand-over from now on.
    revalidateCampaignPages(pack.campaignSlug);
    return new Response(pack.stream, {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${pack.fileName}"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") {
      const field = Object.values(error.fields ?? {})[0] ?? "decisionMakerRequired";
      const page = new URL(`/${isLocale(locale) ? locale : "en"}/organiser/campaigns/${encodeURIComponent(id)}/delivery?pack=${encodeURIComponent(field)}#pack-heading`, request.url);
      return Response.redirect(page, 303);
    }
    return errorResponse(error, { area: "delivery-pack" });
  }
}
