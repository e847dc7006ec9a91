"use server";

import { revalidatePath } from "next/cache";
import { isAppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { createWebhookEndpoint, deleteWebhookEndpoint, sendTestWebhook, setWebhookEndpointActive } from "@/lib/webhooks/manage-endpoints";
import type { WebhookFieldErrors } from "@/lib/webhooks/schema";
import { requireOrganiser } from "../require-organiser";

export type WebhookFormState = {
  fields: WebhookFieldErrors;
  formError?: "forbidden" | "generic";
  // The endpoint a row's form was about, so its message shows on that row.
  target?: string;
  // Shown once: the secret of an endpoint just created.
  created?: { url: string; secret: string };
  done?:
    | { kind: "tested"; url: string; status: number }
    | { kind: "testFailed"; url: string; error: string }
    | { kind: "disabled" | "enabled" | "unchanged" | "deleted"; url: string };
  values: { url?: string; events?: string[]; includePersonalData?: boolean };
};

function localeOf(formData: FormData): Locale {
  const value = formData.get("locale");
  return isLocale(value) ? value : "en";
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function failure(error: unknown, state: Omit<WebhookFormState, "fields">): WebhookFormState {
  if (isAppError(error, "VALIDATION")) return { ...state, fields: error.fields as WebhookFieldErrors };
  if (isAppError(error, "FORBIDDEN")) return { ...state, fields: {}, formError: "forbidden" };
  if (isAppError(error, "NOT_FOUND")) return { ...state, fields: { endpoint: "endpointNotFound" } };
  console.error("[webhooks] change failed:", error instanceof Error ? error.message : error);
  return { ...state, fields: {}, formError: "generic" };
}

export async function createEndpointAction(_previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const locale = localeOf(formData);
  const actor = await requireOrganiser(locale);
  const events = formData.getAll("events").filter((value): value is string => typeof value === "string");
  const includePersonalData = formData.get("includePersonalData") === "on";
  const values = { url: text(formData, "url"), events, includePersonalData };
  try {
    const created = await createWebhookEndpoint({ actor, organisationId: text(formData, "organisation"), url: values.url, events, includePersonalData });
    revalidatePath(`/${locale}/organiser/webhooks`);
    return { fields: {}, created: { url: created.url, secret: created.secret }, values: {} };
  } catch (error) {
    return failure(error, { values });
  }
}

// One action for the rows of the endpoint list: the pressed button says which change it is.
export async function manageEndpointAction(_previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const locale = localeOf(formData);
  const actor = await requireOrganiser(locale);
  const endpointId = text(formData, "endpoint");
  const intent = text(formData, "intent");
  const state = { target: endpointId, values: {} };
  try {
    if (intent === "test") {
      const result = await sendTestWebhook({ actor, endpointId });
      revalidatePath(`/${locale}/organiser/webhooks`);
      const done: WebhookFormState["done"] = result.delivered
        ? { kind: "tested", url: result.url, status: result.statusCode ?? 200 }
        : { kind: "testFailed", url: result.url, error: result.error ?? "" };
      return { ...state, fields: {}, done };
    }
    if (intent === "delete") {
      const deleted = await deleteWebhookEndpoint({ actor, endpointId });
      revalidatePath(`/${locale}/organiser/webhooks`);
      return { fields: {}, done: { kind: "deleted", url: deleted.url }, values: {} };
    }
    if (intent !== "enable" && intent !== "disable") return { ...state, fields: { endpoint: "invalidValue" } };
    const active = intent === "enable";
    const changed = await setWebhookEndpointActive({ actor, endpointId, active });
    revalidatePath(`/${locale}/organiser/webhooks`);
    return { ...state, fields: {}, done: { kind: changed.changed ? (active ? "enabled" : "disabled") : "unchanged", url: changed.url } };
  } catch (error) {
    return failure(error, state);
  }
}
