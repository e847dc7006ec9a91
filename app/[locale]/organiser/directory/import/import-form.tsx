"use client";

import { codeTag } from "@/app/components/code-tag";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { importAction, type ImportFormState } from "../actions";
import { TextField } from "@/app/components/form/field";
import { LocalizedText } from "@/app/components/localized-text";
import type { Locale } from "@/lib/i18n/locales";
import { Notice } from "../../notice";
import { directoryFieldLabel } from "../field-label";
import { HiddenFields } from "../../hidden-fields";

export function ImportForm({ locale, organisationId, languageNames }: { locale: Locale; organisationId: string; languageNames: Record<Locale, string> }) {
  const t = useTranslations("Directory");
  const fieldLabel = (field: string) => directoryFieldLabel(t, languageNames, field) ?? field;
  const [state, formAction, pending] = useActionState(importAction, { csv: "" } satisfies ImportFormState);
  const preview = state.preview;
  const canApply = preview && !state.applied && !preview.fileError && preview.errors.length === 0 && preview.creates.length + preview.updates.length > 0;

  return (
    <>
      <form action={formAction} className="sign-form organiser-form" encType="multipart/form-data">
        <HiddenFields values={{ locale, organisation: organisationId, intent: "preview" }} />
        <TextField id="import-file" name="file" type="file" accept=".csv,text/csv" label={t("importFile")} hint={t.rich("importHint", { code: codeTag })} />
        <button type="submit" className="button" disabled={pending}>
          {t("previewImport")}
        </button>
      </form>

      {state.formError ? <Notice tone="problem">{t(`formErrors.${state.formError}`)}</Notice> : null}

      {preview ? (
        <section aria-labelledby="preview-heading" className="organiser-section" role="status">
          <h2 id="preview-heading">{state.applied ? t("appliedHeading") : t("previewHeading")}</h2>
          {preview.fileError ? (
            <p className="notice notice-problem">{t(`fileErrors.${preview.fileError.error}`, { columns: (preview.fileError.columns ?? []).join(", ") })}</p>
          ) : (
            <>
              <ul>
                <li>{t("summaryCreates", { count: preview.creates.length })}</li>
                <li>{t("summaryUpdates", { count: preview.updates.length })}</li>
                <li>{t("summaryUnchanged", { count: preview.unchanged })}</li>
                <li>{t("summaryErrors", { count: preview.errors.length })}</li>
              </ul>
              {preview.errors.length > 0 ? (
                <table className="organiser-table">
                  <caption>{t("errorsCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("line")}</th>
                      <th scope="col">{t("column")}</th>
                      <th scope="col">{t("problem")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.errors.map((error, index) => (
                      <tr key={index}>
                        <td className="numeric">{error.line}</td>
                        <td>{error.field ? fieldLabel(error.field) : "—"}</td>
                        <td>{t(`errors.${error.error}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
              {preview.creates.length + preview.updates.length > 0 ? (
                <table className="organiser-table">
                  <caption>{t("changesCaption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("line")}</th>
                      <th scope="col">{t("change")}</th>
                      <th scope="col">{t("fields.name")}</th>
                      <th scope="col">{t("fields.email")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...preview.creates.map((row) => ({ ...row, changed: null as string[] | null })), ...preview.updates]
                      .sort((a, b) => a.line - b.line)
                      .map((row) => (
                        <tr key={row.line}>
                          <td className="numeric">{row.line}</td>
                          <td>{row.changed ? t("updates", { fields: row.changed.map(fieldLabel).join(", ") }) : t("creates")}</td>
                          <td>
                            <bdi>
                              <LocalizedText locale={locale} values={row.name} />
                            </bdi>
                            ,{" "}
                            <bdi>
                              <LocalizedText locale={locale} values={row.institution} />
                            </bdi>
                          </td>
                          <td dir="ltr">{row.email}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              ) : null}
            </>
          )}
          {canApply ? (
            <form action={formAction}>
              <HiddenFields values={{ locale, organisation: organisationId, intent: "apply", csv: state.csv }} />
              <button type="submit" className="button" disabled={pending}>
                {t("applyImport")}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
