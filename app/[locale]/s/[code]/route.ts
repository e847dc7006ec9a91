import { errorResponse } from "@/lib/error-answers";
import { isLocale } from "@/lib/i18n/locales";
import { AppError } from "@/lib/errors";
import { shortCodeTarget } from "@/lib/paper-materials/short-code";

export const dynamic = "force-dynamic";

// GET /:locale/s/:code: a poster's short address. "/s/<code>" as typed gets its language from the
// browser, as every address without one does (proxy.ts); this answers with the campaign page in
// that language. Reads and changes nothing else.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; code: string }> }): Promise<Response> {
  const { locale, code } = await params;
  if (!isLocale(locale)) return errorResponse(new AppError("NOT_FOUND"));
  try {
    const target = await shortCodeTarget({ code, locale });
    return new Response(null, { status: 302, headers: { Location: target, "Cache-Control": "public, max-age=300" } });
  } catch (error) {
    return errorResponse(error, { area: "short-address", locale });
  }
}
