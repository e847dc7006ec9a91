"use server";

import { revalidatePath } from "next/cache";
import { updateLetterTemplate } from "@/lib/letters/letter-settings";
import type { LetterTemplateFieldErrors } from "@/lib/letters/schema";
import { formState } from "@/lib/error-answers";
import { formLocale, organiserRefusals } from "../../../form-data";
import { requireOrganiser } from "../../../require-organiser";

export type LetterTemplateFormState = {
  fields: LetterTemplateFieldErrors;
  formError?: "forbidden" | "generic";
  saved?: boolean;
  values: Record<string, string>;
};

const fields = ["subjectsEn", "subjectsAr", "bodyEn", "bodyAr", "dailyCap"] as const;

export async function saveLetterTemplateAction(_previous: LetterTemplateFormState, formData: FormData): Promise<LetterTemplateFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = String(formData.get("campaign") ?? "");
  const values = Object.fromEntries(fields.map((key) => [key, String(formData.get(key) ?? "")]));
  try {
    await updateLetterTemplate({ actor, campaignId, input: values });
    revalidatePath(`/${locale}/organiser/campaigns/${campaignId}/letters`);
    return { fields: {}, saved: true, values };
  } catch (error) {
    return { ...formState(error, "letters", organiserRefusals), values };
  }
}
