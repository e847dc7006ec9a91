"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recordResponseAction, type DeliveryFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { CheckboxField, FieldGroup, SelectField, TextAreaField, TextField } from "@/app/components/form/field";
import { direction, languageName, type Locale } from "@/lib/i18n/locales";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";

const fields = ["decisionMakerId", "respondedOn", "summary", "summaryAr", "url"] as const;

// The summary is written in English, in Arabic or in both: one field per language.
const summaryLanguages = [
  { field: "summary", locale: "en" },
  { field: "summaryAr", locale: "ar" },
] as const;

export function ResponseForm(props: { locale: Locale; campaignId: string; targets: { id: string; label: string; lang?: string }[] }) {
  const t = useTranslations("Delivery");
  const [state, formAction, pending] = useActionState(recordResponseAction, { fields: {}, values: {} } satisfies DeliveryFormState);
  const errorFields = fields.filter((field) => state.fields[field]);
  // A summary missing in both languages is the group's problem; one too long is its field's.
  const summaryMissing = state.fields.summary === "summaryRequired";
  const anchor = (field: (typeof fields)[number]) => (field === "summary" && summaryMissing ? "response-summaries" : `response-${field}`);
  const at = (field: (typeof fields)[number]) => ({
    id: `response-${field}`,
    name: field,
    defaultValue: state.values[field] ?? "",
    error: state.fields[field] && t(`errors.${state.fields[field]}`),
  });
  return (
    <form action={formAction} className="sign-form organiser-form" key={state.done ? "done" : "form"}>
      <ErrorSummary
        heading={<h3>{t("errorSummary")}</h3>}
        formError={state.formError ? t(`formErrors.${state.formError}`) : null}
        problems={errorFields.map((field) => ({ key: field, href: `#${anchor(field)}`, message: t(`errors.${state.fields[field]}`) }))}
      />
      {state.done ? <Notice tone="success">{t("responseSaved")}</Notice> : null}
      <HiddenFields values={{ locale: props.locale, campaign: props.campaignId }} />
      <SelectField {...at("decisionMakerId")} label={t("responseFrom")}>
        <option value="">{t("choose")}</option>
        {props.targets.map((target) => (
          <option key={target.id} value={target.id} lang={target.lang} dir={target.lang ? "auto" : undefined}>
            {target.label}
          </option>
        ))}
      </SelectField>
      <TextField {...at("respondedOn")} label={t("respondedOn")} type="date" dir="ltr" />
      <FieldGroup id="response-summaries" legend={t("summary")} error={summaryMissing ? t("errors.summaryRequired") : undefined}>
        {summaryLanguages.map(({ field, locale }) => (
          <TextAreaField
            key={field}
            {...at(field)}
            error={field === "summary" && summaryMissing ? undefined : at(field).error}
            label={languageName(props.locale, locale)}
            rows={4}
            lang={locale}
            dir={direction(locale)}
          />
        ))}
      </FieldGroup>
      <TextField {...at("url")} label={t("link")} type="url" dir="ltr" />
      <CheckboxField id="response-published" name="published" label={t("publishNow")} />
      <button type="submit" className="button" disabled={pending}>
        {t("recordResponse")}
      </button>
    </form>
  );
}
