"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { AbuseSettings } from "@/lib/abuse/schema";
import { updateAbuseSettingsAction, type AbuseFormState } from "./actions";
import { FormErrors, NumberField } from "./form-parts";
import { FieldGroup } from "@/app/components/form/field";
import { Notice } from "../notice";
import { HiddenFields } from "../hidden-fields";

const initialState: AbuseFormState = { fields: {}, values: {} };

export function SettingsForm({ locale, organisationId, settings }: { locale: string; organisationId: string; settings: AbuseSettings }) {
  const t = useTranslations("AbuseSettings");
  const [state, formAction, pending] = useActionState(updateAbuseSettingsAction, initialState);
  const value = (field: keyof AbuseSettings) => state.values[field] ?? String(settings[field]);
  const field = (name: keyof AbuseSettings, unit?: "seconds") => (
    <NumberField name={name} label={t(`fields.${name}`)} hint={unit ? t("secondsHint") : undefined} value={value(name)} error={state.fields[name] ? t(`errors.${state.fields[name]}`) : undefined} />
  );
  return (
    <form action={formAction} noValidate className="sign-form organiser-form">
      <FormErrors id="settings-errors" state={state} />
      {state.done ? <Notice tone="success">{t("saved")}</Notice> : null}
      <HiddenFields values={{ locale, organisation: organisationId }} />
      <FieldGroup id="settings-burst" legend={t("burstLegend")}>
        {field("rateBurstLimit")}
        {field("rateBurstWindowSeconds", "seconds")}
      </FieldGroup>
      <FieldGroup id="settings-sustained" legend={t("sustainedLegend")}>
        {field("rateSustainedLimit")}
        {field("rateSustainedWindowSeconds", "seconds")}
      </FieldGroup>
      <FieldGroup id="settings-ceiling" legend={t("ceilingLegend")} hint={t("ceilingHint")}>
        {field("rateCeilingLimit")}
        {field("rateCeilingWindowSeconds", "seconds")}
      </FieldGroup>
      {field("trendingThreshold")}
      <button type="submit" className="button" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
