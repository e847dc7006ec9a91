"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireOrganiser } from "@/app/[locale]/organiser/require-organiser";
import { runDigestsNow, setCommentApproval, updateDeliverySettings } from "@/lib/deliveries/campaign-delivery";
import { recordResponse, setResponsePublished } from "@/lib/deliveries/responses";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";

export type DeliveryFormState = { fields: Record<string, string>; formError?: "forbidden" | "generic"; done?: boolean; values: Record<string, string> };

function localeOf(formData: FormData): Locale {
  const value = formData.get("locale");
  return isLocale(value) ? value : "en";
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

const pagePath = (locale: Locale, campaignId: string) => `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/delivery`;

function failure(error: unknown, values: Record<string, string>): DeliveryFormState {
  if (isAppError(error, "VALIDATION")) return { fields: error.fields, values };
  if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND")) return { fields: {}, formError: "forbidden", values };
  console.error("[delivery] change failed:", error instanceof Error ? error.message : error);
  return { fields: {}, formError: "generic", values };
}

export async function saveSettingsAction(_previous: DeliveryFormState, formData: FormData): Promise<DeliveryFormState> {
  const locale = localeOf(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  try {
    await updateDeliverySettings({
      actor,
      campaignId,
      cadence: text(formData, "cadence"),
      milestoneDigests: formData.get("milestoneDigests") === "on",
      decisionMakerIds: formData.getAll("decisionMakerIds").filter((id): id is string => typeof id === "string"),
    });
  } catch (error) {
    return failure(error, {});
  }
  revalidatePath(pagePath(locale, campaignId));
  return { fields: {}, done: true, values: {} };
}

export async function recordResponseAction(_previous: DeliveryFormState, formData: FormData): Promise<DeliveryFormState> {
  const locale = localeOf(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  const values = { decisionMakerId: text(formData, "decisionMakerId"), respondedOn: text(formData, "respondedOn"), summary: text(formData, "summary"), url: text(formData, "url") };
  try {
    await recordResponse({ actor, campaignId, values: { ...values, published: formData.get("published") === "on" } });
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(pagePath(locale, campaignId));
  return { fields: {}, done: true, values: {} };
}

// The buttons' actions return to the page, with ?error= when the change was refused.
function refusal(error: unknown): "forbidden" | "generic" {
  if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND") || isAppError(error, "VALIDATION")) return "forbidden";
  console.error("[delivery] change failed:", error instanceof Error ? error.message : error);
  return "generic";
}

export async function commentApprovalAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  let outcome = "changed=comment";
  try {
    await setCommentApproval({ actor, campaignId, signatureId: text(formData, "signature"), approved: text(formData, "intent") === "approve" });
  } catch (error) {
    outcome = `error=${refusal(error)}`;
  }
  revalidatePath(pagePath(locale, campaignId));
  redirect(`${pagePath(locale, campaignId)}?${outcome}`);
}

export async function publishResponseAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  let outcome = "changed=response";
  try {
    await setResponsePublished({ actor, campaignId, responseId: text(formData, "response"), published: text(formData, "intent") === "publish" });
  } catch (error) {
    outcome = `error=${refusal(error)}`;
  }
  revalidatePath(pagePath(locale, campaignId));
  redirect(`${pagePath(locale, campaignId)}?${outcome}`);
}

export async function runDigestsAction(formData: FormData): Promise<void> {
  const locale = localeOf(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  let outcome: string;
  try {
    outcome = `queued=${(await runDigestsNow({ actor, campaignId })).queued}`;
  } catch (error) {
    outcome = `error=${refusal(error)}`;
  }
  revalidatePath(pagePath(locale, campaignId));
  redirect(`${pagePath(locale, campaignId)}?${outcome}`);
}
