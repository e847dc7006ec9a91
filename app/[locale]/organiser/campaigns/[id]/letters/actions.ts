"use server";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { updateLetterTemplate } from "@/lib/letters/letter-settings";
import type { LetterTemplateFieldErrors } from "@/lib/letters/schema";
import { requireOrganiser } from "../../../require-organiser";

export type LetterTemplateFormState = {
  fields: LetterTemplateFieldErrors;
  formError?: "forbidden" | "generic";
  saved?: boolean;
  values: Record<string, string>;
};

const fields = ["subjectsEn", "subjectsAr", "bodyEn", "bodyAr", "dailyCap"] as const;

export async function saveLetterTemplateAction(_previous: LetterTemplateFormState, formData: FormData): Promise<LetterTemplateFormState> {
  const localeValue = formData.get("locale");
  const locale = isLocale(localeValue) ? localeValue : "en";
  const actor = await requireOrganiser(locale);
  const campaignId = String(formData.get("campaign") ?? "");
  const values = Object.fromEntries(fields.map((key) => [key, String(formData.get(key) ?? "")]));
  try {
    await updateLetterTemplate({ actor, campaignId, input: values });
    revalidatePath(`/${locale}/organiser/campaigns/${campaignId}/letters`);
    return { fields: {}, saved: true, values };
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { fields: error.fields as LetterTemplateFieldErrors, values };
    if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND")) return { fields: {}, formError: "forbidden", values };
    console.error("[letters] template not saved:", error instanceof Error ? error.message : error);
    return { fields: {}, formError: "generic", values };
  }
}
