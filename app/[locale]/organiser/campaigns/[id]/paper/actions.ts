"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { revalidateCampaignPages } from "@/app/[locale]/campaigns/[slug]/revalidate-campaign";
import { formState, refusalKey } from "@/lib/error-answers";
import { commitPaperImport, previewPaperImport, type PaperImportPreview, type PaperLabelError } from "@/lib/paper/import-paper-signatures";
import { enterPaperSignature, type PaperEntryError, type PaperEntryFields } from "@/lib/paper/enter-paper-signature";
import { removePaperImport } from "@/lib/paper/remove-paper-import";
import { formLocale, formText, organiserRefusals } from "../../../form-data";
import { requireOrganiser } from "../../../require-organiser";

type PaperFormError = "forbidden" | "anonymised" | "generic";
export type PaperImportFormState = {
  fields: { label?: PaperLabelError; csv?: "fileRequired" | "changedSincePreview" | "nothingToEnter" };
  formError?: PaperFormError;
  // The checked sheet, carried back by the form so that entering it enters what was checked.
  preview?: PaperImportPreview;
  csv?: string;
  label: string;
  committed?: number;
};

const refusals = { ...organiserRefusals, CAMPAIGN_NOT_OPEN: "anonymised" } as const;

// The file chosen, or to enter, the sheet a preview carried back; null when neither was sent. The server's
// body limit for forms bounds the file; the domain refuses one larger than a sheet may be.
async function sheetText(formData: FormData, intent: string): Promise<string | null> {
  const file = formData.get("file");
  if (intent !== "commit" && file instanceof File && file.size > 0) return file.text();
  const carried = formText(formData, "csv");
  return carried ? carried : null;
}

// Checks a sheet (writes nothing), or enters the sheet the organiser checked.
export async function paperImportAction(_previous: PaperImportFormState, formData: FormData): Promise<PaperImportFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = formText(formData, "campaign");
  const label = formText(formData, "label");
  const intent = formText(formData, "intent");
  const csv = await sheetText(formData, intent);
  if (csv === null) return { fields: { csv: "fileRequired" }, label };
  try {
    if (intent === "commit") {
      const { preview, slug } = await commitPaperImport({ actor, campaignId, label, csv, expectedAccepted: Number(formText(formData, "expected")) });
      revalidatePath(`/${locale}/organiser/campaigns/${campaignId}/paper`);
      revalidateCampaignPages(slug);
      return { fields: {}, label: "", committed: preview.accepted };
    }
    const preview = await previewPaperImport({ actor, campaignId, label, csv });
    return { fields: preview.fileError || preview.accepted > 0 ? {} : { csv: "nothingToEnter" }, preview, csv: preview.fileError ? undefined : csv, label };
  } catch (error) {
    return { ...formState<PaperFormError>(error, "paper", refusals), label };
  }
}

// Removes one entered sheet and its signatures; the page says how many went.
export async function removePaperImportAction(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = formText(formData, "campaign");
  const page = `/${locale}/organiser/campaigns/${encodeURIComponent(campaignId)}/paper`;
  let outcome: { removed: number; slug: string };
  try {
    outcome = await removePaperImport({ actor, campaignId, importId: formText(formData, "import") });
  } catch (error) {
    redirect(`${page}?error=${refusalKey(error, "paper", organiserRefusals)}`);
  }
  revalidatePath(page);
  revalidateCampaignPages(outcome.slug);
  redirect(`${page}?removed=${outcome.removed}`);
}

export type PaperEntryFormState = {
  fields: Partial<Record<"name" | "country" | "postcode" | "email", PaperEntryError>>;
  formError?: PaperFormError;
  // What was typed, given back when it was refused; empty after a save.
  values?: Omit<PaperEntryFields, "consented"> & { consented: boolean };
  // After a save: how many this organiser has typed in today.
  saved?: { today: number };
  // New with every answer, so the form is drawn afresh: empty after a save, as typed after a refusal.
  key?: string;
};

// Enters one signer typed in from a paper sheet into the organiser's batch of the day.
export async function paperEntryAction(_previous: PaperEntryFormState, formData: FormData): Promise<PaperEntryFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const campaignId = formText(formData, "campaign");
  const signer = { name: formText(formData, "name"), country: formText(formData, "country"), postcode: formText(formData, "postcode"), email: formText(formData, "email"), consented: formData.get("consented") === "on" };
  try {
    const { slug, enteredToday } = await enterPaperSignature({ actor, campaignId, signer });
    revalidatePath(`/${locale}/organiser/campaigns/${campaignId}/paper`);
    revalidateCampaignPages(slug);
    return { fields: {}, saved: { today: enteredToday }, key: randomUUID() };
  } catch (error) {
    return { ...formState<PaperFormError>(error, "paper", refusals), values: signer, key: randomUUID() };
  }
}
