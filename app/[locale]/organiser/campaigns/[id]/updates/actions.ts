"use server";

import { redirect } from "next/navigation";
import { formLocale, formText as text, organiserRefusals } from "@/app/[locale]/organiser/form-data";
import { requireOrganiser } from "@/app/[locale]/organiser/require-organiser";
import { formState, refusalKey } from "@/lib/error-answers";
import { isAppError } from "@/lib/errors";
import { locales, type Locale } from "@/lib/i18n/locales";
import { approveUpdate, cancelUpdate, createUpdate, deleteUpdate, editUpdate, sendTestUpdate, sendUpdate, setUpdatesNeedApproval } from "@/lib/updates/manage-update";
import type { SendResult } from "@/lib/updates/begin-sending";

export type UpdateFormState = { fields: Record<string, string>; formError?: "forbidden" | "generic"; values: Record<string, string> };

const fields = ["scope", "mailed", "published"] as const;
const translatedFields = ["subject", "body"] as const;

const listPath = (locale: Locale, campaignId: string) => `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/updates`;
const detailPath = (locale: Locale, campaignId: string, updateId: string) => `${listPath(locale, campaignId)}/${encodeURIComponent(updateId)}`;

// Creates a draft, or saves an existing one (hidden "update" field), then shows it. Texts come
// per language ("subject.ar", "body.tr").
export async function saveUpdateAction(_previous: UpdateFormState, formData: FormData): Promise<UpdateFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  const existing = text(formData, "update");
  const values: Record<string, string> = Object.fromEntries(fields.map((key) => [key, text(formData, key)]));
  for (const field of translatedFields) for (const language of locales) values[`${field}.${language}`] = text(formData, `${field}.${language}`);
  const texts = (field: (typeof translatedFields)[number]) => Object.fromEntries(locales.map((language) => [language, values[`${field}.${language}`]]));
  const input = { scope: values.scope, mailed: values.mailed, published: values.published, subject: texts("subject"), body: texts("body") };
  let updateId = existing;
  try {
    if (existing) await editUpdate({ actor, campaignId, updateId: existing, input });
    else updateId = (await createUpdate({ actor, campaignId, input })).id;
  } catch (error) {
    return { ...formState(error, "updates", organiserRefusals), values };
  }
  redirect(detailPath(locale, campaignId, updateId));
}

type Organiser = Awaited<ReturnType<typeof requireOrganiser>>;

// The buttons of an update's page: each answers with the page again, saying what happened. Each
// action signs its organiser in itself before anything else.
async function act(formData: FormData, actor: Organiser, run: (input: { actor: Organiser; campaignId: string; updateId: string }) => Promise<string>): Promise<never> {
  const locale = formLocale(formData);
  const campaignId = text(formData, "campaign");
  const updateId = text(formData, "update");
  let outcome: string;
  try {
    outcome = `done=${await run({ actor, campaignId, updateId })}`;
  } catch (error) {
    const field = isAppError(error, "VALIDATION") ? Object.values(error.fields)[0] : undefined;
    outcome = `error=${field ?? refusalKey(error, "updates", organiserRefusals)}`;
  }
  redirect(`${detailPath(locale, campaignId, updateId)}?${outcome}`);
}

// Sent now (its worker begins at once) or waiting for a later time.
const sentOrScheduled = (result: SendResult) => (result.status === "SCHEDULED" && !result.startsNow ? "scheduled" : "sent");

export async function sendUpdateAction(formData: FormData): Promise<void> {
  const actor = await requireOrganiser(formLocale(formData));
  await act(formData, actor, async (input) => {
    const result = await sendUpdate({ ...input, when: text(formData, "when") });
    return result.status === "AWAITING_APPROVAL" ? "submitted" : sentOrScheduled(result);
  });
}

export async function approveUpdateAction(formData: FormData): Promise<void> {
  const actor = await requireOrganiser(formLocale(formData));
  await act(formData, actor, async (input) => {
    const result = await approveUpdate(input);
    return sentOrScheduled(result);
  });
}

export async function sendTestUpdateAction(formData: FormData): Promise<void> {
  const actor = await requireOrganiser(formLocale(formData));
  await act(formData, actor, async (input) => {
    await sendTestUpdate({ ...input, locale: text(formData, "testLocale") });
    return "test";
  });
}

export async function cancelUpdateAction(formData: FormData): Promise<void> {
  const actor = await requireOrganiser(formLocale(formData));
  await act(formData, actor, async (input) => {
    await cancelUpdate(input);
    return "cancelled";
  });
}

// Deleting answers with the list of updates, where the deleted one no longer is.
export async function deleteUpdateAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  const updateId = text(formData, "update");
  try {
    await deleteUpdate({ actor, campaignId, updateId });
  } catch (error) {
    const field = isAppError(error, "VALIDATION") ? Object.values(error.fields)[0] : undefined;
    redirect(`${detailPath(locale, campaignId, updateId)}?error=${field ?? refusalKey(error, "updates", organiserRefusals)}`);
  }
  redirect(`${listPath(locale, campaignId)}?done=deleted`);
}

export async function setApprovalAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = text(formData, "campaign");
  let outcome = "done=setting";
  try {
    await setUpdatesNeedApproval({ actor, organisationId: text(formData, "organisation"), value: formData.get("required") === "on" });
  } catch (error) {
    outcome = `error=${refusalKey(error, "updates", organiserRefusals)}`;
  }
  redirect(`${listPath(locale, campaignId)}?${outcome}`);
}
