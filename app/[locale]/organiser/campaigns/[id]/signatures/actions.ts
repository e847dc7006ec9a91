"use server";

import { notFound, redirect } from "next/navigation";
import { requireOrganiser } from "@/app/[locale]/organiser/require-organiser";
import { formState } from "@/lib/error-answers";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { invalidateSignatures } from "@/lib/moderation/invalidate-signatures";
import { previewBulkAction, type BulkActionCounts } from "@/lib/moderation/preview-bulk-action";
import { restoreSignatures } from "@/lib/moderation/restore-signatures";
import { bulkFormSchema, moderationFieldErrors, selectionFormSchema, type BulkAction, type SignatureSelector } from "@/lib/moderation/schema";
import { bulkParams, doneParam, encodeDone, encodeFieldErrors, selectionParams, signaturesHref, viewParams, type FormError } from "./moderation-url";

// Three forms, each a plain POST that ends in a redirect back to the signatures page:
// the bulk form's first step (check, then show the preview), its second step (run it), and
// the rows ticked in the results table (run at once: the moderator sees exactly which).

type Context = { locale: Locale; campaignId: string; view: URLSearchParams };
type Refusal = { fields?: Record<string, string>; formError?: FormError };

function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

function readContext(formData: FormData): Context {
  const locale = text(formData, "locale");
  return {
    locale: isLocale(locale) ? locale : "en",
    campaignId: (text(formData, "campaignId") ?? "").slice(0, 64),
    view: viewParams(new URLSearchParams(text(formData, "view") ?? "")),
  };
}

function bulkInput(formData: FormData) {
  return { action: text(formData, "intent"), by: text(formData, "by"), value: text(formData, "value"), reason: text(formData, "reason") };
}

// The bulk form's values, echoed back so the moderator never types them twice.
function withBulkValues(view: URLSearchParams, input: ReturnType<typeof bulkInput>): URLSearchParams {
  const params = new URLSearchParams(view);
  if (input.action) params.set(bulkParams.action, input.action);
  if (input.by) params.set(bulkParams.by, input.by);
  if (input.value) params.set(bulkParams.value, input.value.slice(0, 300));
  if (input.reason) params.set(bulkParams.reason, input.reason.slice(0, 200));
  return params;
}

// What a refused call shows. A campaign the actor cannot see at all is a 404, as on the page.
function refusal(error: unknown): Refusal {
  if (isAppError(error, "NOT_FOUND")) notFound();
  const refused = formState(error, "moderation", { FORBIDDEN: "forbidden" });
  return refused.formError ? { formError: refused.formError } : { fields: refused.fields };
}

function withRefusal(params: URLSearchParams, names: { errors: string; formError: string }, outcome: Refusal, selectorField: string) {
  if (outcome.formError) params.set(names.formError, outcome.formError);
  if (outcome.fields) {
    // The domain names the selector as a whole; the form shows it on the field it came from.
    const fields = Object.fromEntries(Object.entries(outcome.fields).map(([field, key]) => [field === "selector" ? selectorField : field, key]));
    params.set(names.errors, encodeFieldErrors(fields));
  }
  return params;
}

async function run(actor: Awaited<ReturnType<typeof requireOrganiser>>, campaignId: string, request: { action: BulkAction; selector: SignatureSelector; reason?: string }): Promise<BulkActionCounts> {
  if (request.action === "restore") return restoreSignatures({ actor, campaignId, selector: request.selector });
  return invalidateSignatures({ actor, campaignId, selector: request.selector, reason: request.reason ?? "" });
}

export async function previewBulkFormAction(formData: FormData): Promise<void> {
  const context = readContext(formData);
  const actor = await requireOrganiser(context.locale);
  const input = bulkInput(formData);
  const params = withBulkValues(context.view, input);
  const parsed = bulkFormSchema.safeParse(input);
  if (!parsed.success) {
    params.set(bulkParams.errors, encodeFieldErrors(moderationFieldErrors(parsed.error)));
    redirect(signaturesHref(context.locale, context.campaignId, params, "bulk"));
  }
  let outcome: Refusal | null = null;
  try {
    // Checks here that the actor may run it; the page itself shows the figures.
    await previewBulkAction({ actor, campaignId: context.campaignId, selector: parsed.data.selector, action: parsed.data.action });
  } catch (error) {
    outcome = refusal(error);
  }
  if (outcome) redirect(signaturesHref(context.locale, context.campaignId, withRefusal(params, bulkParams, outcome, "value"), "bulk"));
  params.set(bulkParams.preview, "1");
  redirect(signaturesHref(context.locale, context.campaignId, params, "bulk-preview"));
}

export async function runBulkFormAction(formData: FormData): Promise<void> {
  const context = readContext(formData);
  const actor = await requireOrganiser(context.locale);
  const input = bulkInput(formData);
  const parsed = bulkFormSchema.safeParse(input);
  if (!parsed.success) {
    const params = withBulkValues(context.view, input);
    params.set(bulkParams.errors, encodeFieldErrors(moderationFieldErrors(parsed.error)));
    redirect(signaturesHref(context.locale, context.campaignId, params, "bulk"));
  }
  let outcome: Refusal | BulkActionCounts;
  try {
    outcome = await run(actor, context.campaignId, parsed.data);
  } catch (error) {
    outcome = refusal(error);
  }
  if (!("total" in outcome)) redirect(signaturesHref(context.locale, context.campaignId, withRefusal(withBulkValues(context.view, input), bulkParams, outcome, "value"), "bulk"));
  const params = new URLSearchParams(context.view);
  params.set(doneParam, encodeDone(outcome));
  redirect(signaturesHref(context.locale, context.campaignId, params, "moderation-result"));
}

export async function moderateSelectionAction(formData: FormData): Promise<void> {
  const context = readContext(formData);
  const actor = await requireOrganiser(context.locale);
  const ids = formData.getAll("signature").filter((value): value is string => typeof value === "string");
  const parsed = selectionFormSchema.safeParse({ action: text(formData, "intent"), ids, reason: text(formData, "reason") });
  const params = new URLSearchParams(context.view);
  if (!parsed.success) {
    params.set(selectionParams.errors, encodeFieldErrors(moderationFieldErrors(parsed.error)));
    redirect(signaturesHref(context.locale, context.campaignId, params, "results"));
  }
  let outcome: Refusal | BulkActionCounts;
  try {
    outcome = await run(actor, context.campaignId, parsed.data);
  } catch (error) {
    outcome = refusal(error);
  }
  if (!("total" in outcome)) redirect(signaturesHref(context.locale, context.campaignId, withRefusal(params, selectionParams, outcome, "ids"), "results"));
  params.set(doneParam, encodeDone(outcome));
  redirect(signaturesHref(context.locale, context.campaignId, params, "moderation-result"));
}
