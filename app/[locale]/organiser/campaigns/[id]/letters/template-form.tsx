"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import type { LetterTemplateField } from "@/lib/letters/schema";
import { saveLetterTemplateAction, type LetterTemplateFormState } from "./actions";

const initialState: LetterTemplateFormState = { fields: {}, values: {} };
const fieldOrder: LetterTemplateField[] = ["subjectsEn", "bodyEn", "subjectsAr", "bodyAr", "dailyCap"];

type Props = { campaignId: string; locale: string; readOnly: boolean; defaults: Record<LetterTemplateField, string> };

export function LetterTemplateForm({ campaignId, locale, readOnly, defaults }: Props) {
  const t = useTranslations("OrganiserLetters");
  const [state, formAction, pending] = useActionState(saveLetterTemplateAction, initialState);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorFields = fieldOrder.filter((field) => state.fields[field]);

  useEffect(() => {
    if (errorFields.length > 0 || state.formError) summaryRef.current?.focus();
  }, [state, errorFields.length]);

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
      {errorFields.length > 0 || state.formError ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
          <h3>{t("errorSummary")}</h3>
          <ul>
            {state.formError ? <li>{t(`errors.${state.formError}`)}</li> : null}
            {errorFields.map((name) => (
              <li key={name}>
                <a href={`#letter-${name}`}>{message(name)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {state.saved ? (
        <p className="notice notice-success" role="status">
          {t("saved")}
        </p>
      ) : null}
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="campaign" value={campaignId} />
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
