"use server";

import { revalidatePath } from "next/cache";
import { locales } from "@/lib/i18n/locales";
import { updateLetterTemplate } from "@/lib/letters/letter-settings";
import { letterTemplateFields, type LetterTemplateField, type LetterTemplateFieldErrors } from "@/lib/letters/schema";
import { formState } from "@/lib/error-answers";
import { formLocale, organiserRefusals } from "../../../form-data";
import { requireOrganiser } from "../../../require-organiser";

export type LetterTemplateFormState = {
  fields: LetterTemplateFieldErrors;
  formError?: "forbidden" | "generic";
  saved?: boolean;
  values: Partial<Record<LetterTemplateField, string>>;
};

const fields: LetterTemplateField[] = [...locales.flatMap(letterTemplateFields), "dailyCap"];

export async function saveLetterTemplateAction(_previous: LetterTemplateFormState, formData: FormData): Promise<LetterTemplateFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = String(formData.get("campaign") ?? "");
  const values: Record<string, string> = Object.fromEntries(fields.map((key) => [key, String(formData.get(key) ?? "")]));
  // Each language's fields arrive as "letterBody.tr" and "letterSubjects.tr".
  const perLanguage = (name: "letterSubjects" | "letterBody") => Object.fromEntries(locales.map((language) => [language, values[`${name}.${language}`]]));
  try {
    await updateLetterTemplate({ actor, campaignId, input: { letterSubjects: perLanguage("letterSubjects"), letterBody: perLanguage("letterBody"), dailyCap: values.dailyCap } });
    revalidatePath(`/${locale}/organiser/campaigns/${campaignId}/letters`);
    return { fields: {}, saved: true, values };
  } catch (error) {
    return { ...formState(error, "letters", organiserRefusals), values };
  }
}
