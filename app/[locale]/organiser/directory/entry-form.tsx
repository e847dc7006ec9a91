"use client";

import { codeTag } from "@/app/components/code-tag";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { decisionMakerFieldErrors, decisionMakerFields, decisionMakerSchema, type DecisionMakerField } from "@/lib/decision-makers/schema";
import { saveEntryAction, type EntryFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { HiddenFields } from "../hidden-fields";

const longFields: DecisionMakerField[] = [];
const ltrFields: DecisionMakerField[] = ["email", "contactUrl", "country", "lastVerifiedOn"];
const arabicFields: DecisionMakerField[] = ["titleAr", "institutionAr"];

export function EntryForm(props: { locale: string; organisationId: string; id?: string; initial: Record<string, string> }) {
  const t = useTranslations("Directory");
  const [state, formAction, pending] = useActionState(saveEntryAction, { fields: {}, values: props.initial } satisfies EntryFormState);
  const { errors, errorFields, formError, summaryRef, onSubmit } = useFieldErrors(state, decisionMakerFields, (data) => {
    const parsed = decisionMakerSchema.safeParse(Object.fromEntries(decisionMakerFields.map((field) => [field, data.get(field) ?? ""])));
    return parsed.success ? null : decisionMakerFieldErrors(parsed.error);
  });

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
              {t(`fields.${field}`)}: {t(`errors.${errors[field]!}`)}
            </>
          ),
        }))}
      />
      <HiddenFields values={{ locale: props.locale, organisation: props.organisationId }} />
      {props.id ? <input type="hidden" name="id" value={props.id} /> : null}
      {decisionMakerFields.map((field) => {
        const id = `entry-${field}`;
        const error = errors[field];
        const value = state.values[field] ?? "";
        const described = [error ? `${id}-error` : null, t.has(`hints.${field}`) ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
        if (field === "riskToSigners") {
          return (
            <div key={field} className={`field field-checkbox${error ? " field-invalid" : ""}`}>
              {error ? (
                <p className="field-error" id={`${id}-error`}>
                  {t(`errors.${error}`)}
                </p>
              ) : null}
              <input id={id} name={field} type="checkbox" value="yes" defaultChecked={value === "yes"} aria-invalid={Boolean(error)} aria-describedby={described} />
              <label htmlFor={id}>{t(`fields.${field}`)}</label>
              <p className="hint" id={`${id}-hint`}>
                {t(`hints.${field}`)}
              </p>
            </div>
          );
        }
        return (
          <div key={field} className={`field${error ? " field-invalid" : ""}`}>
            <label htmlFor={id}>{t(`fields.${field}`)}</label>
            {t.has(`hints.${field}`) ? (
              <p className="hint" id={`${id}-hint`}>
                {t.rich(`hints.${field}`, { code: codeTag })}
              </p>
            ) : null}
            {error ? (
              <p className="field-error" id={`${id}-error`}>
                {t(`errors.${error}`)}
              </p>
            ) : null}
            {field === "preferredLocale" ? (
              <select id={id} name={field} defaultValue={value || "en"} aria-invalid={Boolean(error)} aria-describedby={described}>
                <option value="en">{t("localeEn")}</option>
                <option value="ar">{t("localeAr")}</option>
              </select>
            ) : (
              <input
                id={id}
                name={field}
                type={field === "email" ? "email" : field === "lastVerifiedOn" ? "date" : field === "contactUrl" ? "url" : "text"}
                defaultValue={value}
                dir={ltrFields.includes(field) ? "ltr" : arabicFields.includes(field) ? "rtl" : "auto"}
                lang={arabicFields.includes(field) ? "ar" : undefined}
                size={longFields.includes(field) ? 60 : undefined}
                aria-invalid={Boolean(error)}
                aria-describedby={described}
              />
            )}
          </div>
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        {props.id ? t("saveChanges") : t("create")}
      </button>
    </form>
  );
}
