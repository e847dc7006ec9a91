"use server";

import { redirect } from "next/navigation";
import { revalidateCampaignPages } from "@/app/[locale]/campaigns/[slug]/revalidate-campaign";
import { formLocale } from "@/app/[locale]/organiser/form-data";
import { requireOrganiser } from "@/app/[locale]/organiser/require-organiser";
import { closeCampaign } from "@/lib/campaigns/editor/close-campaign";
import { createCampaign } from "@/lib/campaigns/editor/create-campaign";
import { editorValuesFromFormData } from "@/lib/campaigns/editor/form-values";
import { publishCampaign } from "@/lib/campaigns/editor/publish-campaign";
import { reopenCampaign } from "@/lib/campaigns/editor/reopen-campaign";
import { updateCampaign } from "@/lib/campaigns/editor/update-campaign";
import { formState } from "@/lib/error-answers";
import { editorPath, editorRefusals, statusReturnPages, statusReturnPath, type EditorFormState, type StatusFormState, type StatusReturnPage } from "./form-state";

// Every action authorises itself: requireOrganiser for the session (it redirects to sign-in), then
// the domain function checks the actor's role in the campaign's organisation.

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function createCampaignAction(_previous: EditorFormState, formData: FormData): Promise<EditorFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const values = editorValuesFromFormData(formData);
  let campaignId: string;
  try {
    ({ id: campaignId } = await createCampaign({ actor, organisationId: text(formData, "organisationId"), input: values }));
  } catch (error) {
    return { ...formState(error, "campaign.create", editorRefusals), values };
  }
  redirect(text(formData, "intent") === "preview" ? editorPath(locale, campaignId, "preview") : `${editorPath(locale, campaignId, "edit")}?done=created`);
}

export async function updateCampaignAction(_previous: EditorFormState, formData: FormData): Promise<EditorFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaignId");
  const values = editorValuesFromFormData(formData);
  try {
    await updateCampaign({ actor, campaignId, input: values });
  } catch (error) {
    return { ...formState(error, "campaign.update", editorRefusals), values };
  }
  revalidateCampaignPages();
  redirect(text(formData, "intent") === "preview" ? editorPath(locale, campaignId, "preview") : `${editorPath(locale, campaignId, "edit")}?done=saved`);
}

const transitions = { publish: publishCampaign, close: closeCampaign, reopen: reopenCampaign } as const;
const done = { publish: "published", close: "closed", reopen: "reopened" } as const;

export async function changeCampaignStatusAction(_previous: StatusFormState, formData: FormData): Promise<StatusFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaignId");
  const transition = text(formData, "transition");
  if (!Object.hasOwn(transitions, transition)) return { fields: {}, formError: "generic" };
  const verb = transition as keyof typeof transitions;
  try {
    await transitions[verb]({ actor, campaignId });
  } catch (error) {
    return formState(error, `campaign.${verb}`, editorRefusals);
  }
  revalidateCampaignPages();
  // Back to the page the form was on (one of a fixed few), which says what was done.
  const returnTo = text(formData, "returnTo");
  const page: StatusReturnPage = (statusReturnPages as readonly string[]).includes(returnTo) ? (returnTo as StatusReturnPage) : "edit";
  redirect(`${statusReturnPath(locale, campaignId, page)}?done=${done[verb]}`);
}
