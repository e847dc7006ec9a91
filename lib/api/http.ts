import { errorResponse } from "../error-answers";
import { AppError, isAppError } from "../errors";
import { isLocale, type Locale } from "../i18n/locales";

// Everything /api/v1 answers goes through here: JSON, readable from any origin, and cacheable by
// shared caches for a few seconds (a viral campaign's numbers are served from the edge, at most
// that stale) while they revalidate in the background.
const corsHeaders = { "Access-Control-Allow-Origin": "*" };
const publicCache = "public, max-age=10, s-maxage=30, stale-while-revalidate=300";

export function apiJson(body: unknown, options: { status?: number; cache?: string } = {}): Response {
  return Response.json(body, {
    status: options.status ?? 200,
    headers: { ...corsHeaders, "Cache-Control": options.cache ?? publicCache },
  });
}

// CORS preflight: GET from anywhere, with whatever headers the caller wants to send.
export function apiPreflight(request: Request): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": request.headers.get("access-control-request-headers") ?? "Accept, Accept-Language, Content-Type",
      "Access-Control-Max-Age": "86400",
      "Cache-Control": "public, max-age=86400",
    },
  });
}

// The first language the client names that Nida speaks ("tr-TR" → tr), else English.
function preferredLocale(request: Request): Locale {
  const first = request.headers.get("accept-language")?.split(",")[0]?.trim().toLowerCase().split(/[-;]/)[0] ?? "";
  return isLocale(first) ? first : "en";
}

// The public API tells only two things apart: a query it cannot read, and nothing public here.
function apiErrorResponse(request: Request, error: AppError): Response {
  const told = error.code === "VALIDATION" ? error : new AppError("NOT_FOUND");
  return errorResponse(told, {
    locale: preferredLocale(request),
    headers: { ...corsHeaders, "Cache-Control": "public, max-age=10, s-maxage=10", Vary: "Accept-Language" },
  });
}

// A route handler's body: run the domain function, answer its result or its error as JSON.
export async function answer(request: Request, produce: () => Promise<unknown>): Promise<Response> {
  try {
    return apiJson(await produce());
  } catch (error) {
    if (isAppError(error, "NOT_FOUND") || isAppError(error, "VALIDATION")) return apiErrorResponse(request, error);
    throw error;
  }
}

export function notFoundResponse(request: Request): Response {
  return apiErrorResponse(request, new AppError("NOT_FOUND"));
}

// What the routes for an organisation's own tools may answer besides their result. Nothing of
// theirs is cached, and no browser origin is allowed: a key belongs on a server, not in a page.
const privateRefusals = new Set(["NOT_FOUND", "VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "RATE_LIMITED", "CAMPAIGN_NOT_OPEN", "PAYLOAD_TOO_LARGE"]);

export async function answerPrivate(request: Request, produce: () => Promise<unknown>, options: { status?: number } = {}): Promise<Response> {
  try {
    return Response.json(await produce(), { status: options.status ?? 200, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isAppError(error) || !privateRefusals.has(error.code)) throw error;
    const headers: Record<string, string> = { Vary: "Accept-Language" };
    if (error.code === "UNAUTHENTICATED") headers["WWW-Authenticate"] = 'Bearer realm="nida"';
    return errorResponse(error, { locale: preferredLocale(request), headers });
  }
}
