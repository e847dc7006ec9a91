"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { codeTag } from "@/app/components/code-tag";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { statementFieldErrors, statementFieldId, statementInputSchema, statementLimits, statementValuesFromFormData, type StatementFormValues } from "@/lib/statements/schema";
import { saveStatementAction, type StatementFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { FieldGroup, SelectField, TextAreaField, TextField } from "@/app/components/form/field";
import { LanguageColumns } from "@/app/components/form/language-columns";
import { direction, isLocale, locales, type Locale } from "@/lib/i18n/locales";
import { HiddenFields } from "../hidden-fields";
import { Notice } from "../notice";

// Empty author rows under the filled ones: room for co-authors without JavaScript.
const spareRows = 2;

// `languageNames`: each language's name in the organiser's own.
export function StatementForm(props: { locale: string; statementId: string; initial: StatementFormValues; languageNames: Record<Locale, string>; notice?: string }) {
  const t = useTranslations("StatementEditor");
  const [state, formAction, pending] = useActionState(saveStatementAction, { fields: {}, values: null } satisfies StatementFormState);
  const values = state.values ?? props.initial;
  const filled = values.authors.filter((row) => row.name.trim() !== "" || row.nameAr.trim() !== "").length;
  const rowCount = Math.min(Math.max(values.authors.length, filled + spareRows), statementLimits.authorRows);
  const rows = Array.from({ length: rowCount }, (_, index) => values.authors[index] ?? { name: "", nameAr: "" });
  const language = isLocale(values.language) ? values.language : "en";
  const languages = [language, ...locales.filter((other) => other !== language)];
  const order = ["authors", ...rows.flatMap((_, index) => [`authors.${index}.name`, `authors.${index}.nameAr`]), "language", ...languages.flatMap((one) => [`title.${one}`, `summary.${one}`]), "url", "fullText"];
  const { errors, errorFields, formError, clientErrors, summaryRef, onSubmit } = useFieldErrors(state, order, (data) => {
    const entered = statementValuesFromFormData(data);
    const parsed = statementInputSchema.safeParse(entered);
    return parsed.success ? null : statementFieldErrors(parsed.error, entered);
  });

  const named = (one: Locale) => ({ language: props.languageNames[one] });
  const label = (path: string) => {
    const row = /^authors\.(\d+)\.(name|nameAr)$/.exec(path);
    if (row) return t(row[2] === "name" ? "fields.authorName" : "fields.authorNameAr", { number: Number(row[1]) + 1 });
    const text = /^(title|summary)\.(\w+)$/.exec(path);
    if (text && isLocale(text[2])) return t(text[1] === "title" ? "fields.titleIn" : "fields.summaryIn", named(text[2]));
    return t(`fields.${path as "url"}`);
  };
  // What every field takes from its path: its id, its name, its label and its error.
  const at = (path: string) => ({ id: statementFieldId(path), name: path, label: label(path), error: errors[path] ? t(`errors.${errors[path]!}`) : undefined });

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form organiser-form statement-form">
      {props.notice && state.values === null && clientErrors === null ? <Notice tone="success">{props.notice}</Notice> : null}
      <ErrorSummary
        summaryRef={summaryRef}
        heading={<h2>{t("errorSummary")}</h2>}
        formError={formError ? t(`formErrors.${formError}`) : null}
        problems={errorFields.map((path) => ({
          key: path,
          href: path === "authors" ? "#statement-authors" : `#${statementFieldId(path)}`,
          message: (
            <>
              {path === "authors" ? t("fields.authors") : label(path)}: {t(`errors.${errors[path]!}`)}
            </>
          ),
        }))}
      />
      <HiddenFields values={{ locale: props.locale, statementId: props.statementId }} />

      <FieldGroup
        id={statementFieldId("authors")}
        className="statement-authors"
        tabIndex={-1}
        legend={t("fields.authors")}
        hint={t("hints.authors")}
        error={errors.authors && t(`errors.${errors.authors}`)}
      >
        <ol className="author-rows">
          {rows.map((row, index) => (
            <li key={index} className="author-row">
              <TextField {...at(`authors.${index}.name`)} defaultValue={row.name} dir="auto" maxLength={statementLimits.authorName} autoComplete="off" />
              <TextField {...at(`authors.${index}.nameAr`)} defaultValue={row.nameAr} dir="rtl" lang="ar" maxLength={statementLimits.authorName} autoComplete="off" />
            </li>
          ))}
        </ol>
      </FieldGroup>

      <SelectField {...at("language")} defaultValue={language}>
        {locales.map((one) => (
          <option key={one} value={one}>
            {props.languageNames[one]}
          </option>
        ))}
      </SelectField>
      <LanguageColumns
        primary={language}
        legend={t("texts.primary", named(language))}
        summary={(one, written) => t(written ? "texts.written" : "texts.missing", named(one))}
        hint={(one) => t("texts.hint", { ...named(one), primary: props.languageNames[language] })}
        written={(one) => values.title[one].trim() !== "" || values.summary[one].trim() !== ""}
        invalid={(one) => Boolean(errors[`title.${one}`] || errors[`summary.${one}`])}
      >
        {(one) => (
          <>
            <TextField {...at(`title.${one}`)} defaultValue={values.title[one]} lang={one} dir={direction(one)} maxLength={statementLimits.title} autoComplete="off" />
            <TextAreaField {...at(`summary.${one}`)} hint={t("hints.summary")} defaultValue={values.summary[one]} lang={one} dir={direction(one)} rows={4} maxLength={statementLimits.summary} />
          </>
        )}
      </LanguageColumns>
      <TextField {...at("url")} hint={t.rich("hints.url", { code: codeTag })} type="url" defaultValue={values.url} dir="ltr" inputMode="url" autoComplete="off" />
      <TextAreaField {...at("fullText")} hint={t("hints.fullText")} defaultValue={values.fullText} rows={18} dir={direction(language)} lang={language} />
      <button type="submit" className="button" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
