"use client";

import { codeTag } from "@/app/components/code-tag";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { createEndpointSchema, webhookEvents, webhookFieldErrors, type WebhookField } from "@/lib/webhooks/schema";
import { createEndpointAction, type WebhookFormState } from "./actions";
import { eventMessageKeys } from "./event-names";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { CheckboxField, Choice, FieldGroup, TextField } from "@/app/components/form/field";
import { HiddenFields } from "../hidden-fields";

const initialState: WebhookFormState = { fields: {}, values: {} };
const fieldOrder: WebhookField[] = ["url", "events"];

export function CreateEndpointForm({ locale, organisationId }: { locale: string; organisationId: string }) {
  const t = useTranslations("OrganiserWebhooks");
  const [state, formAction, pending] = useActionState(createEndpointAction, initialState);
  const { errors, errorFields, formError, clientErrors, summaryRef, onSubmit } = useFieldErrors(state, fieldOrder, (data) => {
    const parsed = createEndpointSchema.safeParse({ url: data.get("url") ?? "", events: data.getAll("events"), includePersonalData: data.get("includePersonalData") === "on" });
    return parsed.success ? null : webhookFieldErrors(parsed.error);
  });

  const chosen = new Set(state.values.events ?? webhookEvents);
  const formKey = state.created ? `created-${state.created.secret.slice(-8)}` : "create";
  return (
    <>
      {state.created && !clientErrors ? (
        <div className="notice notice-success" role="status">
          <p>{t("created", { url: state.created.url })}</p>
          <p>
            <strong>{t("secretLabel")}: </strong>
            <code dir="ltr" className="webhook-secret">
              {state.created.secret}
            </code>
          </p>
          <p>{t.rich("secretOnce", { code: codeTag })}</p>
        </div>
      ) : null}
      <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="sign-form organiser-form" aria-describedby={errorFields.length || formError ? "webhook-errors" : undefined}>
        <ErrorSummary
          id="webhook-errors"
          summaryRef={summaryRef}
          heading={<h3>{t("errorSummary")}</h3>}
          formError={formError ? t(`errors.${formError}`) : null}
          problems={errorFields.map((field) => ({ key: field, href: field === "events" ? "#webhook-event-signature.confirmed" : "#webhook-url", message: t(`errors.${errors[field]!}`) }))}
        />
        <HiddenFields values={{ locale, organisation: organisationId }} />
        <TextField
          id="webhook-url"
          name="url"
          label={t.rich("url", { code: codeTag })}
          hint={t.rich("urlHint", { code: codeTag })}
          error={errors.url && t(`errors.${errors.url}`)}
          type="url"
          dir="ltr"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={2000}
          defaultValue={state.values.url ?? ""}
        />
        <FieldGroup id="webhook-events" legend={t("eventsLegend")} error={errors.events && t(`errors.${errors.events}`)}>
          {webhookEvents.map((event) => (
            <Choice key={event} id={`webhook-event-${event}`} type="checkbox" name="events" value={event} defaultChecked={chosen.has(event)} label={t(`eventHints.${eventMessageKeys[event]}`)} />
          ))}
        </FieldGroup>
        <CheckboxField
          id="webhook-personal-data"
          name="includePersonalData"
          defaultChecked={state.values.includePersonalData ?? false}
          label={t("includePersonalData")}
          hint={t("includePersonalDataHint")}
        />
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("working") : t("createSubmit")}
        </button>
      </form>
    </>
  );
}
