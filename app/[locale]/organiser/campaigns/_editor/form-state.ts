import type { EditorValues } from "@/lib/campaigns/editor/form-values";
import type { FieldErrors } from "@/lib/campaigns/editor/schema";

// What an editor action sends back to its form when it does not redirect.
type FormErrorKey = "forbidden" | "notFound" | "unavailable" | "generic";
export type EditorFormState = { fields: FieldErrors; formError?: FormErrorKey; values: EditorValues | null };
export type StatusFormState = { fields: FieldErrors; formError?: FormErrorKey };

// How the editor's forms name a refusal (formState maps the error).
export const editorRefusals = { FORBIDDEN: "forbidden", NOT_FOUND: "notFound", UNAVAILABLE: "unavailable" } as const;

export function editorPath(locale: string, campaignId: string, page: "edit" | "preview"): string {
  return `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/${page}`;
}

// The pages a campaign's status can be changed from: the editor, the overview and the preview.
export const statusReturnPages = ["edit", "overview", "preview"] as const;
export type StatusReturnPage = (typeof statusReturnPages)[number];

export function statusReturnPath(locale: string, campaignId: string, page: StatusReturnPage): string {
  return page === "overview" ? `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}` : editorPath(locale, campaignId, page);
}
