"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formLocale, formText as text, organiserRefusals } from "@/app/[locale]/organiser/form-data";
import { formState, refusalKey } from "@/lib/error-answers";
import { requireOrganiser } from "@/app/[locale]/organiser/require-organiser";
import { runDigestsNow, setCommentApproval, updateDeliverySettings } from "@/lib/deliveries/campaign-delivery";
import { recordResponse, setResponsePublished } from "@/lib/deliveries/responses";
import type { Locale } from "@/lib/i18n/locales";
import { setSupporterNotices } from "@/lib/notices/notice-setting";
import { setResponseThreshold } from "@/lib/response-thresholds/threshold-settings";

export type DeliveryFormState = { fields: Record<string, string>; formError?: "forbidden" | "generic"; done?: boolean; values: Record<string, string> };

const pagePath = (locale: Locale, campaignId: string) => `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/delivery`;

function failure(error: unknown, values: Record<string, string>): DeliveryFormState {
  return { ...formState(error, "delivery", organiserRefusals), values };
}

export async function saveSettingsAction(_previous: DeliveryFormState, formData: FormData): Promise<DeliveryFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  const decisionMakerIds = formData.getAll("decisionMakerIds").filter((id): id is string => typeof id === "string");
  const milestoneDigests = formData.get("milestoneDigests") === "on";
  try {
    await updateDeliverySettings({ actor, campaignId, cadence: text(formData, "cadence"), milestoneDigests, decisionMakerIds });
  } catch (error) {
    // A refused save keeps what was chosen on the form, so nothing has to be ticked again.
    return failure(error, { cadence: text(formData, "cadence"), milestoneDigests: milestoneDigests ? "on" : "", decisionMakerIds: decisionMakerIds.join(",") });
  }
  revalidatePath(pagePath(locale, campaignId));
  return { fields: {}, done: true, values: {} };
}

export async function recordResponseAction(_previous: DeliveryFormState, formData: FormData): Promise<DeliveryFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  const values = { decisionMakerId: text(formData, "decisionMakerId"), respondedOn: text(formData, "respondedOn"), summary: text(formData, "summary"), summaryAr: text(formData, "summaryAr"), url: text(formData, "url") };
  try {
    await recordResponse({ actor, campaignId, values: { ...values, published: formData.get("published") === "on" } });
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(pagePath(locale, campaignId));
  return { fields: {}, done: true, values: {} };
}

export async function saveThresholdAction(_previous: DeliveryFormState, formData: FormData): Promise<DeliveryFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  const values = { signatures: text(formData, "signatures"), days: text(formData, "days") };
  try {
    await setResponseThreshold({ actor, campaignId, values });
  } catch (error) {
    return failure(error, values);
  }
  revalidatePath(pagePath(locale, campaignId));
  return { fields: {}, done: true, values: {} };
}

// The buttons' actions return to the page, with ?error= when the change was refused (invalid
// input from a button is never the moderator's doing, so it reads as refused too).
async function changeAndReturn(locale: Locale, campaignId: string, change: () => Promise<string>): Promise<never> {
  let outcome: string;
  try {
    outcome = await change();
  } catch (error) {
    outcome = `error=${refusalKey(error, "delivery", { ...organiserRefusals, VALIDATION: "forbidden" })}`;
  }
  revalidatePath(pagePath(locale, campaignId));
  redirect(`${pagePath(locale, campaignId)}?${outcome}`);
}

export async function commentApprovalAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  await changeAndReturn(locale, campaignId, async () => {
    await setCommentApproval({ actor, campaignId, signatureId: text(formData, "signature"), approved: text(formData, "intent") === "approve" });
    return "changed=comment";
  });
}

export async function publishResponseAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  await changeAndReturn(locale, campaignId, async () => {
    await setResponsePublished({ actor, campaignId, responseId: text(formData, "response"), published: text(formData, "intent") === "publish" });
    return "changed=response";
  });
}

export async function runDigestsAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  await changeAndReturn(locale, campaignId, async () => {
    const outcome = await runDigestsNow({ actor, campaignId });
    return outcome.idle ? `idle=${outcome.idle}` : `queued=${outcome.queued}`;
  });
}

export async function supporterNoticesAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  await changeAndReturn(locale, campaignId, async () => {
    await setSupporterNotices({ actor, campaignId, enabled: formData.get("supporterNotices") === "on" });
    return "changed=notices";
  });
}
