import type { BulkActionCounts } from "@/lib/moderation/preview-bulk-action";
import { bulkActions, isModerationErrorKey, searchFilterFields, type BulkAction, type ModerationFieldErrors } from "@/lib/moderation/schema";

// Everything the signatures page shows lives in its URL, so that it works without JavaScript: the
// forms POST to server actions, which redirect back here with the outcome in these parameters.
export type PageParams = Record<string, string | string[] | undefined>;

export const bulkParams = { action: "bulkAction", by: "bulkBy", value: "bulkValue", reason: "bulkReason", preview: "bulkPreview", errors: "bulkErrors", formError: "bulkFormError" } as const;
export const selectionParams = { errors: "selectionErrors", formError: "selectionFormError" } as const;
export const doneParam = "done";
const formErrors = ["forbidden", "generic"] as const;
export type FormError = (typeof formErrors)[number];

const viewKeys: readonly string[] = [...searchFilterFields, "page"];

export function firstValue(value: string | string[] | undefined | null): string | undefined {
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
}

// The search filters and page of a view, without empty values: what a redirect must keep.
export function viewParams(source: URLSearchParams | PageParams): URLSearchParams {
  const get = (key: string) => (source instanceof URLSearchParams ? source.get(key) : firstValue(source[key]));
  const params = new URLSearchParams();
  for (const key of viewKeys) {
    const value = get(key)?.trim();
    if (value) params.set(key, value.slice(0, 300));
  }
  return params;
}

export function signaturesHref(locale: string, campaignId: string, params?: URLSearchParams, hash?: string): string {
  const query = params?.toString();
  return `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/signatures${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}

// "value:valueRequired;reason:reasonRequired"
export function encodeFieldErrors(errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([field, key]) => `${field}:${key}`)
    .join(";");
}

export function decodeFieldErrors(value: string | undefined, fields: readonly string[]): ModerationFieldErrors {
  const errors: ModerationFieldErrors = {};
  for (const pair of (value ?? "").split(";")) {
    const [field, key] = pair.split(":");
    if (field && fields.includes(field) && isModerationErrorKey(key)) errors[field] = key;
  }
  return errors;
}

export function decodeFormError(value: string | undefined): FormError | undefined {
  return (formErrors as readonly string[]).includes(value ?? "") ? (value as FormError) : undefined;
}

// "invalidate.35.30.5.0.0": action, total, then confirmed, pending, held and fraudulent.
export function encodeDone(result: BulkActionCounts): string {
  return [result.action, result.total, result.byState.CONFIRMED, result.byState.PENDING, result.byState.HELD, result.byState.FRAUDULENT].join(".");
}

export function decodeDone(value: string | undefined): BulkActionCounts | null {
  const match = /^([a-z]+)\.(\d{1,9})\.(\d{1,9})\.(\d{1,9})\.(\d{1,9})\.(\d{1,9})$/.exec(value ?? "");
  if (!match || !(bulkActions as readonly string[]).includes(match[1]!)) return null;
  const action = match[1] as BulkAction;
  const [total, confirmed, pending, held, fraudulent] = match.slice(2).map(Number) as [number, number, number, number, number];
  return { action, total, byState: { CONFIRMED: confirmed, PENDING: pending, HELD: held, FRAUDULENT: fraudulent }, countChange: action === "invalidate" ? 0 - confirmed : confirmed };
}
