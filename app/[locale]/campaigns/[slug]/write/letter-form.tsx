"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useFieldErrors } from "@/app/components/use-field-errors";
import { EnteredText } from "@/app/components/entered-text";
import { letterFieldErrors, letterInputSchema, personalMaxLength, personalMinLength, type LetterField } from "@/lib/letters/schema";
import { writeLetterAction, type LetterFormState } from "./actions";

const initialState: LetterFormState = { fields: {}, values: {} };
const fieldOrder: LetterField[] = ["recipient", "name", "body", "personal"];

export type RecipientOption = { id: string; name: string; detail: ReactNode };

type Props = {
  campaignSlug: string;
  locale: string;
  letterLocale: string;
  // Present only when the supporter may send through Nida.
  token: string | null;
  letterKey: string;
  recipients: RecipientOption[];
  defaults: { name: string; body: string };
  templates: string[];
};

export function LetterForm({ campaignSlug, locale, letterLocale, token, letterKey, recipients, defaults, templates }: Props) {
  const t = useTranslations("LetterForm");
  const [state, formAction, pending] = useActionState(writeLetterAction, initialState);
  // The server's rules, checked first in the browser for instant feedback.
  const { errors, errorFields, formError, clientErrors, summaryRef, onSubmit } = useFieldErrors(state, fieldOrder, (data) => {
    const parsed = letterInputSchema(templates).safeParse(Object.fromEntries(data));
    return parsed.success ? null : letterFieldErrors(parsed.error);
  });
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errorFields.length === 0 && !formError && (state.sent || state.mailto)) resultRef.current?.focus();
  }, [state, clientErrors, errorFields.length, formError]);

  const message = (field: LetterField) => t(`errors.${errors[field]}` as "errors.generic");
  const describedBy = (field: LetterField, hint: boolean) =>
    [hint ? `letter-${field}-hint` : null, errors[field] ? `letter-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (field: LetterField) =>
    errors[field] ? (
      <p className="field-error" id={`letter-${field}-error`}>
        {message(field)}
      </p>
    ) : null;
  const value = (field: LetterField, fallback: string) => (field in state.values ? state.values[field]! : fallback);
  const chosen = value("recipient", recipients[0]?.id ?? "");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="sign-form letter-form" aria-describedby={errorFields.length || formError ? "letter-errors" : undefined}>
      {errorFields.length > 0 || formError ? (
        <div className="error-summary" id="letter-errors" role="alert" tabIndex={-1} ref={summaryRef}>
          <h3>{t("errorSummary")}</h3>
          <ul>
            {formError ? <li>{t(`errors.${formError}`)}</li> : null}
            {errorFields.map((field) => (
              <li key={field}>
                <a href={field === "recipient" ? `#recipient-${recipients[0]?.id ?? ""}` : `#letter-${field}`}>{message(field)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {!clientErrors && state.sent ? (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={resultRef}>
          <p>{t("sent", { name: state.sent.recipientName, subject: state.sent.subject })}</p>
        </div>
      ) : null}
      {!clientErrors && state.mailto ? (
        <div className="notice notice-success" role="status" tabIndex={-1} ref={resultRef}>
          <p>{t("mailtoReady", { name: state.mailto.recipientName })}</p>
          <p>
            <a className="button" href={state.mailto.href}>
              {t("mailtoOpen")}
            </a>
          </p>
        </div>
      ) : null}

      <input type="hidden" name="campaign" value={campaignSlug} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="letterKey" value={letterKey} />
      {token ? <input type="hidden" name="token" value={token} /> : null}

      <fieldset className={`field${errors.recipient ? " field-invalid" : ""}`} aria-describedby={describedBy("recipient", false)}>
        <legend>{t("recipient")}</legend>
        {errorText("recipient")}
        <ul className="recipient-choice">
          {recipients.map((recipient) => (
            <li key={recipient.id} className="field-radio">
              <input type="radio" id={`recipient-${recipient.id}`} name="recipient" value={recipient.id} defaultChecked={recipient.id === chosen} />
              <label htmlFor={`recipient-${recipient.id}`}>
                <strong>
                  <EnteredText text={recipient.name} />
                </strong>{" "}
                <span>{recipient.detail}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className={`field${errors.name ? " field-invalid" : ""}`}>
        <label htmlFor="letter-name">{t("name")}</label>
        <p className="hint" id="letter-name-hint">
          {t("nameHint")}
        </p>
        {errorText("name")}
        <input id="letter-name" name="name" type="text" autoComplete="name" maxLength={100} defaultValue={value("name", defaults.name)} aria-invalid={Boolean(errors.name)} aria-describedby={describedBy("name", true)} />
      </div>

      <p className="hint">{t("subjectNote")}</p>

      <div className={`field${errors.body ? " field-invalid" : ""}`}>
        <label htmlFor="letter-body">{t("body")}</label>
        <p className="hint" id="letter-body-hint">
          {t("bodyHint")}
        </p>
        {errorText("body")}
        <textarea
          id="letter-body"
          name="body"
          rows={12}
          lang={letterLocale}
          dir={letterLocale === "ar" ? "rtl" : "ltr"}
          defaultValue={value("body", defaults.body)}
          aria-invalid={Boolean(errors.body)}
          aria-describedby={describedBy("body", true)}
        />
      </div>

      <div className={`field${errors.personal ? " field-invalid" : ""}`}>
        <label htmlFor="letter-personal">{t("personal")}</label>
        <p className="hint" id="letter-personal-hint">
          {t("personalHint", { min: personalMinLength })}
        </p>
        {errorText("personal")}
        <textarea
          id="letter-personal"
          name="personal"
          rows={5}
          maxLength={personalMaxLength}
          lang={letterLocale}
          dir="auto"
          required
          defaultValue={value("personal", "")}
          aria-invalid={Boolean(errors.personal)}
          aria-describedby={describedBy("personal", true)}
        />
      </div>

      <div className="letter-actions">
        {token ? (
          <p>
            <button type="submit" name="intent" value="send" className="button" disabled={pending} aria-describedby="letter-send-hint">
              {pending ? t("sending") : t("send")}
            </button>
            <span className="hint" id="letter-send-hint">
              {" "}
              {t("sendHint")}
            </span>
          </p>
        ) : null}
        <p>
          <button type="submit" name="intent" value="mailto" className={token ? "button button-secondary" : "button"} disabled={pending} aria-describedby="letter-mailto-hint">
            {t("mailto")}
          </button>
          <span className="hint" id="letter-mailto-hint">
            {" "}
            {t("mailtoHint")}
          </span>
        </p>
      </div>
    </form>
  );
}
