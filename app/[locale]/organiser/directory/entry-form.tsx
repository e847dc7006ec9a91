"use client";

import { codeTag } from "@/app/components/code-tag";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { decisionMakerFieldErrors, decisionMakerFields, decisionMakerSchema, type DecisionMakerField } from "@/lib/decision-makers/schema";
import { saveEntryAction, type EntryFormState } from "./actions";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { CheckboxField, SelectField, TextField } from "@/app/components/form/field";
import { HiddenFields } from "../hidden-fields";

const longFields: DecisionMakerField[] = [];
const ltrFields: DecisionMakerField[] = ["email", "contactUrl", "country", "lastVerifiedOn"];
const arabicFields: DecisionMakerField[] = ["nameAr", "titleAr", "institutionAr"];

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
        const value = state.values[field] ?? "";
        const common = { id: `entry-${field}`, name: field, label: t(`fields.${field}`), error: errors[field] && t(`errors.${errors[field]}`) };
        if (field === "riskToSigners") return <CheckboxField key={field} {...common} hint={t(`hints.${field}`)} value="yes" defaultChecked={value === "yes"} />;
        const hint = t.has(`hints.${field}`) ? t.rich(`hints.${field}`, { code: codeTag }) : undefined;
        if (field === "preferredLocale")
          return (
            <SelectField key={field} {...common} hint={hint} defaultValue={value || "en"}>
              <option value="en">{t("localeEn")}</option>
              <option value="ar">{t("localeAr")}</option>
            </SelectField>
          );
        return (
          <TextField
            key={field}
            {...common}
            hint={hint}
            type={field === "email" ? "email" : field === "lastVerifiedOn" ? "date" : field === "contactUrl" ? "url" : "text"}
            defaultValue={value}
            dir={ltrFields.includes(field) ? "ltr" : arabicFields.includes(field) ? "rtl" : "auto"}
            lang={arabicFields.includes(field) ? "ar" : undefined}
            size={longFields.includes(field) ? 60 : undefined}
          />
        );
      })}
      <button type="submit" className="button" disabled={pending}>
        {props.id ? t("saveChanges") : t("create")}
      </button>
    </form>
  );
}
