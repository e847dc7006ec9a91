"use client";

import { useTranslations } from "next-intl";
import type { AbuseFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextField } from "@/app/components/form/field";
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
  return (
    <TextField id={props.name} name={props.name} label={props.label} hint={props.hint} error={props.error} type="number" inputMode="numeric" min={1} className="input-short" defaultValue={props.value} key={props.value} dir="ltr" />
  );
}
