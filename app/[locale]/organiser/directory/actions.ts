"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { applyDirectoryImport, previewDirectoryImport, type ImportPreview } from "@/lib/decision-makers/directory-csv";
import { createDecisionMaker, retireDecisionMaker, updateDecisionMaker } from "@/lib/decision-makers/manage-decision-maker";
import { decisionMakerFields, type DecisionMakerFieldErrors } from "@/lib/decision-makers/schema";
import { formState, refusalKey } from "@/lib/error-answers";
import { isAppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { directoryPagePath } from "./organisation";
import { formLocale, formText as text, organiserRefusals } from "../form-data";
import { requireOrganiser } from "../require-organiser";

export type EntryFormState = { fields: DecisionMakerFieldErrors; formError?: "forbidden" | "generic"; values: Record<string, string> };
export type ImportFormState = { csv: string; preview?: ImportPreview; applied?: boolean; formError?: "forbidden" | "generic" | "noFile" | "hasErrors" };

const formFailure = (error: unknown) => refusalKey(error, "directory", organiserRefusals);

const directoryPath = (locale: Locale) => `/${locale}/organiser/directory`;

// Create or edit: the entry's id says which.
export async function saveEntryAction(_previous: EntryFormState, formData: FormData): Promise<EntryFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const organisationId = text(formData, "organisation");
  const id = text(formData, "id");
  const values = Object.fromEntries(decisionMakerFields.map((field) => [field, text(formData, field)]));
  try {
    if (id) await updateDecisionMaker({ actor, organisationId, id, values });
    else await createDecisionMaker({ actor, organisationId, values });
  } catch (error) {
    return { ...formState(error, "directory", organiserRefusals), values };
  }
  revalidatePath(directoryPath(locale));
  redirect(`${directoryPagePath(locale, organisationId)}&saved=1`);
}

export async function retireEntryAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const organisationId = text(formData, "organisation");
  let outcome = "";
  try {
    await retireDecisionMaker({ actor, organisationId, id: text(formData, "id"), retired: text(formData, "intent") !== "restore" });
  } catch (error) {
    outcome = `&error=${formFailure(error)}`;
  }
  revalidatePath(directoryPath(locale));
  redirect(`${directoryPagePath(locale, organisationId)}${outcome}`);
}

// First a preview of the file (nothing written), then the same text applied.
export async function importAction(previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const organisationId = text(formData, "organisation");
  const file = formData.get("file");
  const uploaded = file instanceof File && file.size > 0 ? await file.text() : "";
  const csv = uploaded || text(formData, "csv");
  if (!csv.trim()) return { csv: "", formError: "noFile" };
  try {
    if (text(formData, "intent") === "apply") {
      const preview = await applyDirectoryImport({ actor, organisationId, csv });
      revalidatePath(directoryPath(locale));
      return { csv: "", preview, applied: true };
    }
    return { csv, preview: await previewDirectoryImport({ actor, organisationId, csv }) };
  } catch (error) {
    if (isAppError(error, "VALIDATION")) return { csv, preview: await previewDirectoryImport({ actor, organisationId, csv }), formError: "hasErrors" };
    return { csv, formError: formFailure(error), preview: previous.preview };
  }
}
