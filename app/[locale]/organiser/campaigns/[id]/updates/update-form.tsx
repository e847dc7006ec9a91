"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { LanguageColumns } from "@/app/components/form/language-columns";
import { TextAreaField, TextField } from "@/app/components/form/field";
import { direction, locales, type Locale } from "@/lib/i18n/locales";
import { updateLimits } from "@/lib/updates/schema";
import { saveUpdateAction, type UpdateFormState } from "./actions";
import { useSummaryFocus } from "../../../use-summary-focus";
import { HiddenFields } from "../../../hidden-fields";

const initialState: UpdateFormState = { fields: {}, values: {} };

export type UpdateFormValues = { scope: string; subject: Record<Locale, string>; body: Record<Locale, string>; mailed: boolean; published: boolean };

// Writing an update: in the language it is written in first (the campaign's, or English for one
// about all the organisation's campaigns), and in any other the organisers have it in; e-mailed,
// shown on the campaign page, or both. Works as a plain POST without JavaScript.
// `languageNames`: each language's name in the organiser's own.
export function UpdateForm(props: {
  locale: string;
  campaignId: string;
  updateId?: string;
  organisationName: string;
  primaryLocale: Locale;
  languageNames: Record<Locale, string>;
  defaults: UpdateFormValues;
}) {
  const t = useTranslations("Updates");
  const [state, formAction, pending] = useActionState(saveUpdateAction, initialState);
  const primary = props.primaryLocale;
  const languages = [primary, ...locales.filter((language) => language !== primary)];
  const fieldOrder = ["form", "scope", ...languages.flatMap((language) => [`subject.${language}`, `body.${language}`]), "mailed"];
  const problems = fieldOrder.filter((name) => state.fields[name]);
  const summaryRef = useSummaryFocus(problems.length > 0 || Boolean(state.formError), state);
  const languageOf = (name: string) => props.languageNames[(name.split(".")[1] ?? primary) as Locale] ?? "";
  const error = (name: string) => (state.fields[name] ? t(`errors.${state.fields[name]}` as "errors.translationIncomplete", { language: languageOf(name) }) : undefined);
  const submitted = Object.keys(state.values).length > 0;
  const text = (field: "subject" | "body", language: Locale) => (submitted ? (state.values[`${field}.${language}`] ?? "") : props.defaults[field][language]);
  const scope = submitted ? (state.values.scope ?? "") : props.defaults.scope;
  const checked = (name: "mailed" | "published") => (submitted ? state.values[name] === "on" : props.defaults[name]);
  const fieldId = (name: string) => `update-${name.replace(".", "-")}`;

  function languageFields(language: Locale) {
    const inLanguage = { lang: language, dir: direction(language) };
    const named = { language: props.languageNames[language] };
    return (
      <>
        <TextField id={fieldId(`subject.${language}`)} name={`subject.${language}`} label={t("form.subject", named)} {...inLanguage} maxLength={updateLimits.subject} defaultValue={text("subject", language)} error={error(`subject.${language}`)} />
        <TextAreaField id={fieldId(`body.${language}`)} name={`body.${language}`} label={t("form.body", named)} {...inLanguage} rows={12} hint={t("form.bodyHint")} defaultValue={text("body", language)} error={error(`body.${language}`)} />
      </>
    );
  }

  return (
    <form action={formAction} noValidate className="sign-form organiser-form update-form">
      <ErrorSummary
        summaryRef={summaryRef}
        heading={<h2>{t("errors.invalidValue")}</h2>}
        formError={state.formError ? t(`errors.${state.formError === "forbidden" ? "notEditable" : "invalidValue"}`) : null}
        problems={problems.map((name) => ({ key: name, href: `#${fieldId(name)}`, message: error(name) }))}
      />
      <HiddenFields values={{ locale: props.locale, campaign: props.campaignId, ...(props.updateId ? { update: props.updateId } : {}) }} />
      <fieldset disabled={pending}>
        <fieldset className="field" id="update-scope">
          <legend>{t("form.scope")}</legend>
          <label>
            <input type="radio" name="scope" value="campaign" defaultChecked={scope !== "organisation"} /> {t("scopeCampaign")}
          </label>
          <label>
            <input type="radio" name="scope" value="organisation" defaultChecked={scope === "organisation"} /> {t("scopeOrganisation", { organisation: props.organisationName })}
          </label>
        </fieldset>
        <LanguageColumns
          primary={primary}
          legend={t("form.primaryLanguage", { language: props.languageNames[primary] })}
          summary={(language, written) => t(written ? "form.translation" : "form.translationMissing", { language: props.languageNames[language] })}
          hint={(language) => t("form.translationHint", { language: props.languageNames[language], primary: props.languageNames[primary] })}
          written={(language) => text("subject", language).trim() !== "" || text("body", language).trim() !== ""}
          invalid={(language) => Boolean(state.fields[`subject.${language}`] || state.fields[`body.${language}`])}
        >
          {languageFields}
        </LanguageColumns>
        <div className={`field${state.fields.mailed ? " field-invalid" : ""}`} id="update-mailed">
          {state.fields.mailed ? <p className="field-error">{error("mailed")}</p> : null}
          <label>
            <input type="checkbox" name="mailed" defaultChecked={checked("mailed")} /> {t("form.mailed")}
          </label>
          <label>
            <input type="checkbox" name="published" defaultChecked={checked("published")} /> {t("form.published")}
          </label>
        </div>
        <button type="submit" className="button">
          {t("form.save")}
        </button>
      </fieldset>
    </form>
  );
}
