"use server";

import { revalidatePath } from "next/cache";
import { formState } from "@/lib/error-answers";
import type { Locale } from "@/lib/i18n/locales";
import { createWebhookEndpoint, deleteWebhookEndpoint, sendTestWebhook, setWebhookEndpointActive, switchToStandardWebhooks } from "@/lib/webhooks/manage-endpoints";
import type { WebhookFieldErrors } from "@/lib/webhooks/schema";
import { formLocale, formText as text, organiserRefusals } from "../form-data";
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
    | { kind: "switched"; url: string; secret: string }
    | { kind: "disabled" | "enabled" | "unchanged" | "deleted"; url: string };
  values: { url?: string; events?: string[]; includePersonalData?: boolean };
};

// An endpoint that has gone is said on its row; anything else as every organiser form says it.
function failure(error: unknown, state: Omit<WebhookFormState, "fields">): WebhookFormState {
  const refused = formState(error, "webhooks", { ...organiserRefusals, NOT_FOUND: "endpointNotFound" });
  if (refused.formError === "endpointNotFound") return { ...state, fields: { endpoint: "endpointNotFound" } };
  return { ...state, fields: refused.fields, formError: refused.formError };
}

const webhooksPath = (locale: Locale) => `/${locale}/organiser/webhooks`;

export async function createEndpointAction(_previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const events = formData.getAll("events").filter((value): value is string => typeof value === "string");
  const includePersonalData = formData.get("includePersonalData") === "on";
  const values = { url: text(formData, "url"), events, includePersonalData };
  try {
    const created = await createWebhookEndpoint({ actor, organisationId: text(formData, "organisation"), url: values.url, events, includePersonalData });
    revalidatePath(webhooksPath(locale));
    return { fields: {}, created: { url: created.url, secret: created.secret }, values: {} };
  } catch (error) {
    return failure(error, { values });
  }
}

// One action for the rows of the endpoint list: the pressed button says which change it is.
export async function manageEndpointAction(_previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  const locale = formLocale(formData);
  const actor = await requireOrganiser(locale);
  const endpointId = text(formData, "endpoint");
  const intent = text(formData, "intent");
  const state = { target: endpointId, values: {} };
  try {
    if (intent === "test") {
      const result = await sendTestWebhook({ actor, endpointId });
      revalidatePath(webhooksPath(locale));
      const done: WebhookFormState["done"] = result.delivered
        ? { kind: "tested", url: result.url, status: result.statusCode ?? 200 }
        : { kind: "testFailed", url: result.url, error: result.error ?? "" };
      return { ...state, fields: {}, done };
    }
    if (intent === "delete") {
      const deleted = await deleteWebhookEndpoint({ actor, endpointId });
      revalidatePath(webhooksPath(locale));
      return { fields: {}, done: { kind: "deleted", url: deleted.url }, values: {} };
    }
    if (intent === "standard") {
      const switched = await switchToStandardWebhooks({ actor, endpointId });
      revalidatePath(webhooksPath(locale));
      return { ...state, fields: {}, done: switched.secret ? { kind: "switched", url: switched.url, secret: switched.secret } : { kind: "unchanged", url: switched.url } };
    }
    if (intent !== "enable" && intent !== "disable") return { ...state, fields: { endpoint: "invalidValue" } };
    const active = intent === "enable";
    const changed = await setWebhookEndpointActive({ actor, endpointId, active });
    revalidatePath(webhooksPath(locale));
    return { ...state, fields: {}, done: { kind: changed.changed ? (active ? "enabled" : "disabled") : "unchanged", url: changed.url } };
  } catch (error) {
    return failure(error, state);
  }
}
