"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { blankDemandRow, demandRowsForForm, editorValuesFromFormData, type EditorValues } from "@/lib/campaigns/editor/form-values";
import { campaignInputSchema, demandKinds, editorLimits, fieldErrors, fieldId, isEmptyDemandRow, type FieldErrors } from "@/lib/campaigns/editor/schema";
import type { EditorFormState } from "./form-state";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { Notice } from "../../notice";
import { HiddenFields } from "../../hidden-fields";
import { Options } from "../../options";

export type StatementOption = { id: string; label: string };
export type DecisionMakerOption = { id: string; name: string; detail: string };

type Props = {
  action: (state: EditorFormState, formData: FormData) => Promise<EditorFormState>;
  locale: string;
  // campaignId (editing) or organisationId (creating): checked again on the server.
  hidden: Record<string, string>;
  initialValues: EditorValues;
  statements: StatementOption[];
  decisionMakers: DecisionMakerOption[];
  readOnly?: boolean;
  mode: "create" | "edit";
  // What the last action did ("Your changes are saved"), until this form is submitted again.
  notice?: string;
  // Where the statements offered here are edited (their links, full texts and authors).
  statementsLink?: { href: string; label: string };
};

const textFields = ["titleEn", "titleAr", "summaryEn", "summaryAr", "bodyEn", "bodyAr", "goals", "opensAt", "closesAt", "retentionMonths", "sourceStatementId"];
const rowFields = ["kind", "textEn", "textAr", "sourceQuote", "sourceStatementId"] as const;

// Errors in the order the fields appear, so the summary reads like the form.
function orderedErrors(errors: FieldErrors, rowCount: number): string[] {
  const order = [
    "form",
    ...textFields,
    "demands",
    ...Array.from({ length: rowCount }, (_, row) => rowFields.map((field) => `demands.${row}.${field}`)).flat(),
    "decisionMakerIds",
  ];
  const known = order.filter((path) => errors[path]);
  return [...known, ...Object.keys(errors).filter((path) => !order.includes(path))];
}

// Renders nothing different on the server and in the first client render, then true: controls
// that need JavaScript appear only where it runs.
const subscribeNever = () => () => {};
function useScripted(): boolean {
  return useSyncExternalStore(subscribeNever, () => true, () => false);
}

export function EditorForm({ action, locale, hidden, initialValues, statements, decisionMakers, readOnly = false, mode, notice, statementsLink }: Props) {
  const t = useTranslations("CampaignEditor");
  const kinds = useTranslations("DemandKinds");
  const retention = useTranslations("RetentionField");
  const [state, formAction, pending] = useActionState(action, { fields: {}, values: null });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // Rows added with the "Add a demand" button, counted against the state they were added to.
  const [added, setAdded] = useState({ state, count: 0 });
  const summaryRef = useRef<HTMLDivElement>(null);
  const scripted = useScripted();

  const values = state.values ?? initialValues;
  const baseRows = demandRowsForForm(values.demands);
  const extraRows = added.state === state ? added.count : 0;
  const rows = [...baseRows, ...Array.from({ length: Math.min(extraRows, editorLimits.demandRows - baseRows.length) }, () => blankDemandRow)];
  const errors = clientErrors ?? state.fields;
  const formError = clientErrors ? undefined : state.formError;
  const errorPaths = orderedErrors(errors, rows.length);

  useEffect(() => {
    if (errorPaths.length > 0 || formError) summaryRef.current?.focus();
  }, [state, clientErrors, errorPaths.length, formError]);

  // The same rules as the server, checked first in the browser for instant feedback.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const parsed = campaignInputSchema.safeParse(editorValuesFromFormData(new FormData(event.currentTarget)));
    if (!parsed.success) {
      event.preventDefault();
      setClientErrors(fieldErrors(parsed.error));
    } else {
      setClientErrors(null);
    }
  }

  function addRow() {
    const row = rows.length;
    flushSync(() => setAdded({ state, count: extraRows + 1 }));
    document.getElementById(fieldId(`demands.${row}.kind`))?.focus();
  }

  const message = (path: string) => t(`errors.${errors[path]}`);
  const describedBy = (path: string, hint: boolean) =>
    [hint ? `${fieldId(path)}-hint` : null, errors[path] ? `${fieldId(path)}-error` : null].filter(Boolean).join(" ") || undefined;
  const controlProps = (path: string, hint: boolean) => ({
    id: fieldId(path),
    name: path,
    "aria-invalid": Boolean(errors[path]),
    "aria-describedby": describedBy(path, hint),
  });
  const arabic = { dir: "rtl", lang: "ar" } as const;
  const english = { dir: "ltr", lang: "en" } as const;

  function field(path: string, label: string, control: ReactNode, hint?: string, className = "") {
    return (
      <div className={`field${errors[path] ? " field-invalid" : ""}${className ? ` ${className}` : ""}`}>
        <label htmlFor={fieldId(path)}>{label}</label>
        {hint ? (
          <p className="hint" id={`${fieldId(path)}-hint`}>
            {hint}
          </p>
        ) : null}
        {errors[path] ? (
          <p className="field-error" id={`${fieldId(path)}-error`}>
            {message(path)}
          </p>
        ) : null}
        {control}
      </div>
    );
  }

  function statementSelect(path: string, value: string) {
    return (
      <select {...controlProps(path, false)} defaultValue={value}>
        <option value="">{t("fields.noStatement")}</option>
        {statements.map((statement) => (
          <option key={statement.id} value={statement.id}>
            {statement.label}
          </option>
        ))}
      </select>
    );
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="editor-form" aria-describedby={errorPaths.length || formError ? "editor-errors" : undefined}>
      {notice && state.values === null && clientErrors === null ? <Notice tone="success">{notice}</Notice> : null}
      <ErrorSummary
        id="editor-errors"
        summaryRef={summaryRef}
        heading={<h2>{t("errorSummary")}</h2>}
        formError={formError ? t(`formErrors.${formError}`) : null}
        problems={errorPaths.map((path) =>
          path === "form"
            ? { key: path, message: message(path) }
            : { key: path, href: `#${fieldId(path)}`, message: path.startsWith("demands.") ? t("rowError", { row: Number(path.split(".")[1]) + 1, message: message(path) }) : message(path) },
        )}
      />
      <HiddenFields values={{ locale, ...hidden }} />

      <fieldset className="editor-fieldset" disabled={readOnly}>
        <section className="editor-section" aria-labelledby="editor-texts-heading">
          <h2 id="editor-texts-heading">{t("sections.texts")}</h2>
          <p className="hint">{t("sections.textsHint")}</p>
          <div className="bilingual">
            {field("titleEn", t("fields.titleEn"), <input type="text" {...controlProps("titleEn", false)} {...english} maxLength={editorLimits.title} defaultValue={values.titleEn} />)}
            {field("titleAr", t("fields.titleAr"), <input type="text" {...controlProps("titleAr", false)} {...arabic} maxLength={editorLimits.title} defaultValue={values.titleAr} />)}
          </div>
          {mode === "create" ? <p className="hint">{t("fields.slugHint")}</p> : null}
          <div className="bilingual">
            {field(
              "summaryEn",
              t("fields.summaryEn"),
              <textarea {...controlProps("summaryEn", true)} {...english} rows={3} maxLength={editorLimits.summary} defaultValue={values.summaryEn} />,
              t("fields.summaryHint"),
            )}
            {field(
              "summaryAr",
              t("fields.summaryAr"),
              <textarea {...controlProps("summaryAr", true)} {...arabic} rows={3} maxLength={editorLimits.summary} defaultValue={values.summaryAr} />,
              t("fields.summaryArHint"),
            )}
          </div>
          <div className="bilingual">
            {field(
              "bodyEn",
              t("fields.bodyEn"),
              <textarea {...controlProps("bodyEn", true)} {...english} rows={12} maxLength={editorLimits.body} defaultValue={values.bodyEn} />,
              t("fields.markdownHint"),
            )}
            {field(
              "bodyAr",
              t("fields.bodyAr"),
              <textarea {...controlProps("bodyAr", true)} {...arabic} rows={12} maxLength={editorLimits.body} defaultValue={values.bodyAr} />,
              t("fields.markdownHint"),
            )}
          </div>
        </section>

        <section className="editor-section" aria-labelledby="editor-schedule-heading">
          <h2 id="editor-schedule-heading">{t("sections.schedule")}</h2>
          {field(
            "goals",
            t("fields.goals"),
            <input type="text" {...controlProps("goals", true)} dir="ltr" inputMode="text" autoComplete="off" className="input-medium" defaultValue={values.goals} />,
            t("fields.goalsHint"),
          )}
          <div className="editor-dates">
            {field("opensAt", t("fields.opensAt"), <input type="date" {...controlProps("opensAt", true)} defaultValue={values.opensAt} />, t("fields.opensAtHint"))}
            {field("closesAt", t("fields.closesAt"), <input type="date" {...controlProps("closesAt", true)} defaultValue={values.closesAt} />, t("fields.closesAtHint"))}
          </div>
          {field(
            "retentionMonths",
            retention("label"),
            <input type="number" min={1} max={120} {...controlProps("retentionMonths", true)} dir="ltr" className="input-short" defaultValue={values.retentionMonths} />,
            retention("hint"),
          )}
          {field(
            "sourceStatementId",
            t("fields.sourceStatement"),
            <>
              {statementSelect("sourceStatementId", values.sourceStatementId)}
              {statementsLink ? (
                <p className="hint">
                  <a href={statementsLink.href}>{statementsLink.label}</a>
                </p>
              ) : null}
            </>,
            t("fields.sourceStatementHint"),
          )}
        </section>

        <section className={`editor-section${errors.demands ? " field-invalid" : ""}`} aria-labelledby="demands">
          <h2 id="demands" tabIndex={-1}>
            {t("sections.demands")}
          </h2>
          <p className="hint" id="demands-hint">
            {t("sections.demandsHint")}
          </p>
          {errors.demands ? (
            <p className="field-error" id="demands-error">
              {message("demands")}
            </p>
          ) : null}
          <ol className="demand-rows">
            {rows.map((row, index) => {
              const path = (name: string) => `demands.${index}.${name}`;
              const filled = index < values.demands.length && !isEmptyDemandRow(values.demands[index]);
              return (
                <li key={index}>
                  <fieldset className="demand-row">
                    <legend>{filled ? t("demand.legend", { number: index + 1 }) : t("demand.legendNew", { number: index + 1 })}</legend>
                    {field(
                      path("kind"),
                      t("demand.kind"),
                      <select {...controlProps(path("kind"), false)} defaultValue={row.kind}>
                        <option value="">{t("demand.chooseKind")}</option>
                        <Options values={demandKinds} label={(kind) => kinds(kind)} />
                      </select>,
                    )}
                    <div className="bilingual">
                      {field(path("textEn"), t("demand.textEn"), <textarea {...controlProps(path("textEn"), false)} {...english} rows={2} maxLength={editorLimits.demandText} defaultValue={row.textEn} />)}
                      {field(path("textAr"), t("demand.textAr"), <textarea {...controlProps(path("textAr"), false)} {...arabic} rows={2} maxLength={editorLimits.demandText} defaultValue={row.textAr} />)}
                    </div>
                    {field(
                      path("sourceQuote"),
                      t("demand.sourceQuote"),
                      <textarea {...controlProps(path("sourceQuote"), true)} dir="auto" rows={2} maxLength={editorLimits.sourceQuote} defaultValue={row.sourceQuote} />,
                      t("demand.sourceQuoteHint"),
                    )}
                    {field(path("sourceStatementId"), t("demand.sourceStatement"), statementSelect(path("sourceStatementId"), row.sourceStatementId))}
                    {filled ? (
                      <div className="field field-checkbox">
                        <input id={fieldId(path("remove"))} name={path("remove")} type="checkbox" defaultChecked={row.remove} />
                        <label htmlFor={fieldId(path("remove"))}>{t("demand.remove")}</label>
                      </div>
                    ) : null}
                  </fieldset>
                </li>
              );
            })}
          </ol>
          {scripted && rows.length < editorLimits.demandRows ? (
            <button type="button" className="button button-secondary" onClick={addRow}>
              {t("demand.add")}
            </button>
          ) : null}
        </section>

        <section className={`editor-section${errors.decisionMakerIds ? " field-invalid" : ""}`}>
          <fieldset className="checkbox-group" id="decisionMakerIds" aria-describedby="decisionMakerIds-hint">
            <legend>
              <h2>{t("sections.decisionMakers")}</h2>
            </legend>
            <p className="hint" id="decisionMakerIds-hint">
              {t("sections.decisionMakersHint")}
            </p>
            {errors.decisionMakerIds ? <p className="field-error">{message("decisionMakerIds")}</p> : null}
            {decisionMakers.length === 0 ? <p>{t("sections.noDecisionMakers")}</p> : null}
            <ul className="checkbox-list">
              {decisionMakers.map((person) => (
                <li key={person.id} className="field-checkbox">
                  <input
                    id={`decisionMaker-${person.id}`}
                    name="decisionMakerIds"
                    type="checkbox"
                    value={person.id}
                    defaultChecked={values.decisionMakerIds.includes(person.id)}
                    aria-describedby={`decisionMaker-${person.id}-detail`}
                  />
                  <label htmlFor={`decisionMaker-${person.id}`} lang="en" dir="ltr">
                    {person.name}
                  </label>
                  <p className="hint" id={`decisionMaker-${person.id}-detail`} lang="en" dir="ltr">
                    {person.detail}
                  </p>
                </li>
              ))}
            </ul>
          </fieldset>
        </section>
      </fieldset>

      {readOnly ? null : (
        <div className="editor-actions">
          <button type="submit" name="intent" value="save" className="button" disabled={pending}>
            {pending ? t("actions.saving") : mode === "create" ? t("actions.create") : t("actions.save")}
          </button>
          <button type="submit" name="intent" value="preview" className="button button-secondary" disabled={pending}>
            {mode === "create" ? t("actions.createAndPreview") : t("actions.saveAndPreview")}
          </button>
        </div>
      )}
    </form>
  );
}
