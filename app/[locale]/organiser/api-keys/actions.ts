"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import type { ApiKeyFieldErrors } from "@/lib/api-keys/schema";
import { formState } from "@/lib/error-answers";
import type { Locale } from "@/lib/i18n/locales";
import { formLocale, formText as text, organiserRefusals } from "../form-data";
import { requireOrganiser } from "../require-organiser";

export type ApiKeyFormState = {
  fields: ApiKeyFieldErrors;
  formError?: "forbidden" | "generic";
  target?: string;
  // Shown once: the key just created.
  created?: { name: string; key: string };
  done?: { kind: "revoked" | "unchanged"; name: string };
  values: { name?: string; scope?: string };
};

const apiKeysPath = (locale: Locale) => `/${locale}/organiser/api-keys`;

export async function createApiKeyAction(_previous: ApiKeyFormState, formData: FormData): Promise<ApiKeyFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const values = { name: text(formData, "name"), scope: text(formData, "scope") };
  try {
    const created = await createApiKey({ actor, organisationId: text(formData, "organisation"), name: values.name, scope: values.scope || undefined });
    revalidatePath(apiKeysPath(locale));
    return { fields: {}, created: { name: created.name, key: created.key }, values: {} };
  } catch (error) {
    const refused = formState(error, "api-keys", organiserRefusals);
    return { fields: refused.fields, formError: refused.formError, values };
  }
}

export async function revokeApiKeyAction(_previous: ApiKeyFormState, formData: FormData): Promise<ApiKeyFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const keyId = text(formData, "key");
  try {
    const revoked = await revokeApiKey({ actor, keyId });
    revalidatePath(apiKeysPath(locale));
    return { fields: {}, target: keyId, done: { kind: revoked.changed ? "revoked" : "unchanged", name: revoked.name }, values: {} };
  } catch (error) {
    const refused = formState(error, "api-keys", { ...organiserRefusals, NOT_FOUND: "keyNotFound" as const });
    if (refused.formError === "keyNotFound") return { fields: { key: "keyNotFound" }, target: keyId, values: {} };
    return { fields: refused.fields, formError: refused.formError, target: keyId, values: {} };
  }
}
