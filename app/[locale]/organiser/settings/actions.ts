"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { AbuseFieldErrors } from "@/lib/abuse/schema";
import { addAccessRule, removeAccessRule, updateAbuseSettings } from "@/lib/abuse/settings";
import { formState, refusalKey } from "@/lib/error-answers";
import { isAppError } from "@/lib/errors";
import { formLocale, formText as text, organiserRefusals, type FormRefusal } from "../form-data";
import { requireOrganiser } from "../require-organiser";

export type AbuseFormState = {
  fields: AbuseFieldErrors;
  formError?: "forbidden" | "generic";
  done?: boolean;
  values: Record<string, string>;
};

function failure(error: unknown, values: Record<string, string>): AbuseFormState {
  return { ...formState(error, "settings", organiserRefusals), values };
}

const settingFields = ["rateBurstLimit", "rateBurstWindowSeconds", "rateSustainedLimit", "rateSustainedWindowSeconds", "rateCeilingLimit", "rateCeilingWindowSeconds", "trendingThreshold"] as const;

export async function updateAbuseSettingsAction(_previous: AbuseFormState, formData: FormData): Promise<AbuseFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const values = Object.fromEntries(settingFields.map((field) => [field, text(formData, field)]));
  try {
    await updateAbuseSettings({ actor, organisationId: text(formData, "organisation"), input: values });
    revalidatePath(`/${locale}/organiser/settings`);
    return { fields: {}, done: true, values };
  } catch (error) {
    return failure(error, values);
  }
}

export async function addAccessRuleAction(_previous: AbuseFormState, formData: FormData): Promise<AbuseFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const values = { kind: text(formData, "kind"), effect: text(formData, "effect"), pattern: text(formData, "pattern"), note: text(formData, "note") };
  try {
    await addAccessRule({ actor, organisationId: text(formData, "organisation"), input: values });
    revalidatePath(`/${locale}/organiser/settings`);
    return { fields: {}, done: true, values: { kind: values.kind, effect: values.effect } };
  } catch (error) {
    return failure(error, values);
  }
}

export async function removeAccessRuleAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const organisationId = text(formData, "organisation");
  let refusal: FormRefusal | null = null;
  try {
    await removeAccessRule({ actor, organisationId, ruleId: text(formData, "rule") });
  } catch (error) {
    // Already removed (another owner was quicker): the list below shows it gone either way.
    if (!isAppError(error, "NOT_FOUND")) refusal = refusalKey(error, "settings", organiserRefusals);
  }
  // Refused: back to the settings of an organisation the actor owns, which say why.
  if (refusal) redirect(`/${locale}/organiser/settings?error=${refusal}`);
  redirect(`/${locale}/organiser/settings?organisation=${encodeURIComponent(organisationId)}`);
}
