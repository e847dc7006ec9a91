"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { AbuseFormState } from "./actions";

// The error summary at the top of a settings form, focused when it appears.
export function FormErrors({ id, state }: { id: string; state: AbuseFormState }) {
  const t = useTranslations("AbuseSettings");
  const ref = useRef<HTMLDivElement>(null);
  const fields = Object.entries(state.fields);
  useEffect(() => {
    if (fields.length > 0 || state.formError) ref.current?.focus();
  }, [state, fields.length]);
  if (fields.length === 0 && !state.formError) return null;
  return (
    <div className="error-summary" id={id} role="alert" tabIndex={-1} ref={ref}>
      <h3>{t("errorSummary")}</h3>
      <ul>
        {state.formError ? <li>{t(`errors.${state.formError}`)}</li> : null}
        {fields.map(([field, key]) => (
          <li key={field}>
            <a href={`#${field}`}>{t(`errors.${key}`)}</a>
          </li>
        ))}
      </ul>
    </div>
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
