"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveThresholdAction, type DeliveryFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextField } from "@/app/components/form/field";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";

const fields = ["signatures", "days"] as const;

// The campaign's one response threshold: the count at which targets are asked, and the days they have.
export function ThresholdForm(props: { locale: string; campaignId: string; signatures: number | null; days: number | null }) {
  const t = useTranslations("Delivery");
  const [state, formAction, pending] = useActionState(saveThresholdAction, { fields: {}, values: {} } satisfies DeliveryFormState);
  const errorFields = fields.filter((field) => state.fields[field]);
  const at = (field: (typeof fields)[number], saved: number | null) => ({
    id: `threshold-${field}`,
    name: field,
    // After a refused save, the form shows what was sent rather than what is saved.
    defaultValue: state.values[field] ?? (saved === null ? "" : String(saved)),
    error: state.fields[field] && t(`errors.${state.fields[field]}`),
  });
  return (
    <form action={formAction} className="sign-form organiser-form" key={state.done ? `done-${props.signatures}-${props.days}` : "form"}>
      <ErrorSummary
        heading={<h3>{t("errorSummary")}</h3>}
        formError={state.formError ? t(`formErrors.${state.formError}`) : null}
        problems={errorFields.map((field) => ({ key: field, href: `#threshold-${field}`, message: t(`errors.${state.fields[field]}`) }))}
      />
      {state.done ? <Notice tone="success">{t("thresholdSaved")}</Notice> : null}
      <HiddenFields values={{ locale: props.locale, campaign: props.campaignId }} />
      <TextField {...at("signatures", props.signatures)} label={t("thresholdSignatures")} inputMode="numeric" dir="ltr" />
      <TextField {...at("days", props.days)} label={t("thresholdDays")} hint={t("thresholdHint")} inputMode="numeric" dir="ltr" />
      <button type="submit" className="button" disabled={pending}>
        {t("saveThreshold")}
      </button>
    </form>
  );
}
