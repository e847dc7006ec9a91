"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { revalidateCampaignPages } from "@/app/[locale]/campaigns/[slug]/revalidate-campaign";
import { updateStatement } from "@/lib/statements/manage-statement";
import { statementValuesFromFormData, type StatementFieldErrors, type StatementFormValues } from "@/lib/statements/schema";
import { formState } from "@/lib/error-answers";
import { formLocale, formText, organiserRefusals, type FormRefusal } from "../form-data";
import { requireOrganiser } from "../require-organiser";

export type StatementFormState = { fields: StatementFieldErrors; formError?: FormRefusal; values: StatementFormValues | null };

export async function saveStatementAction(_previous: StatementFormState, formData: FormData): Promise<StatementFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const statementId = formText(formData, "statementId");
  const values = statementValuesFromFormData(formData);
  let changed: string[];
  try {
    ({ changed } = await updateStatement({ actor, statementId, values }));
  } catch (error) {
    return { ...formState(error, "statements", organiserRefusals), values };
  }
  revalidatePath(`/${locale}/organiser/statements`);
  // Campaign pages name the statement, and its authors beside its quotes.
  if (changed.some((field) => field === "authors" || field === "title" || field === "summary")) revalidateCampaignPages();
  redirect(`/${locale}/organiser/statements/${encodeURIComponent(statementId)}?done=${changed.length > 0 ? "saved" : "unchanged"}`);
}
