"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { LetterTemplateField } from "@/lib/letters/schema";
import { saveLetterTemplateAction, type LetterTemplateFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextAreaField, TextField } from "@/app/components/form/field";
import { useSummaryFocus } from "../../../use-summary-focus";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";

const initialState: LetterTemplateFormState = { fields: {}, values: {} };
const fieldOrder: LetterTemplateField[] = ["subjectsEn", "bodyEn", "subjectsAr", "bodyAr", "dailyCap"];

type Props = { campaignId: string; locale: string; readOnly: boolean; defaults: Record<LetterTemplateField, string> };

export function LetterTemplateForm({ campaignId, locale, readOnly, defaults }: Props) {
  const t = useTranslations("OrganiserLetters");
  const [state, formAction, pending] = useActionState(saveLetterTemplateAction, initialState);
  const errorFields = fieldOrder.filter((field) => state.fields[field]);
  const summaryRef = useSummaryFocus(errorFields.length > 0 || Boolean(state.formError), state);

  const value = (field: LetterTemplateField) => (field in state.values ? state.values[field]! : defaults[field]);
  const message = (field: LetterTemplateField) => t(`errors.${state.fields[field]}` as "errors.generic");
  const at = (name: LetterTemplateField) => ({ id: `letter-${name}`, name, label: t(name), defaultValue: value(name), error: state.fields[name] ? message(name) : undefined });

  return (
    <form action={formAction} noValidate className="sign-form organiser-form letter-template-form">
      <ErrorSummary
        summaryRef={summaryRef}
        heading={<h3>{t("errorSummary")}</h3>}
        formError={state.formError ? t(`errors.${state.formError}`) : null}
        problems={errorFields.map((name) => ({ key: name, href: `#letter-${name}`, message: message(name) }))}
      />
      {state.saved ? <Notice tone="success">{t("saved")}</Notice> : null}
      <HiddenFields values={{ locale, campaign: campaignId }} />
      <fieldset disabled={readOnly || pending}>
        <TextAreaField {...at("subjectsEn")} hint={t("subjectsHint")} rows={4} lang="en" dir="ltr" />
        <TextAreaField {...at("bodyEn")} hint={t("bodyHint")} rows={12} lang="en" dir="ltr" />
        <TextAreaField {...at("subjectsAr")} hint={t("subjectsHint")} rows={4} lang="ar" dir="rtl" />
        <TextAreaField {...at("bodyAr")} hint={t("bodyHint")} rows={12} lang="ar" dir="rtl" />
        <TextField {...at("dailyCap")} hint={t("dailyCapHint")} type="number" inputMode="numeric" min={0} max={10000} className="input-short" />
        {readOnly ? null : (
          <button type="submit" className="button">
            {t("save")}
          </button>
        )}
      </fieldset>
    </form>
  );
}
