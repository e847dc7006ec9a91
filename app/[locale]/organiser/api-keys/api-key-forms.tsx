"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { Choice, FieldGroup, TextField } from "@/app/components/form/field";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { apiKeyFieldErrors, apiKeyScopes, createApiKeySchema, type ApiKeyField } from "@/lib/api-keys/schema";
import { createApiKeyAction, revokeApiKeyAction, type ApiKeyFormState } from "./actions";
import { HiddenFields } from "../hidden-fields";
import { ManagedRow } from "../managed-row";
import { Notice } from "../notice";
import { RowActionForm } from "../row-action-form";

const initialState: ApiKeyFormState = { fields: {}, values: {} };
const fieldOrder: ApiKeyField[] = ["name", "scope"];

export function CreateApiKeyForm({ locale, organisationId }: { locale: string; organisationId: string }) {
  const t = useTranslations("OrganiserApiKeys");
  const [state, formAction, pending] = useActionState(createApiKeyAction, initialState);
  const { errors, errorFields, formError, clientErrors, summaryRef, onSubmit } = useFieldErrors(state, fieldOrder, (data) => {
    const parsed = createApiKeySchema.safeParse({ name: data.get("name") ?? "", scope: data.get("scope") ?? undefined });
    return parsed.success ? null : apiKeyFieldErrors(parsed.error);
  });
  const formKey = state.created ? `created-${state.created.key.slice(-8)}` : "create";
  return (
    <>
      {state.created && !clientErrors ? (
        <div className="notice notice-success" role="status">
          <p>{t("created", { name: state.created.name })}</p>
          <p>
            <strong>{t("keyLabel")}: </strong>
            <code dir="ltr" className="webhook-secret" data-api-key>
              {state.created.key}
            </code>
          </p>
          <p>{t("keyOnce")}</p>
        </div>
      ) : null}
      <form key={formKey} action={formAction} onSubmit={onSubmit} noValidate className="sign-form organiser-form" aria-describedby={errorFields.length || formError ? "api-key-errors" : undefined}>
        <ErrorSummary
          id="api-key-errors"
          summaryRef={summaryRef}
          heading={<h3>{t("errorSummary")}</h3>}
          formError={formError ? t(`errors.${formError}`) : null}
          problems={errorFields.map((field) => ({ key: field, href: field === "scope" ? "#api-key-scope-read" : "#api-key-name", message: t(`errors.${errors[field]!}`) }))}
        />
        <HiddenFields values={{ locale, organisation: organisationId }} />
        <TextField id="api-key-name" name="name" label={t("name")} hint={t("nameHint")} error={errors.name && t(`errors.${errors.name}`)} maxLength={100} autoComplete="off" defaultValue={state.values.name ?? ""} />
        <FieldGroup id="api-key-scope" legend={t("scopeLegend")} error={errors.scope && t(`errors.${errors.scope}`)}>
          {apiKeyScopes.map((scope) => (
            <Choice key={scope} id={`api-key-scope-${scope}`} type="radio" name="scope" value={scope} defaultChecked={(state.values.scope ?? "read") === scope} label={t(`scopes.${scope === "write" ? "WRITE" : "READ"}`)} />
          ))}
        </FieldGroup>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("working") : t("createSubmit")}
        </button>
      </form>
    </>
  );
}

export type ApiKeyRow = { id: string; name: string; prefix: string; scope: "READ" | "WRITE"; createdOn: string; lastUsed: string | null; revokedOn: string | null };

export function ApiKeyList({ locale, keys }: { locale: string; keys: ApiKeyRow[] }) {
  const t = useTranslations("OrganiserApiKeys");
  const [state, formAction, pending] = useActionState(revokeApiKeyAction, initialState);
  const rowError = state.fields.key;
  return (
    <>
      <div aria-live="polite">
        {state.done ? <Notice tone="success">{t(`done.${state.done.kind}`, { name: state.done.name })}</Notice> : null}
        {state.formError ? <Notice tone="problem">{t(`errors.${state.formError}`)}</Notice> : null}
        {rowError ? <Notice tone="problem">{t(`errors.${rowError}`)}</Notice> : null}
      </div>
      {keys.length === 0 ? (
        <p>{t("noKeys")}</p>
      ) : (
        <ul className="member-list">
          {keys.map((key) => (
            <ManagedRow
              key={key.id}
              data-api-key-row={key.id}
              errorId={`api-key-${key.id}-error`}
              error={null}
              actions={
                key.revokedOn ? null : (
                  <RowActionForm action={formAction} fields={{ locale, key: key.id }} warning disabled={pending} label={t("revokeKey", { name: key.name })}>
                    {t("revoke")}
                  </RowActionForm>
                )
              }
            >
              <p className="member-email">
                {key.name} <bdi dir="ltr" className="meta">{key.prefix}…</bdi>
              </p>
              <p className="meta">{t(`scopes.${key.scope}`)}</p>
              <p className="meta">
                {t("createdOn", { date: key.createdOn })} · {key.lastUsed ? t("lastUsed", { time: key.lastUsed }) : t("neverUsed")}
                {key.revokedOn ? ` · ${t("revokedOn", { date: key.revokedOn })}` : null}
              </p>
            </ManagedRow>
          ))}
        </ul>
      )}
    </>
  );
}
