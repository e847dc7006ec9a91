"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { LetterTemplateField } from "@/lib/letters/schema";
import { saveLetterTemplateAction, type LetterTemplateFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
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
  const field = (name: LetterTemplateField, control: (describedBy: string) => React.ReactNode, hint?: string) => (
    <div className={`field${state.fields[name] ? " field-invalid" : ""}`}>
      <label htmlFor={`letter-${name}`}>{t(name)}</label>
      {hint ? (
        <p className="hint" id={`letter-${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {state.fields[name] ? (
        <p className="field-error" id={`letter-${name}-error`}>
          {message(name)}
        </p>
      ) : null}
      {control([hint ? `letter-${name}-hint` : "", state.fields[name] ? `letter-${name}-error` : ""].filter(Boolean).join(" "))}
    </div>
  );

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
        {field("subjectsEn", (describedBy) => <textarea id="letter-subjectsEn" name="subjectsEn" rows={4} lang="en" dir="ltr" defaultValue={value("subjectsEn")} aria-describedby={describedBy || undefined} aria-invalid={Boolean(state.fields.subjectsEn)} />, t("subjectsHint"))}
        {field("bodyEn", (describedBy) => <textarea id="letter-bodyEn" name="bodyEn" rows={12} lang="en" dir="ltr" defaultValue={value("bodyEn")} aria-describedby={describedBy || undefined} aria-invalid={Boolean(state.fields.bodyEn)} />, t("bodyHint"))}
        {field("subjectsAr", (describedBy) => <textarea id="letter-subjectsAr" name="subjectsAr" rows={4} lang="ar" dir="rtl" defaultValue={value("subjectsAr")} aria-describedby={describedBy || undefined} aria-invalid={Boolean(state.fields.subjectsAr)} />, t("subjectsHint"))}
        {field("bodyAr", (describedBy) => <textarea id="letter-bodyAr" name="bodyAr" rows={12} lang="ar" dir="rtl" defaultValue={value("bodyAr")} aria-describedby={describedBy || undefined} aria-invalid={Boolean(state.fields.bodyAr)} />, t("bodyHint"))}
        {field("dailyCap", (describedBy) => <input id="letter-dailyCap" name="dailyCap" type="number" inputMode="numeric" min={0} max={10000} className="input-short" defaultValue={value("dailyCap")} aria-describedby={describedBy || undefined} aria-invalid={Boolean(state.fields.dailyCap)} />, t("dailyCapHint"))}
        {readOnly ? null : (
          <button type="submit" className="button">
            {t("save")}
          </button>
        )}
      </fieldset>
    </form>
  );
}
