"use client";

import { useTranslations } from "next-intl";
import type { AbuseFormState } from "./actions";
import { ErrorSummary } from "../error-summary";
import { useSummaryFocus } from "../use-summary-focus";

// The error summary at the top of a settings form, focused when it appears.
export function FormErrors({ id, state }: { id: string; state: AbuseFormState }) {
  const t = useTranslations("AbuseSettings");
  const fields = Object.entries(state.fields);
  const summaryRef = useSummaryFocus(fields.length > 0 || Boolean(state.formError), state);
  return (
    <ErrorSummary
      id={id}
      summaryRef={summaryRef}
      heading={<h3>{t("errorSummary")}</h3>}
      formError={state.formError ? t(`errors.${state.formError}`) : null}
      problems={fields.map(([field, key]) => ({ key: field, href: `#${field}`, message: t(`errors.${key}`) }))}
    />
  );
}

export function NumberField(props: { name: string; label: string; hint?: string; value: string; error?: string }) {
  const describedBy = [props.hint ? `${props.name}-hint` : null, props.error ? `${props.name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${props.error ? " field-invalid" : ""}`}>
      <label htmlFor={props.name}>{props.label}</label>
      {props.hint ? (
        <p className="hint" id={`${props.name}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p className="field-error" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
      <input id={props.name} name={props.name} type="number" inputMode="numeric" min={1} className="input-short" defaultValue={props.value} key={props.value} aria-invalid={Boolean(props.error)} aria-describedby={describedBy} dir="ltr" />
    </div>
  );
}
