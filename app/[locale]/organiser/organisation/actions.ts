"use server";

import { revalidatePath } from "next/cache";
import { formState } from "@/lib/error-answers";
import { updateOrganisationProfile } from "@/lib/organisations/profile";
import { profileFields, type ProfileFieldErrors } from "@/lib/organisations/profile-schema";
import { formLocale, formText as text, organiserRefusals } from "../form-data";
import { requireOrganiser } from "../require-organiser";

export type ProfileFormState = {
  fields: ProfileFieldErrors;
  formError?: "forbidden" | "generic";
  done?: boolean;
  values: Record<string, string>;
};

export async function updateProfileAction(_previous: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const values = Object.fromEntries(profileFields.map((field) => [field, text(formData, field)]));
  try {
    await updateOrganisationProfile({ actor, organisationId: text(formData, "organisation"), input: values });
    // Every public page that names the organisation shows the new profile at its next render.
    revalidatePath("/", "layout");
    return { fields: {}, done: true, values };
  } catch (error) {
    return { ...formState(error, "organisation-profile", organiserRefusals), values };
  }
}
