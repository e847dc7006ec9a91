import type { EditorValues } from "@/lib/campaigns/editor/form-values";
import type { FieldErrors } from "@/lib/campaigns/editor/schema";
import { isAppError } from "@/lib/errors";

// What an editor action sends back to its form when it does not redirect.
export type FormErrorKey = "forbidden" | "notFound" | "unavailable" | "generic";
export type EditorFormState = { fields: FieldErrors; formError?: FormErrorKey; values: EditorValues | null };
export type StatusFormState = { fields: FieldErrors; formError?: FormErrorKey };

// Domain errors as form state; anything unforeseen is logged and shown as a generic message.
export function formErrorState(error: unknown, context: string): { fields: FieldErrors; formError?: FormErrorKey } {
  if (isAppError(error, "VALIDATION")) return { fields: error.fields as FieldErrors };
  if (isAppError(error, "FORBIDDEN")) return { fields: {}, formError: "forbidden" };
  if (isAppError(error, "NOT_FOUND")) return { fields: {}, formError: "notFound" };
  console.error(`[${context}] failed:`, error instanceof Error ? error.message : error);
  return { fields: {}, formError: isAppError(error, "UNAVAILABLE") ? "unavailable" : "generic" };
}

export function editorPath(locale: string, campaignId: string, page: "edit" | "preview"): string {
  return `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/${page}`;
}

// The pages a campaign's status can be changed from: the editor, the overview and the preview.
export const statusReturnPages = ["edit", "overview", "preview"] as const;
export type StatusReturnPage = (typeof statusReturnPages)[number];

export function statusReturnPath(locale: string, campaignId: string, page: StatusReturnPage): string {
  return page === "overview" ? `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}` : editorPath(locale, campaignId, page);
}
