"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { direction, type Locale } from "@/lib/i18n/locales";
import { letterTemplateFields, type LetterTemplateField } from "@/lib/letters/schema";
import { saveLetterTemplateAction, type LetterTemplateFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextAreaField, TextField } from "@/app/components/form/field";
import { useSummaryFocus } from "../../../use-summary-focus";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";

const initialState: LetterTemplateFormState = { fields: {}, values: {} };

// A language the letter may be written in, named in the reader's language (from the server, so
// the browser's own list of names cannot make the page differ from what was rendered).
export type LetterLanguage = { locale: Locale; name: string };

type Props = {
  campaignId: string;
  locale: string;
  readOnly: boolean;
  // The campaign's own language first: the one the letter needs.
  languages: [LetterLanguage, ...LetterLanguage[]];
  defaults: Record<LetterTemplateField, string>;
};

const fieldId = (field: LetterTemplateField) => `letter-${field.replace(".", "-")}`;

export function LetterTemplateForm({ campaignId, locale, readOnly, languages, defaults }: Props) {
  const t = useTranslations("OrganiserLetters");
  const [state, formAction, pending] = useActionState(saveLetterTemplateAction, initialState);
  const fieldOrder: LetterTemplateField[] = [...languages.flatMap((language) => letterTemplateFields(language.locale)), "dailyCap"];
  const errorFields = fieldOrder.filter((field) => state.fields[field]);
  const summaryRef = useSummaryFocus(errorFields.length > 0 || Boolean(state.formError), state);

  const value = (field: LetterTemplateField) => state.values[field] ?? defaults[field];
  const message = (field: LetterTemplateField) => t(`errors.${state.fields[field]}` as "errors.generic");
  const at = (name: LetterTemplateField, label: string) => ({ id: fieldId(name), name, label, defaultValue: value(name), error: state.fields[name] ? message(name) : undefined });
  const written = (language: Locale) => letterTemplateFields(language).some((field) => value(field).trim() !== "");
  const [primary, ...others] = languages;

  // Each textarea is marked with its language, so it is spelt, read aloud and laid out as one.
  const languageFields = (language: LetterLanguage) => {
    const [subjects, body] = letterTemplateFields(language.locale);
    const marks = { lang: language.locale, dir: direction(language.locale) };
    return (
      <>
        <TextAreaField {...at(subjects, t("subjects", { language: language.name }))} hint={t("subjectsHint")} rows={4} {...marks} />
        <TextAreaField {...at(body, t("body", { language: language.name }))} hint={t("bodyHint")} rows={12} {...marks} />
      </>
    );
  };
  const missing = (language: Locale) =>
    written(language) ? null : (
      <>
        {" "}
        <span className="status">{t("missing")}</span>
      </>
    );

  return (
    <form action={formAction} noValidate className="sign-form organiser-form letter-template-form">
      <ErrorSummary
        summaryRef={summaryRef}
        heading={<h3>{t("errorSummary")}</h3>}
        formError={state.formError ? t(`errors.${state.formError}`) : null}
        problems={errorFields.map((name) => ({ key: name, href: `#${fieldId(name)}`, message: message(name) }))}
      />
      {state.saved ? <Notice tone="success">{t("saved")}</Notice> : null}
      <HiddenFields values={{ locale, campaign: campaignId }} />
      <fieldset disabled={readOnly || pending}>
        <fieldset className="letter-language">
          <legend>
            {t("primaryLanguage", { language: primary.name })}
            {missing(primary.locale)}
          </legend>
          <p className="hint">{t("primaryHint")}</p>
          {languageFields(primary)}
        </fieldset>
        {others.length > 0 ? <p className="hint">{t("otherLanguages")}</p> : null}
        {others.map((language) => (
          // Open when there is something to read or to correct in it.
          <details key={language.locale} className="letter-language" open={written(language.locale) || letterTemplateFields(language.locale).some((field) => state.fields[field])}>
            <summary>
              {t("languageSection", { language: language.name })}
              {missing(language.locale)}
            </summary>
            {languageFields(language)}
          </details>
        ))}
        <TextField {...at("dailyCap", t("dailyCap"))} hint={t("dailyCapHint")} type="number" inputMode="numeric" min={0} max={10000} className="input-short" />
        {readOnly ? null : (
          <button type="submit" className="button">
            {t("save")}
          </button>
        )}
      </fieldset>
    </form>
  );
}
