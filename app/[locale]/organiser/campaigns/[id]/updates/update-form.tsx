"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextAreaField, TextField } from "@/app/components/form/field";
import { updateLimits } from "@/lib/updates/schema";
import { saveUpdateAction, type UpdateFormState } from "./actions";
import { useSummaryFocus } from "../../../use-summary-focus";
import { HiddenFields } from "../../../hidden-fields";

const initialState: UpdateFormState = { fields: {}, values: {} };
const fieldOrder = ["form", "scope", "subjectEn", "bodyEn", "subjectAr", "bodyAr", "mailed"] as const;

type Values = { scope: string; subjectEn: string; bodyEn: string; subjectAr: string; bodyAr: string; mailed: boolean; published: boolean };

// Writing an update: English, and Arabic where the organisers have it; e-mailed, shown on the
// campaign page, or both. Works as a plain POST without JavaScript.
export function UpdateForm(props: { locale: string; campaignId: string; updateId?: string; organisationName: string; defaults: Values }) {
  const t = useTranslations("Updates");
  const [state, formAction, pending] = useActionState(saveUpdateAction, initialState);
  const problems = fieldOrder.filter((name) => state.fields[name]);
  const summaryRef = useSummaryFocus(problems.length > 0 || Boolean(state.formError), state);
  const error = (name: string) => (state.fields[name] ? t(`errors.${state.fields[name]}` as "errors.invalidValue") : undefined);
  const submitted = Object.keys(state.values).length > 0;
  const value = (name: "subjectEn" | "bodyEn" | "subjectAr" | "bodyAr" | "scope") => (submitted ? (state.values[name] ?? "") : props.defaults[name]);
  const checked = (name: "mailed" | "published") => (submitted ? state.values[name] === "on" : props.defaults[name]);

  return (
    <form action={formAction} noValidate className="sign-form organiser-form update-form">
      <ErrorSummary
        summaryRef={summaryRef}
        heading={<h2>{t("errors.invalidValue")}</h2>}
        formError={state.formError ? t(`errors.${state.formError === "forbidden" ? "notEditable" : "invalidValue"}`) : null}
        problems={problems.map((name) => ({ key: name, href: `#update-${name}`, message: error(name) }))}
      />
      <HiddenFields values={{ locale: props.locale, campaign: props.campaignId, ...(props.updateId ? { update: props.updateId } : {}) }} />
      <fieldset disabled={pending}>
        <fieldset className="field" id="update-scope">
          <legend>{t("form.scope")}</legend>
          <label>
            <input type="radio" name="scope" value="campaign" defaultChecked={value("scope") !== "organisation"} /> {t("scopeCampaign")}
          </label>
          <label>
            <input type="radio" name="scope" value="organisation" defaultChecked={value("scope") === "organisation"} /> {t("scopeOrganisation", { organisation: props.organisationName })}
          </label>
        </fieldset>
        <TextField id="update-subjectEn" name="subjectEn" label={t("form.subjectEn")} lang="en" dir="ltr" maxLength={updateLimits.subject} defaultValue={value("subjectEn")} error={error("subjectEn")} />
        <TextAreaField id="update-bodyEn" name="bodyEn" label={t("form.bodyEn")} lang="en" dir="ltr" rows={12} hint={t("form.bodyHint")} defaultValue={value("bodyEn")} error={error("bodyEn")} />
        <TextField id="update-subjectAr" name="subjectAr" label={t("form.subjectAr")} lang="ar" dir="rtl" maxLength={updateLimits.subject} hint={t("form.arabicHint")} defaultValue={value("subjectAr")} error={error("subjectAr")} />
        <TextAreaField id="update-bodyAr" name="bodyAr" label={t("form.bodyAr")} lang="ar" dir="rtl" rows={12} hint={t("form.bodyHint")} defaultValue={value("bodyAr")} error={error("bodyAr")} />
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
