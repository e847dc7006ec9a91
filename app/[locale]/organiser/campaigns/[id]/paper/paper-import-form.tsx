"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { TextField } from "@/app/components/form/field";
import { codeTag } from "@/app/components/code-tag";
import { EnteredText } from "@/app/components/entered-text";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { paperImportAction, type PaperImportFormState } from "./actions";
import { useSummaryFocus } from "../../../use-summary-focus";
import { Notice } from "../../../notice";
import { HiddenFields } from "../../../hidden-fields";
import { OrganiserTable } from "../../../organiser-table";

const initialState: PaperImportFormState = { fields: {}, label: "" };

type Props = { campaignId: string; locale: Locale; countryNames: Record<string, string> };

// Choose a sheet, see what entering it would do, then enter exactly what was checked.
export function PaperImportForm({ campaignId, locale, countryNames }: Props) {
  const t = useTranslations("PaperSignatures");
  const [state, formAction, pending] = useActionState(paperImportAction, initialState);
  const { preview } = state;
  const fileError = preview?.fileError;
  const csvError = state.fields.csv ?? fileError?.error;
  const csvMessage = csvError ? t.rich(`errors.${csvError}`, { columns: fileError?.columns?.join(", ") ?? "", code: codeTag }) : null;
  const labelMessage = state.fields.label ? t(`errors.${state.fields.label}`) : null;
  const problems = [
    ...(labelMessage ? [{ key: "label", href: "#paper-label", message: labelMessage }] : []),
    ...(csvMessage ? [{ key: "file", href: "#paper-file", message: csvMessage }] : []),
  ];
  const summaryRef = useSummaryFocus(problems.length > 0 || Boolean(state.formError), state);
  const canCommit = Boolean(preview && !fileError && preview.accepted > 0 && state.csv);

  return (
    <form action={formAction} noValidate className="organiser-form paper-import-form">
      <ErrorSummary summaryRef={summaryRef} heading={<h3>{t("errorSummary")}</h3>} formError={state.formError ? t(`errors.${state.formError}`) : null} problems={problems} />
      {state.committed !== undefined ? <Notice tone="success">{t("committed", { count: state.committed })}</Notice> : null}
      <HiddenFields values={{ locale, campaign: campaignId }} />
      <fieldset disabled={pending}>
        <TextField id="paper-label" name="label" label={t("label")} hint={t("labelHint")} error={labelMessage} defaultValue={state.label} key={`label-${state.label}`} maxLength={120} />
        <TextField id="paper-file" name="file" type="file" accept=".csv,text/csv" label={t("file")} hint={t.rich("formatHint", { code: codeTag })} error={csvMessage} />
        <button type="submit" name="intent" value="preview" className={`button${canCommit ? " button-secondary" : ""}`}>
          {t("preview")}
        </button>
      </fieldset>

      {preview && !fileError ? (
        <section className="paper-preview" aria-labelledby="paper-preview-heading" data-testid="paper-preview">
          <h3 id="paper-preview-heading">{t("previewHeading")}</h3>
          <p className="hint">{t("previewNothingWritten")}</p>
          <p data-testid="paper-accepted">{t("accepted", { count: preview.accepted })}</p>
          <p data-testid="paper-refused">{t("refusedCount", { count: preview.refused.length, duplicates: preview.duplicates })}</p>
          {preview.sample.length > 0 ? (
            <OrganiserTable labelledBy="paper-sample-caption" className="organiser-table" captionId="paper-sample-caption" caption={t("sampleCaption")} columns={[{ label: t("line"), numeric: true }, { label: t("name") }, { label: t("country") }, { label: t("postcode") }]}>
              {preview.sample.map((row) => (
                <tr key={row.line}>
                  <td className="numeric">{formatNumber(row.line, locale)}</td>
                  <td>
                    <EnteredText text={row.name} />
                  </td>
                  <td>{countryNames[row.country] ?? row.country}</td>
                  <td>{row.postcode ? <EnteredText text={row.postcode} /> : null}</td>
                </tr>
              ))}
            </OrganiserTable>
          ) : null}
          {preview.refused.length > 0 ? (
            <div data-testid="paper-refused-rows">
              <OrganiserTable labelledBy="paper-refused-caption" className="organiser-table" captionId="paper-refused-caption" caption={t("refusedCaption")} columns={[{ label: t("line"), numeric: true }, { label: t("reason") }]}>
                {preview.refused.map((row) => (
                  <tr key={row.line}>
                    <td className="numeric">{formatNumber(row.line, locale)}</td>
                    <td>{t(`reasons.${row.reason}`, { line: formatNumber(row.duplicateOfLine ?? 0, locale) })}</td>
                  </tr>
                ))}
              </OrganiserTable>
            </div>
          ) : null}
          {canCommit ? (
            <>
              <HiddenFields values={{ csv: state.csv!, expected: String(preview.accepted) }} />
              <button type="submit" name="intent" value="commit" className="button" disabled={pending}>
                {t("commit", { count: preview.accepted })}
              </button>
            </>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
