import { revalidatePath } from "next/cache";
import { getActor } from "@/lib/auth/session";
import { requireOrganisationRole } from "@/lib/auth/authorize";
import { errorResponse } from "@/lib/error-answers";
import { AppError, isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { readLimitedBytes } from "@/lib/http/body-limit";
import { refuseForeignOrigin } from "@/lib/http/same-origin";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { logoUploadMaxBytes, removeOrganisationLogo, setOrganisationLogo } from "@/lib/organisations/logo";

export const dynamic = "force-dynamic";

// Back to the profile page, which says what happened (the form works without JavaScript).
function backToProfile(locale: Locale, organisationId: string, outcome: Record<string, string>): Response {
  // Every public page that shows the organisation shows the new logo at its next render.
  if (outcome.logo) revalidatePath("/", "layout");
  const query = new URLSearchParams({ organisation: organisationId, ...outcome });
  return new Response(null, { status: 303, headers: { Location: new URL(`/${locale}/organiser/organisation?${query}#logo`, env.APP_URL).toString(), "Cache-Control": "no-store" } });
}

// A browser posting the profile page's form without a session is sent to sign in, as every
// organiser form is; any other request is told 401.
const isFormPost = (request: Request) => /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/.test(request.headers.get("content-type") ?? "");
const signInFirst = (locale: Locale) => new Response(null, { status: 303, headers: { Location: new URL(`/${locale}/organiser/sign-in`, env.APP_URL).toString(), "Cache-Control": "no-store" } });

// POST /api/organiser/organisations/:id/logo?locale=ar (multipart: "logo", or "intent=remove").
// Owners only. The body is read only after the session and the role are checked, and never
// beyond the upload's bound.
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const refused = refuseForeignOrigin(request);
  if (refused) return refused;
  const requested = new URL(request.url).searchParams.get("locale");
  const locale: Locale = isLocale(requested) ? requested : "en";
  const actor = await getActor();
  if (!actor) return isFormPost(request) ? signInFirst(locale) : errorResponse(new AppError("UNAUTHENTICATED"));
  const { id } = await params;
  try {
    // An organisation the actor is not a member of is not found, so its existence is not revealed.
    if (!actor.memberships.some((membership) => membership.organisationId === id)) throw new AppError("NOT_FOUND");
    requireOrganisationRole(actor, id, "OWNER");
    const body = await readLimitedBytes(request, logoUploadMaxBytes);
    if (body === null) return backToProfile(locale, id, { logoError: "logoTooLarge" });
    let form: FormData;
    try {
      form = await new Request(request.url, { method: "POST", headers: { "content-type": request.headers.get("content-type") ?? "" }, body: body as BodyInit }).formData();
    } catch {
      throw new AppError("VALIDATION", { fields: { logo: "logoRequired" } });
    }
    if (form.get("intent") === "remove") {
      await removeOrganisationLogo({ actor, organisationId: id });
      return backToProfile(locale, id, { logo: "removed" });
    }
    const file = form.get("logo");
    await setOrganisationLogo({ actor, organisationId: id, file: file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : null });
    return backToProfile(locale, id, { logo: "saved" });
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return backToProfile(locale, id, { logoError: error.fields.logo ?? "logoUnreadable" });
    return errorResponse(error, { area: "organisation-logo", locale });
  }
}
