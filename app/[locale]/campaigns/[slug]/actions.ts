"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { renderedAtField } from "@/lib/abuse/form-fields";
import type { FieldErrors } from "@/lib/signatures/schema";
import { echoedSignFields } from "@/lib/signatures/sign-submission";
import { signOutcome, type SignRefusal } from "./sign-outcome";

export type SignFormState = {
  fields: FieldErrors;
  formError?: SignRefusal;
  values: Record<string, string>;
};

// The sign form without JavaScript (a plain POST); with it, the page posts to
// /api/signatures instead.
export async function signAction(_previous: SignFormState, formData: FormData): Promise<SignFormState> {
  const outcome = await signOutcome(formData, { headers: await headers(), afterResponse: after });
  if (outcome.signed) redirect(outcome.next);
  const values = Object.fromEntries(echoedSignFields.map((key) => [key, String(formData.get(key) ?? "")]));
  // The form's signed field travels back with it, so the corrected form still carries one.
  values[renderedAtField] = String(formData.get(renderedAtField) ?? "").slice(0, 64);
  return { fields: outcome.fields, formError: outcome.formError, values };
}
