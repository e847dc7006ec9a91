import { AppError, errorHeaders, toAppError, type ErrorCode } from "./errors";
import type { Locale } from "./i18n/locales";
import { translator } from "./i18n/translator";

// Every way an error is answered, in one place: as an HTTP response (route handlers, the public
// API), as a form's state (server actions) and as a sentence in the reader's language. Kept apart
// from lib/errors.ts, which the browser loads with the schemas, so the catalogues stay server-side.

// What the log keeps of an error nobody foresaw: its name and code, never its message, which can
// quote what a signer or an organiser typed.
function logUnforeseen(area: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string" ? ` (${(error as { code: string }).code})` : "";
  console.error(`[${area}] failed: ${name}${code}`);
}

// The sentence an error is told as, in the reader's language.
function errorMessage(error: AppError, locale: Locale): string {
  return translator(locale, "AppErrors")(error.code);
}

type ResponseOptions = { locale?: Locale; headers?: Record<string, string> };

// An error as a JSON response: its code, its status, per-field keys for VALIDATION, a sentence
// when the caller names a language, never a raw message. Anything that is not an AppError (nor an
// unreachable database) is a defect: logged, and answered 500 INTERNAL.
export function errorResponse(error: unknown, options: ResponseOptions & { area?: string } = {}): Response {
  const known = toAppError(error);
  if (!known) {
    logUnforeseen(options.area ?? "request", error);
    return Response.json({ error: "INTERNAL" }, { status: 500, headers: { "Cache-Control": "no-store", ...options.headers } });
  }
  const body = {
    error: known.code,
    ...(options.locale ? { message: errorMessage(known, options.locale) } : {}),
    ...(known.code === "VALIDATION" ? { fields: known.fields } : {}),
  };
  return Response.json(body, { status: known.status, headers: { ...errorHeaders(known.code, known.retryAfter), ...options.headers } });
}

// How a form names a refusal, per code: a key of its own messages, or a choice made from the
// error (a limit says which limit). VALIDATION, unless a form names it, is the fields' own keys.
export type FormRefusals<Key extends string> = Partial<Record<ErrorCode, Key | ((error: AppError) => Key)>>;

// Per-field message keys. The domain's schema of each form chose them, so they are typed to fit
// whatever field-error type the form declares (the values are never read as anything else here).
type FieldKeys = { readonly [field: string]: never };

export type RefusedForm<Key extends string> = { fields: FieldKeys; formError?: Key | "generic" };

// An error as a form's state: per-field keys for invalid input, the form's own key for a code it
// names, and "generic" for anything else. An error that is not one of the domain's refusals (a
// defect, the database unreachable) is logged under the form's area.
export function formState<Key extends string = never>(error: unknown, area: string, refusals: FormRefusals<Key> = {}): RefusedForm<Key> {
  const known = toAppError(error);
  const refusal = known ? refusals[known.code] : undefined;
  if (!(error instanceof AppError) || (refusal === undefined && known?.code !== "VALIDATION")) logUnforeseen(area, error);
  if (known && refusal !== undefined) return { fields: {}, formError: typeof refusal === "function" ? refusal(known) : refusal };
  if (known?.code === "VALIDATION") return { fields: known.fields as FieldKeys };
  return { fields: {}, formError: "generic" };
}

// An error as the one key a button's form is answered with (a redirect's ?error=).
export function refusalKey<Key extends string = never>(error: unknown, area: string, refusals: FormRefusals<Key> = {}): Key | "generic" {
  return formState(error, area, refusals).formError ?? "generic";
}
