"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { blankDemandRow, demandRowsForForm, editorValuesFromFormData, translatedFields, type EditorValues, type TextValues } from "@/lib/campaigns/editor/form-values";
import { campaignInputSchema, demandKinds, editorLimits, fieldErrors, fieldId, fieldLanguage, isEmptyDemandRow, type FieldErrors } from "@/lib/campaigns/editor/schema";
import type { EditorFormState } from "./form-state";
import { ErrorSummary } from "@/app/components/form/error-summary";
import { LanguageColumns } from "@/app/components/form/language-columns";
import { CheckboxField, Choice, FieldGroup, SelectField, TextAreaField, TextField } from "@/app/components/form/field";
import { EnteredText } from "@/app/components/entered-text";
import { Notice } from "../../notice";
import { HiddenFields } from "../../hidden-fields";
import { Options } from "../../options";
import { direction, isLocale, languageName, localeNames, locales, type Locale } from "@/lib/i18n/locales";

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

const textFields = [
  "primaryLocale",
  ...translatedFields.flatMap((field) => locales.map((language) => `${field}.${language}`)),
  "goals",
  "opensAt",
  "closesAt",
  "retentionMonths",
  "sourceStatementId",
];
const rowFields = ["kind", ...locales.map((language) => `text.${language}`), "sourceQuote", "sourceStatementId"] as const;

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
  const rows = [...baseRows, ...Array.from({ length: Math.min(extraRows, editorLimits.demandRows - baseRows.length) }, blankDemandRow)];
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

  const reader: Locale = isLocale(locale) ? locale : "en";
  const primary: Locale = isLocale(values.primaryLocale) ? values.primaryLocale : reader;
  // The campaign's language first, then the translations in the order of the language menu.
  const languages = [primary, ...locales.filter((language) => language !== primary)];
  const written = (texts: TextValues, language: Locale) => texts[language].trim() !== "";
  const inLanguage = (language: Locale) => ({ lang: language, dir: direction(language) });
  const named = (language: Locale) => languageName(reader, language);
  const hasError = (paths: string[]) => paths.some((path) => errors[path]);
  const message = (path: string) => t(`errors.${errors[path]}`, { language: named(fieldLanguage(path) ?? primary) });
  // What every field of the editor takes from its path: its id, its name and its error.
  const at = (path: string) => ({ id: fieldId(path), name: path, error: errors[path] ? message(path) : undefined });

  function statementOptions() {
    return (
      <>
        <option value="">{t("fields.noStatement")}</option>
        {statements.map((statement) => (
          <option key={statement.id} value={statement.id}>
            {statement.label}
          </option>
        ))}
      </>
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
          <SelectField {...at("primaryLocale")} label={t("fields.primaryLocale")} hint={t("fields.primaryLocaleHint")} defaultValue={primary}>
            {locales.map((language) => (
              <option key={language} value={language} lang={language} dir={direction(language)}>
                {localeNames[language]}
              </option>
            ))}
          </SelectField>
          {mode === "create" ? <p className="hint">{t("fields.slugHint")}</p> : null}
          <LanguageColumns
            primary={primary}
            legend={t("languages.primary", { language: named(primary) })}
            summary={(language, translated) => t(translated ? "languages.translated" : "languages.missing", { language: named(language) })}
            written={(language) => translatedFields.some((field) => written(values[field], language))}
            invalid={(language) => hasError(translatedFields.map((field) => `${field}.${language}`))}
          >
            {(language) => (
              <>
                <TextField {...at(`title.${language}`)} label={t("fields.title", { language: named(language) })} {...inLanguage(language)} maxLength={editorLimits.title} defaultValue={values.title[language]} />
                <TextAreaField
                  {...at(`summary.${language}`)}
                  label={t("fields.summary", { language: named(language) })}
                  hint={language === primary ? t("fields.summaryHint") : undefined}
                  {...inLanguage(language)}
                  rows={3}
                  maxLength={editorLimits.summary}
                  defaultValue={values.summary[language]}
                />
                <TextAreaField {...at(`body.${language}`)} label={t("fields.body", { language: named(language) })} hint={t("fields.markdownHint")} {...inLanguage(language)} rows={12} maxLength={editorLimits.body} defaultValue={values.body[language]} />
              </>
            )}
          </LanguageColumns>
        </section>

        <section className="editor-section" aria-labelledby="editor-schedule-heading">
          <h2 id="editor-schedule-heading">{t("sections.schedule")}</h2>
          <TextField {...at("goals")} label={t("fields.goals")} hint={t("fields.goalsHint")} dir="ltr" inputMode="text" autoComplete="off" className="input-medium" defaultValue={values.goals} />
          <div className="editor-dates">
            <TextField {...at("opensAt")} label={t("fields.opensAt")} hint={t("fields.opensAtHint")} type="date" defaultValue={values.opensAt} />
            <TextField {...at("closesAt")} label={t("fields.closesAt")} hint={t("fields.closesAtHint")} type="date" defaultValue={values.closesAt} />
          </div>
          <TextField {...at("retentionMonths")} label={retention("label")} hint={retention("hint")} type="number" min={1} max={120} dir="ltr" className="input-short" defaultValue={values.retentionMonths} />
          <SelectField {...at("sourceStatementId")} label={t("fields.sourceStatement")} hint={t("fields.sourceStatementHint")} defaultValue={values.sourceStatementId}>
            {statementOptions()}
          </SelectField>
          {statementsLink ? (
            <p className="hint">
              <a href={statementsLink.href}>{statementsLink.label}</a>
            </p>
          ) : null}
        </section>

        <section className="editor-section">
          <FieldGroup id="demands" className="checkbox-group" tabIndex={-1} legend={<h2>{t("sections.demands")}</h2>} hint={t("sections.demandsHint")} error={errors.demands && message("demands")}>
            <ol className="demand-rows">
              {rows.map((row, index) => {
                const path = (name: string) => `demands.${index}.${name}`;
                const filled = index < values.demands.length && !isEmptyDemandRow(values.demands[index]);
                return (
                  <li key={index}>
                    <fieldset className="demand-row">
                      <legend>{filled ? t("demand.legend", { number: index + 1 }) : t("demand.legendNew", { number: index + 1 })}</legend>
                      <SelectField {...at(path("kind"))} label={t("demand.kind")} defaultValue={row.kind}>
                        <option value="">{t("demand.chooseKind")}</option>
                        <Options values={demandKinds} label={(kind) => kinds(kind)} />
                      </SelectField>
                      <TextAreaField {...at(path(`text.${primary}`))} label={t("demand.text", { language: named(primary) })} {...inLanguage(primary)} rows={2} maxLength={editorLimits.demandText} defaultValue={row.text[primary]} />
                      <details className="demand-translations" open={languages.slice(1).some((language) => written(row.text, language) || errors[path(`text.${language}`)])}>
                        <summary>{t("demand.translations", { written: languages.slice(1).filter((language) => written(row.text, language)).length, total: languages.length - 1 })}</summary>
                        {languages.slice(1).map((language) => (
                          <TextAreaField
                            key={language}
                            {...at(path(`text.${language}`))}
                            label={t("demand.text", { language: named(language) })}
                            {...inLanguage(language)}
                            rows={2}
                            maxLength={editorLimits.demandText}
                            defaultValue={row.text[language]}
                          />
                        ))}
                      </details>
                      <TextAreaField {...at(path("sourceQuote"))} label={t("demand.sourceQuote")} hint={t("demand.sourceQuoteHint")} dir="auto" rows={2} maxLength={editorLimits.sourceQuote} defaultValue={row.sourceQuote} />
                      <SelectField {...at(path("sourceStatementId"))} label={t("demand.sourceStatement")} defaultValue={row.sourceStatementId}>
                        {statementOptions()}
                      </SelectField>
                      {filled ? <CheckboxField id={fieldId(path("remove"))} name={path("remove")} defaultChecked={row.remove} label={t("demand.remove")} /> : null}
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
          </FieldGroup>
        </section>

        <section className="editor-section">
          <FieldGroup id="decisionMakerIds" className="checkbox-group" legend={<h2>{t("sections.decisionMakers")}</h2>} hint={t("sections.decisionMakersHint")} error={errors.decisionMakerIds && message("decisionMakerIds")}>
            {decisionMakers.length === 0 ? <p>{t("sections.noDecisionMakers")}</p> : null}
            <ul className="checkbox-list">
              {decisionMakers.map((person) => (
                <li key={person.id}>
                  <Choice
                    id={`decisionMaker-${person.id}`}
                    type="checkbox"
                    name="decisionMakerIds"
                    value={person.id}
                    defaultChecked={values.decisionMakerIds.includes(person.id)}
                    label={<EnteredText text={person.name} />}
                    hint={<bdi dir="auto">{person.detail}</bdi>}
                  />
                </li>
              ))}
            </ul>
          </FieldGroup>
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
