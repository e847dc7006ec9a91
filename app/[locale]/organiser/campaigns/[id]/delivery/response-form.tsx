"use client";

import { useTranslations } from "next-intl";
import { useActionState, type ReactNode } from "react";
import { recordResponseAction, type DeliveryFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";

const fields = ["decisionMakerId", "respondedOn", "summary", "url"] as const;

export function ResponseForm(props: { locale: string; campaignId: string; targets: { id: string; label: string; lang?: string }[] }) {
  const t = useTranslations("Delivery");
  const [state, formAction, pending] = useActionState(recordResponseAction, { fields: {}, values: {} } satisfies DeliveryFormState);
  const errorFields = fields.filter((field) => state.fields[field]);
  const error = (field: (typeof fields)[number]) =>
    state.fields[field] ? (
      <p className="field-error" id={`response-${field}-error`}>
        {t(`errors.${state.fields[field]}`)}
      </p>
    ) : null;
  const invalid = (field: (typeof fields)[number]) => ({
    "aria-invalid": Boolean(state.fields[field]),
    "aria-describedby": state.fields[field] ? `response-${field}-error` : undefined,
  });
  const field = (name: (typeof fields)[number], label: string, control: ReactNode) => (
    <div className={`field${state.fields[name] ? " field-invalid" : ""}`}>
      <label htmlFor={`response-${name}`}>{label}</label>
      {error(name)}
      {control}
    </div>
  );
  return (
    <form action={formAction} className="sign-form organiser-form" key={state.done ? "done" : "form"}>
      <ErrorSummary
        heading={<h3>{t("errorSummary")}</h3>}
        formError={state.formError ? t(`formErrors.${state.formError}`) : null}
        problems={errorFields.map((field) => ({ key: field, href: `#response-${field}`, message: t(`errors.${state.fields[field]}`) }))}
      />
      {state.done ? <Notice tone="success">{t("responseSaved")}</Notice> : null}
      <HiddenFields values={{ locale: props.locale, campaign: props.campaignId }} />
      {field(
        "decisionMakerId",
        t("responseFrom"),
        <select id="response-decisionMakerId" name="decisionMakerId" defaultValue={state.values.decisionMakerId ?? ""} {...invalid("decisionMakerId")}>
          <option value="">{t("choose")}</option>
          {props.targets.map((target) => (
            <option key={target.id} value={target.id} lang={target.lang} dir={target.lang ? "auto" : undefined}>
              {target.label}
            </option>
          ))}
        </select>,
      )}
      {field("respondedOn", t("respondedOn"), <input id="response-respondedOn" name="respondedOn" type="date" dir="ltr" defaultValue={state.values.respondedOn ?? ""} {...invalid("respondedOn")} />)}
      {field("summary", t("summary"), <textarea id="response-summary" name="summary" rows={4} dir="auto" defaultValue={state.values.summary ?? ""} {...invalid("summary")} />)}
      {field("url", t("link"), <input id="response-url" name="url" type="url" dir="ltr" defaultValue={state.values.url ?? ""} {...invalid("url")} />)}
      <div className="field field-checkbox">
        <input id="response-published" name="published" type="checkbox" />
        <label htmlFor="response-published">{t("publishNow")}</label>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("recordResponse")}
      </button>
    </form>
  );
}
