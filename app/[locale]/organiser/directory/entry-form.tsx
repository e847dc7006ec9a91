"use client";

import { codeTag } from "@/app/components/code-tag";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { decisionMakerFieldErrors, decisionMakerFields, decisionMakerSchema, translatedFields, untranslatedFields, type DecisionMakerField } from "@/lib/decision-makers/schema";
import { direction, locales, type Locale } from "@/lib/i18n/locales";
import { languageKey } from "@/lib/i18n/translations";
import { LanguageColumns } from "@/app/components/form/language-columns";
import { directoryFieldLabel } from "./field-label";
import { saveEntryAction, type EntryFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { CheckboxField, SelectField, TextField } from "@/app/components/form/field";
import { HiddenFields } from "../hidden-fields";

const ltrFields: DecisionMakerField[] = ["email", "contactUrl", "country", "lastVerifiedOn"];

// `languageNames`: each language's name in the organiser's own.
export function EntryForm(props: { locale: string; organisationId: string; id?: string; initial: Record<string, string>; languageNames: Record<Locale, string> }) {
  const t = useTranslations("Directory");
  const [state, formAction, pending] = useActionState(saveEntryAction, { fields: {}, values: props.initial } satisfies EntryFormState);
  const { errors, errorFields, formError, summaryRef, onSubmit } = useFieldErrors(state, decisionMakerFields, (data) => {
    const parsed = decisionMakerSchema.safeParse(Object.fromEntries(decisionMakerFields.map((field) => [field, data.get(field) ?? ""])));
    return parsed.success ? null : decisionMakerFieldErrors(parsed.error);
  });
  const label = (field: DecisionMakerField) => directoryFieldLabel(t, props.languageNames, field) ?? field;
  const common = (field: DecisionMakerField) => ({ id: `entry-${field}`, name: field, label: label(field), error: errors[field] && t(`errors.${errors[field]}`) });
  const value = (field: DecisionMakerField) => state.values[field] ?? "";
  const named = (language: Locale) => ({ language: props.languageNames[language] });

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form organiser-form">
      <ErrorSummary
        summaryRef={summaryRef}
        heading={<h2>{t("errorSummary")}</h2>}
        formError={formError ? t(`formErrors.${formError}`) : null}
        problems={errorFields.map((field) => ({
          key: field,
          href: `#entry-${field}`,
          message: (
            <>
              {label(field)}: {t(`errors.${errors[field]!}`)}
            </>
          ),
        }))}
      />
      <HiddenFields values={{ locale: props.locale, organisation: props.organisationId }} />
      {props.id ? <input type="hidden" name="id" value={props.id} /> : null}
      <LanguageColumns
        primary="en"
        legend={t("languages.primary")}
        summary={(language, written) => t(written ? "languages.written" : "languages.missing", named(language))}
        hint={(language) => t("languages.hint", named(language))}
        written={(language) => translatedFields.some((field) => value(languageKey(field, language)).trim() !== "")}
        invalid={(language) => translatedFields.some((field) => Boolean(errors[languageKey(field, language)]))}
      >
        {(language) =>
          translatedFields.map((field) => {
            const key = languageKey(field, language);
            return <TextField key={key} {...common(key)} defaultValue={value(key)} lang={language} dir={direction(language)} />;
          })
        }
      </LanguageColumns>
      {untranslatedFields.map((field) => {
        if (field === "riskToSigners") return <CheckboxField key={field} {...common(field)} hint={t(`hints.${field}`)} value="yes" defaultChecked={value(field) === "yes"} />;
        const hint = t.has(`hints.${field}`) ? t.rich(`hints.${field}`, { code: codeTag }) : undefined;
        if (field === "preferredLocale")
          return (
            <SelectField key={field} {...common(field)} hint={hint} defaultValue={value(field) || "en"}>
              {locales.map((language) => (
                <option key={language} value={language}>
                  {props.languageNames[language]}
                </option>
              ))}
            </SelectField>
          );
        return (
          <TextField
            key={field}
            {...common(field)}
            hint={hint}
            type={field === "email" ? "email" : field === "lastVerifiedOn" ? "date" : field === "contactUrl" ? "url" : "text"}
            defaultValue={value(field)}
            dir={ltrFields.includes(field) ? "ltr" : "auto"}
          />
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        {props.id ? t("saveChanges") : t("create")}
      </button>
    </form>
  );
}
